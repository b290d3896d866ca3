package io.sluice.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses human-written byte sizes: {@code 1048576}, {@code 512KiB}, {@code 1MiB}, {@code 10MB}.
 * Binary units (KiB, MiB, GiB) are powers of 1024, decimal units (KB, MB, GB) powers of 1000,
 * and a bare number is bytes. Units are case-insensitive. Results must fit an {@code int}.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");
    private static final String HINT =
            "use a number of bytes or a number with a unit B, KB, MB, GB, KiB, MiB, GiB (e.g. 1048576, 512KiB, 1MiB, 10MB)";

    private ByteSize() {
    }

    /** The number of bytes {@code text} stands for; throws {@link IllegalArgumentException} saying what to write. */
    public static int parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = SIZE.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; " + HINT);
        }
        long multiplier = switch (m.group(2)) {
            case "", "b" -> 1L;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' has an unknown unit '" + m.group(2) + "'; " + HINT);
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large; the maximum is 2147483647 bytes (just under 2GiB)");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be at least 1 byte");
        }
        return (int) bytes;
    }

    /** picocli converter: turns a parse failure into a usage error naming the option. */
    public static final class Converter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

package io.sluice.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as people write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or
 * ISO-8601 ({@code PT30S}, {@code PT1M30S}). A bare number is refused: "30" could mean seconds or
 * milliseconds, and guessing wrong turns a timeout into something a thousand times off.
 */
public final class HumanDuration {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final String HINT = "use a number with a unit ms, s, m or h (e.g. 500ms, 10s, 2m) or ISO-8601 (e.g. PT30S)";

    private HumanDuration() {
    }

    /** The duration {@code text} stands for (zero or more); throws {@link IllegalArgumentException} saying what to write. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.matches("\\d+")) {
            throw new IllegalArgumentException("'" + text + "' has no unit; " + HINT);
        }
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; " + HINT);
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + HINT);
        }
    }

    /** picocli converter: turns a parse failure into a usage error naming the option. */
    public static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

package io.sluice.gateway.access;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A principal's rate limits: requests per second and body bytes per second, each
 * {@link Double#POSITIVE_INFINITY} when unlimited. Immutable.
 *
 * <p>{@link #parse} reads the {@code --quota} option: {@code requests=100/s,bytes=1MiB/s}. Either part may
 * be left out (it is then unlimited), the {@code /s} may be left out, and either value, or the whole
 * option, may be {@code unlimited}. Numbers may have a fraction ({@code requests=0.5/s} is one request
 * every two seconds). Byte rates take the units B, KB, MB, GB (powers of 1000) and KiB, MiB, GiB (powers
 * of 1024), case-insensitive, as {@code --max-body-size} does.
 */
public record QuotaLimits(double requestsPerSecond, double bytesPerSecond) {

    /** No limit on either. */
    public static final QuotaLimits UNLIMITED = new QuotaLimits(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    private static final String FORMAT = "write e.g. requests=100/s,bytes=1MiB/s (either part optional, "
            + "each value a number or 'unlimited')";

    public QuotaLimits {
        if (!(requestsPerSecond > 0) || !(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive: " + requestsPerSecond + ", " + bytesPerSecond);
        }
    }

    /** Whether neither rate is limited. */
    public boolean isUnlimited() {
        return requestsPerSecond == Double.POSITIVE_INFINITY && bytesPerSecond == Double.POSITIVE_INFINITY;
    }

    /**
     * Parses the {@code --quota} option.
     *
     * @throws IllegalArgumentException saying what was wrong and what to write
     */
    public static QuotaLimits parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty quota; " + FORMAT);
        }
        if (s.equalsIgnoreCase("unlimited")) {
            return UNLIMITED;
        }
        if (s.indexOf(';') >= 0) {
            throw new IllegalArgumentException("quota '" + spec + "' has ';'; separate the parts with ','");
        }
        double requests = Double.POSITIVE_INFINITY;
        double bytes = Double.POSITIVE_INFINITY;
        boolean sawRequests = false;
        boolean sawBytes = false;
        for (String part : s.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0) {
                throw new IllegalArgumentException("quota '" + spec + "' has '" + name + "' without '='; " + FORMAT);
            }
            String value = stripPerSecond(part.substring(eq + 1).trim(), spec);
            switch (name) {
                case "requests" -> {
                    if (sawRequests) {
                        throw new IllegalArgumentException("quota '" + spec + "' names requests twice");
                    }
                    sawRequests = true;
                    requests = requestRate(value);
                }
                case "bytes" -> {
                    if (sawBytes) {
                        throw new IllegalArgumentException("quota '" + spec + "' names bytes twice");
                    }
                    sawBytes = true;
                    bytes = byteRate(value);
                }
                default -> throw new IllegalArgumentException(
                        "quota '" + spec + "' has an unknown part '" + name + "'; " + FORMAT);
            }
        }
        return new QuotaLimits(requests, bytes);
    }

    private static String stripPerSecond(String value, String spec) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return value;
        }
        String per = value.substring(slash + 1).trim();
        if (!per.equals("s")) {
            throw new IllegalArgumentException("quota '" + spec + "' has a rate per '" + per
                    + "'; rates are per second: write /s or nothing");
        }
        return value.substring(0, slash).trim();
    }

    /**
     * A request rate: a positive number, or {@code unlimited} for {@link Double#POSITIVE_INFINITY}.
     *
     * @throws IllegalArgumentException saying what to write
     */
    public static double requestRate(String value) {
        if (value.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = NUMBER_UNIT.matcher(value);
        if (!m.matches() || !m.group(2).isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' is not a request rate; write a number of requests "
                    + "per second such as 100 or 0.5, or 'unlimited'");
        }
        return positive(Double.parseDouble(m.group(1)), value);
    }

    /**
     * A byte rate: a number with an optional unit (B, KB, MB, GB, KiB, MiB, GiB), or {@code unlimited}.
     *
     * @throws IllegalArgumentException saying what to write
     */
    public static double byteRate(String value) {
        if (value.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = NUMBER_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a byte rate; write a number with an optional "
                    + "unit B, KB, MB, GB, KiB, MiB, GiB (e.g. 1048576, 512KiB, 10MiB), or 'unlimited'");
        }
        double unit = switch (m.group(2)) {
            case "", "b" -> 1;
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024;
            case "mib" -> 1024 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> throw new IllegalArgumentException("'" + value + "' has an unknown unit '" + m.group(2)
                    + "'; use B, KB, MB, GB, KiB, MiB or GiB");
        };
        return positive(Double.parseDouble(m.group(1)) * unit, value);
    }

    private static double positive(double rate, String value) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("'" + value + "' must be a positive rate; to lift the limit write 'unlimited'");
        }
        return rate;
    }
}

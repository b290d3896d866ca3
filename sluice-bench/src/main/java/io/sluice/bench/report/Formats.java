package io.sluice.bench.report;

import java.util.Locale;

/** Number formats shared by the reports; unknown (NaN) values render as "-". */
final class Formats {
    static final String UNKNOWN = "-";

    private Formats() {
    }

    /**
     * Requests per second: {@code 81,432}; below 10,000 with one decimal ({@code 3,924.6}) as in the
     * reference experiment's table, where narrow intervals would otherwise round to one number.
     */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            return UNKNOWN;
        }
        return String.format(Locale.ROOT, perSecond >= 10_000 ? "%,.0f" : "%,.1f", perSecond);
    }

    /** A latency given in microseconds, in the unit that keeps it short: {@code 850us}, {@code 12.3ms}, {@code 2.05s}. */
    static String micros(double micros) {
        if (Double.isNaN(micros)) {
            return UNKNOWN;
        }
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0fus", micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.2fs", micros / 1_000_000);
    }

    /** CPU cores used: {@code 1.52}. */
    static String cores(double cores) {
        return Double.isNaN(cores) ? UNKNOWN : String.format(Locale.ROOT, "%.2f", cores);
    }

    /**
     * CPU microseconds per request or record: {@code 18.4}, {@code 2.45} below 10. Unknown when NaN, and when 0 or
     * less (results written before the figure existed read it back as 0).
     */
    static String cpuMicros(double micros) {
        if (Double.isNaN(micros) || Double.isInfinite(micros) || micros <= 0) {
            return UNKNOWN;
        }
        return String.format(Locale.ROOT, micros >= 10 ? "%.1f" : "%.2f", micros);
    }

    /** A ratio: {@code 1.12x}; unknown when either side is. */
    static String ratio(double numerator, double denominator) {
        double r = numerator / denominator;
        return Double.isNaN(r) || Double.isInfinite(r) || r <= 0 ? UNKNOWN : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** A count with thousands separators: {@code 1,204,331}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A number for an SVG attribute: plain, one decimal, never a grouping separator. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

package io.sluice.bench.stats;

import java.util.Arrays;

/**
 * Quantiles of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy, and what Criterion uses for its quartiles).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The {@code fraction} quantile of already sorted values: rank {@code fraction * (n - 1)}, interpolated.
     *
     * @throws IllegalArgumentException when there are no values or the fraction is outside [0, 1]
     */
    public static double ofSorted(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("quantile fraction must be in [0, 1], was " + fraction);
        }
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = rank - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }

    /** The {@code fraction} quantile of values in any order (the input is not modified). */
    public static double of(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, fraction);
    }
}

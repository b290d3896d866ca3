package io.sluice.bench.model;

/** A point estimate with its confidence interval (e.g. requests per second, 95% bootstrap). */
public record Estimate(double lower, double estimate, double upper) {
    /** Half the interval's width relative to the estimate (0.03 = +-3%). */
    public double relativeHalfWidth() {
        return estimate == 0 ? Double.NaN : (upper - lower) / 2 / estimate;
    }
}

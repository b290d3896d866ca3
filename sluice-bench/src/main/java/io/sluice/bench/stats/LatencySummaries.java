package io.sluice.bench.stats;

import io.sluice.bench.model.LatencySummary;
import org.HdrHistogram.AbstractHistogram;

/** Summaries of HdrHistogram latency recordings. */
public final class LatencySummaries {
    private LatencySummaries() {
    }

    /**
     * p50, p90, p99, p99.9 and max of a histogram recorded in microseconds. HdrHistogram reports the highest
     * value equivalent to the recorded one at each percentile, so values carry the histogram's precision
     * (e.g. 3 significant digits). An empty histogram gives NaN everywhere (rendered as "-"), not zeros that
     * would look like a very fast server.
     */
    public static LatencySummary ofMicros(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(
                histogram.getValueAtPercentile(50.0),
                histogram.getValueAtPercentile(90.0),
                histogram.getValueAtPercentile(99.0),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }
}

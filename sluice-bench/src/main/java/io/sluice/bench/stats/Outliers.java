package io.sluice.bench.stats;

import io.sluice.bench.model.OutlierSummary;
import io.sluice.loadgen.Sample;
import io.sluice.loadgen.Scenario;
import java.util.Arrays;
import java.util.List;

/**
 * Tukey's fences, as Criterion reports outliers: with quartiles Q1, Q3 and IQR = Q3 - Q1, a value below
 * Q1 - 3 IQR is a severe low outlier, below Q1 - 1.5 IQR a mild low one; above Q3 + 1.5 IQR a mild high
 * one, above Q3 + 3 IQR a severe high one (strictly beyond the fence). Outliers are reported, never dropped.
 */
public final class Outliers {
    private Outliers() {
    }

    /** The four fences of a set of values. */
    public record Fences(double lowSevere, double lowMild, double highMild, double highSevere) {
    }

    public static Fences fences(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = Quantiles.ofSorted(sorted, 0.25);
        double q3 = Quantiles.ofSorted(sorted, 0.75);
        double iqr = q3 - q1;
        return new Fences(q1 - 3 * iqr, q1 - 1.5 * iqr, q3 + 1.5 * iqr, q3 + 3 * iqr);
    }

    /** Classifies values by their fences; an empty set has no outliers. */
    public static OutlierSummary classify(double[] values) {
        if (values.length == 0) {
            return new OutlierSummary(0, 0, 0, 0, 0);
        }
        Fences f = fences(values);
        int lowSevere = 0;
        int lowMild = 0;
        int highMild = 0;
        int highSevere = 0;
        for (double v : values) {
            if (v < f.lowSevere()) {
                lowSevere++;
            } else if (v > f.highSevere()) {
                highSevere++;
            } else if (v < f.lowMild()) {
                lowMild++;
            } else if (v > f.highMild()) {
                highMild++;
            }
        }
        return new OutlierSummary(lowSevere, lowMild, highMild, highSevere, values.length);
    }

    /**
     * Classifies a run's samples on the quantity each scenario measures: BURST on time per iteration
     * ({@code nanos / iterations}, so "high" means slow, as in Criterion), the others on each window's
     * requests per second (so "high" means fast).
     */
    public static OutlierSummary ofSamples(Scenario scenario, List<Sample> samples) {
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            Sample s = samples.get(i);
            values[i] = scenario == Scenario.BURST ? (double) s.nanos() / s.iterations() : s.requestsPerSecond();
        }
        return classify(values);
    }
}

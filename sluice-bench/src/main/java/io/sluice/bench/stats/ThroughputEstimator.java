package io.sluice.bench.stats;

import io.sluice.bench.model.Estimate;
import io.sluice.loadgen.Sample;
import io.sluice.loadgen.Scenario;
import java.util.List;

/**
 * Requests per second with a bootstrap confidence interval, from a load run's {@link Sample}s. See the
 * package documentation for the method. Immutable.
 */
public final class ThroughputEstimator {
    private static final double NANOS_PER_SECOND = 1e9;

    private final Bootstrap bootstrap;

    public ThroughputEstimator(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Criterion-style regression for {@link Scenario#BURST}, window rates for every other scenario. */
    public Estimate estimate(Scenario scenario, List<Sample> samples) {
        return scenario == Scenario.BURST ? burst(samples) : windows(samples);
    }

    /**
     * BURST samples (sample i ran {@code i * b} bursts of K requests): the time per burst is the slope of the
     * least-squares line through the origin of nanos on iterations, and throughput is K / that time, with K
     * the requests completed per iteration. Bootstrapped by resampling whole samples and refitting; the
     * bounds come out in req/s order (a slow resample has a steep slope and a low rate).
     *
     * @throws IllegalArgumentException when there are no samples or they measured no time
     */
    public Estimate burst(List<Sample> samples) {
        double[] iterations = column(samples, Column.ITERATIONS);
        double[] requests = column(samples, Column.REQUESTS);
        double[] nanos = column(samples, Column.NANOS);
        return bootstrap.interval(samples.size(), indices -> {
            double xy = 0;
            double xx = 0;
            double totalRequests = 0;
            double totalIterations = 0;
            for (int i : indices) {
                xy += iterations[i] * nanos[i];
                xx += iterations[i] * iterations[i];
                totalRequests += requests[i];
                totalIterations += iterations[i];
            }
            double nanosPerIteration = xy / xx;
            double requestsPerIteration = totalRequests / totalIterations;
            return requestsPerIteration * NANOS_PER_SECOND / nanosPerIteration;
        });
    }

    /**
     * Fixed-window samples: throughput is all requests over all measured time (windows weighted by their
     * length, so a short last window does not count as much as a full one); bootstrapped by resampling
     * windows.
     *
     * @throws IllegalArgumentException when there are no samples or they measured no time
     */
    public Estimate windows(List<Sample> samples) {
        double[] requests = column(samples, Column.REQUESTS);
        double[] nanos = column(samples, Column.NANOS);
        return bootstrap.interval(samples.size(), indices -> {
            double totalRequests = 0;
            double totalNanos = 0;
            for (int i : indices) {
                totalRequests += requests[i];
                totalNanos += nanos[i];
            }
            return totalRequests * NANOS_PER_SECOND / totalNanos;
        });
    }

    private enum Column { ITERATIONS, REQUESTS, NANOS }

    private static double[] column(List<Sample> samples, Column column) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no throughput samples: the measurement recorded nothing");
        }
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            Sample s = samples.get(i);
            if (s.nanos() <= 0 || s.iterations() <= 0) {
                throw new IllegalArgumentException("sample " + i + " is empty: " + s);
            }
            values[i] = switch (column) {
                case ITERATIONS -> s.iterations();
                case REQUESTS -> s.requests();
                case NANOS -> s.nanos();
            };
        }
        return values;
    }
}

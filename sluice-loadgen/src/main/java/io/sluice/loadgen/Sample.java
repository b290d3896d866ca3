package io.sluice.loadgen;

/**
 * One throughput sample: {@code requests} completed (2xx) in {@code nanos}. For BURST,
 * {@code iterations} bursts of K; for the other scenarios one fixed measurement window (iterations 1).
 */
public record Sample(long iterations, long requests, long nanos) {
    public double requestsPerSecond() {
        return requests * 1e9 / nanos;
    }
}

package io.sluice.bench.model;

/** Latency percentiles in microseconds. */
public record LatencySummary(double p50, double p90, double p99, double p999, double max) {
}

package io.sluice.bench.model;

/** CPU used during a cell's measurement, in cores (CPU seconds / wall seconds); NaN when unknown. */
public record CpuUsage(double gateway, double broker, double loadgen) {
}

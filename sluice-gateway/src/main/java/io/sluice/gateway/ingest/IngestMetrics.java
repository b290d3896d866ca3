package io.sluice.gateway.ingest;

import java.util.function.DoubleSupplier;

/**
 * What ingest reports about records, without depending on a metrics library: the gateway's metrics
 * implement it ({@code ops.GatewayMetrics}). Implementations are thread-safe: called from I/O threads
 * and from the producer's sender thread, where they must be cheap.
 */
public interface IngestMetrics {

    /**
     * Counts the acknowledged records of one request: {@code latencyNanos} runs from handing the first
     * record to the producer until the last one was acknowledged (one observation per request).
     */
    void recordsProduced(long count, long sizeBytes, long latencyNanos);

    /** Counts {@code count} records that were not delivered, all for the same reason. */
    void recordsFailed(FailureKind kind, long count);

    /** Counts one record that was not delivered. */
    default void recordFailed(FailureKind kind) {
        recordsFailed(kind, 1);
    }

    /** Registers a gauge whose value is read at scrape time. */
    void gauge(String name, String help, DoubleSupplier value);
}

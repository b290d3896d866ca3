package io.sluice.bench.model;

/**
 * Proof in Kafka: the records the topic gained during the cell (end offsets after minus before; async
 * cells after the gateway flushed) against the 2xx answers. OK when equal (not applicable to sinks
 * that write nowhere). A request of a batching format carries {@code recordsPerRequest} records, so there
 * the topic must gain 2xx x recordsPerRequest records.
 *
 * @param recordsPerRequest records each successful request published (0 in results written before batches: 1)
 */
public record Verification(long successes, long records, boolean applicable, int recordsPerRequest) {
    /** One record per request. */
    public Verification(long successes, long records, boolean applicable) {
        this(successes, records, applicable, 1);
    }

    /** The records the 2xx answers promise. */
    public long expectedRecords() {
        return successes * Math.max(1, recordsPerRequest);
    }

    public boolean ok() {
        return !applicable || records == expectedRecords();
    }
}

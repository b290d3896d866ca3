package io.sluice.bench.model;

/**
 * Proof in Kafka: the records the topic gained during the cell (end offsets after minus before; async
 * cells after the gateway flushed) against the 2xx answers. OK when equal (not applicable to sinks
 * that write nowhere).
 */
public record Verification(long successes, long records, boolean applicable) {
    public boolean ok() {
        return !applicable || records == successes;
    }
}

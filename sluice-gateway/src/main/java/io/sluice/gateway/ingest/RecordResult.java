package io.sluice.gateway.ingest;

/** The outcome of one record: its position in Kafka, or why it failed. */
public sealed interface RecordResult {

    /**
     * The broker acknowledged the record at this position.
     *
     * @param timestamp the record's timestamp as Kafka stored it (epoch milliseconds), or -1 when unknown
     */
    record Written(String topic, int partition, long offset, long timestamp) implements RecordResult {
        public Written(String topic, int partition, long offset) {
            this(topic, partition, offset, -1);
        }
    }

    /** The record was not written (or its fate is unknown, as for a timeout). */
    record Failed(FailureKind kind, String message) implements RecordResult {
    }
}

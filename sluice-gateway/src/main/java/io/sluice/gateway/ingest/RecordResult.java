package io.sluice.gateway.ingest;

/** The outcome of one record: its position in Kafka, or why it failed. */
public sealed interface RecordResult {

    /** The broker acknowledged the record at this position. */
    record Written(String topic, int partition, long offset) implements RecordResult {
    }

    /** The record was not written (or its fate is unknown, as for a timeout). */
    record Failed(FailureKind kind, String message) implements RecordResult {
    }
}

package io.sluice.gateway.ingest;

import java.util.List;

/** The outcome of one request's records. */
public sealed interface IngestResult {

    /** Delivery mode ack: one result per record, in request order (some may have failed). */
    record Acknowledged(List<RecordResult> results) implements IngestResult {
        /** The first failure, or null if every record was written. */
        public RecordResult.Failed firstFailure() {
            for (RecordResult r : results) {
                if (r instanceof RecordResult.Failed f) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Delivery mode async: every record is in the producer's buffer. */
    record Queued(int count) implements IngestResult {
    }

    /**
     * The request was refused as a whole. {@code queuedBefore} records had already been handed to the
     * producer when the failure happened (async mode, buffer full mid-request); they may still arrive.
     */
    record Refused(FailureKind kind, String message, int queuedBefore) implements IngestResult {
        public Refused(FailureKind kind, String message) {
            this(kind, message, 0);
        }
    }
}

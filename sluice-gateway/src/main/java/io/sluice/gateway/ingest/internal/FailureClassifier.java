package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.FailureKind;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Maps a Kafka exception, from the producer or from a topic lookup, to the {@link FailureKind} a client is
 * told. Pure function. Only a {@link RetriableException} (and the producer's own shutdown) is a failure that
 * can succeed later; every other Kafka error is the client's mistake or {@link FailureKind#INTERNAL}.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable e) {
        if (e instanceof BufferExhaustedException) {
            return FailureKind.BUFFER_FULL;
        }
        if (e instanceof TimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException) {
            return FailureKind.RECORD_TOO_LARGE;
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return FailureKind.UNKNOWN_TOPIC;
        }
        if (e instanceof AuthorizationException) {
            return FailureKind.NOT_AUTHORIZED;
        }
        if (e instanceof InvalidTopicException) {
            return FailureKind.INVALID_TOPIC;
        }
        if (e instanceof InvalidRecordException) {
            return FailureKind.INVALID_RECORD;
        }
        if (e instanceof RetriableException) {
            return FailureKind.UNAVAILABLE;
        }
        if (e instanceof IllegalStateException) {
            return FailureKind.SHUTTING_DOWN; // "Cannot perform operation after producer has been closed"
        }
        return FailureKind.INTERNAL;
    }

    /**
     * True for the exception {@code send} throws (through its callback, synchronously) when the producer
     * has no metadata for the topic yet and may not wait for it ({@code max.block.ms=0}). Sending again a
     * few milliseconds later succeeds once the metadata request it triggered has returned.
     */
    static boolean isMetadataMiss(Throwable e) {
        return e instanceof TimeoutException && !(e instanceof BufferExhaustedException)
                && e.getMessage() != null && e.getMessage().contains("metadata");
    }
}

package io.sluice.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void shouldClassifyProducerExceptions() {
        assertThat(FailureClassifier.classify(new BufferExhaustedException("full"))).isEqualTo(FailureKind.BUFFER_FULL);
        assertThat(FailureClassifier.classify(new TimeoutException("Expiring 1 record(s)")))
                .isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureClassifier.classify(new RecordTooLargeException("big")))
                .isEqualTo(FailureKind.RECORD_TOO_LARGE);
        assertThat(FailureClassifier.classify(new UnknownTopicOrPartitionException("gone")))
                .isEqualTo(FailureKind.UNKNOWN_TOPIC);
        assertThat(FailureClassifier.classify(new TopicAuthorizationException("no")))
                .isEqualTo(FailureKind.NOT_AUTHORIZED);
        assertThat(FailureClassifier.classify(new NotEnoughReplicasException("isr")))
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(FailureClassifier.classify(new IllegalStateException("closed")))
                .isEqualTo(FailureKind.SHUTTING_DOWN);
        assertThat(FailureClassifier.classify(new RuntimeException("?"))).isEqualTo(FailureKind.INTERNAL);
    }

    @Test
    void shouldTellAMissingMetadataTimeoutFromAFullBuffer() {
        assertThat(FailureClassifier.isMetadataMiss(
                new TimeoutException("Topic events not present in metadata after 0 ms."))).isTrue();
        assertThat(FailureClassifier.isMetadataMiss(new BufferExhaustedException(
                "Failed to allocate memory within the configured max blocking time 0 ms."))).isFalse();
    }
}

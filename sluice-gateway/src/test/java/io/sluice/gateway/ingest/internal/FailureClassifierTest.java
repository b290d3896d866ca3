package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.FailureKind;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

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

    /** Defect 10 of issue 9: each exception class, and whether the client is told it may retry. */
    static Stream<Arguments> exceptionsByClass() {
        return Stream.of(
                Arguments.of(new InvalidTopicException("Topic name cannot be \".\" or \"..\""),
                        FailureKind.INVALID_TOPIC),
                Arguments.of(new InvalidRecordException("compacted topic needs a key"), FailureKind.INVALID_RECORD),
                Arguments.of(new RecordBatchTooLargeException("batch"), FailureKind.RECORD_TOO_LARGE),
                Arguments.of(new ClusterAuthorizationException("no"), FailureKind.NOT_AUTHORIZED),
                Arguments.of(new UnsupportedVersionException("too old"), FailureKind.INTERNAL),
                Arguments.of(new SaslAuthenticationException("bad credentials"), FailureKind.INTERNAL),
                Arguments.of(new NetworkException("disconnected"), FailureKind.UNAVAILABLE),
                Arguments.of(new NotLeaderOrFollowerException("moved"), FailureKind.UNAVAILABLE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("exceptionsByClass")
    void shouldClassifyEachKafkaExceptionClass(Throwable e, FailureKind kind) {
        assertThat(FailureClassifier.classify(e)).isEqualTo(kind);
    }

    @Test
    void shouldTellAMissingMetadataTimeoutFromAFullBuffer() {
        assertThat(FailureClassifier.isMetadataMiss(
                new TimeoutException("Topic events not present in metadata after 0 ms."))).isTrue();
        assertThat(FailureClassifier.isMetadataMiss(new BufferExhaustedException(
                "Failed to allocate memory within the configured max blocking time 0 ms."))).isFalse();
    }
}

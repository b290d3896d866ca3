package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.internal.FailureClassifier;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defect 10 of issue 9: the HTTP status a Kafka error becomes. The rule: 503 + Retry-After only for what
 * can succeed later; a client's mistake is a 4xx, anything else Kafka will keep refusing is a 500.
 */
class KafkaErrorStatusTest {

    static Stream<Arguments> kafkaErrors() {
        return Stream.of(
                Arguments.of(new InvalidTopicException("Topic name cannot be \".\" or \"..\""), 400),
                Arguments.of(new InvalidRecordException("compacted topic cannot accept a record without a key"), 400),
                Arguments.of(new RecordTooLargeException("big"), 413),
                Arguments.of(new RecordBatchTooLargeException("big batch"), 413),
                Arguments.of(new TopicAuthorizationException("no"), 403),
                Arguments.of(new ClusterAuthorizationException("no"), 403),
                Arguments.of(new UnknownTopicOrPartitionException("gone"), 404),
                Arguments.of(new UnsupportedVersionException("too old"), 500),
                Arguments.of(new SaslAuthenticationException("the gateway's own credentials"), 500),
                Arguments.of(new UnknownServerException("?"), 500),
                Arguments.of(new TimeoutException("Expiring 1 record(s)"), 504),
                Arguments.of(new BufferExhaustedException("full"), 503),
                Arguments.of(new NotEnoughReplicasException("isr"), 503),
                Arguments.of(new NotLeaderOrFollowerException("moved"), 503),
                Arguments.of(new NetworkException("disconnected"), 503),
                Arguments.of(new IllegalStateException("Cannot perform operation after producer has been closed"),
                        503));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kafkaErrors")
    void shouldAnswerEachKafkaErrorWithTheStatusItsCauseCallsFor(Throwable error, int status) {
        assertThat(OutcomeResponses.status(FailureClassifier.classify(error))).isEqualTo(status);
    }

    @Test
    void shouldAnswer503OnlyForWhatCanSucceedLater() {
        for (FailureKind k : FailureKind.values()) {
            boolean canSucceedLater = k == FailureKind.BUFFER_FULL || k == FailureKind.LOOKUP_THROTTLED
                    || k == FailureKind.UNAVAILABLE || k == FailureKind.SHUTTING_DOWN;
            assertThat(OutcomeResponses.status(k) == 503).as(k.name()).isEqualTo(canSucceedLater);
        }
    }

    @Test
    void shouldNeverAnswerANonRetriableKafkaErrorWith503() throws Exception {
        List<Class<?>> nonRetriable = kafkaExceptionClasses().stream()
                .filter(c -> !RetriableException.class.isAssignableFrom(c)).toList();
        assertThat(nonRetriable).as("the scan found Kafka's exceptions").hasSizeGreaterThan(50)
                .contains(InvalidTopicException.class, UnsupportedVersionException.class);
        for (Class<?> c : nonRetriable) {
            Throwable error = (Throwable) c.getConstructor(String.class).newInstance("test");
            int status = OutcomeResponses.status(FailureClassifier.classify(error));
            assertThat(status).as(c.getName()).isNotEqualTo(503)
                    .satisfiesAnyOf(s -> assertThat(s).isBetween(400, 499), s -> assertThat(s).isEqualTo(500));
        }
    }

    /** Every concrete KafkaException in kafka-clients' errors package with a (String) constructor. */
    private static List<Class<?>> kafkaExceptionClasses() throws IOException, URISyntaxException {
        Path jar = Path.of(KafkaException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith("org/apache/kafka/common/errors/") || !name.endsWith(".class")
                        || name.contains("$") || name.indexOf('/', "org/apache/kafka/common/errors/".length()) >= 0) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                    if (KafkaException.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
                            && Modifier.isPublic(c.getModifiers())) {
                        c.getConstructor(String.class);
                        found.add(c);
                    }
                } catch (NoSuchMethodException | ClassNotFoundException | LinkageError noStringConstructor) {
                    // skipped: not constructible from a message alone
                }
            }
        }
        found.add(InvalidRecordException.class);
        return found;
    }
}

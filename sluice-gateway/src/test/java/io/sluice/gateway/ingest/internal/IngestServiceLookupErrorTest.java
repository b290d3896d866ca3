package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.Availability;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.IngestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 10 of issue 9 ("a client's mistake answered as Kafka's outage"): an error from the topic lookup
 * is classed like the same error from the producer. Only what can succeed later (Kafka unreachable, a
 * retriable error) is {@code kafka_unavailable}; an invalid name, a refused authorization or an
 * unsupported version is not, so the client is not told to retry for ever.
 */
class IngestServiceLookupErrorTest {
    private final StubAdmin kafka = new StubAdmin();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private IngestService service(TopicCatalogSettings settings) {
        return new IngestService(new TopicCatalog(kafka.admin, t -> true, scheduler, System::nanoTime, settings,
                new TopicFilter(List.of(), null)), Availability.ALWAYS, new NullSink(new TopicFilter(List.of(), null)),
                DeliveryMode.ACK);
    }

    private static List<IngestRecord> oneRecord() {
        return List.of(new IngestRecord(null, null, "v".getBytes(StandardCharsets.UTF_8), List.of()));
    }

    @Test
    void shouldRefuseANewNameOverTheLookupRateAsRetriableAtOnce() {
        IngestService service = service(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 100, 0.001, 1));
        service.ingest("first", oneRecord());

        CompletableFuture<IngestResult> outcome = service.ingest("second", oneRecord());

        assertThat(outcome).isDone();
        IngestResult.Refused refused = (IngestResult.Refused) outcome.join();
        assertThat(refused.kind()).isEqualTo(FailureKind.LOOKUP_THROTTLED);
        assertThat(refused.message()).contains("not seen before", "retry");
        assertThat(kafka.calls()).isEqualTo(1);
    }

    static Stream<Arguments> lookupErrors() {
        return Stream.of(
                Arguments.of(new InvalidTopicException("Topic name cannot be \".\" or \"..\""), false),
                Arguments.of(new TopicAuthorizationException("Not authorized to access topics: [t]"), false),
                Arguments.of(new UnsupportedVersionException("The broker does not support DESCRIBE_TOPIC"), false),
                Arguments.of(new UnknownServerException("unexpected"), false),
                Arguments.of(new TimeoutException("Timed out waiting for a node assignment"), true),
                Arguments.of(new NetworkException("The server disconnected"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookupErrors")
    void shouldClassALookupErrorLikeTheSameErrorFromTheProducer(Throwable error, boolean canSucceedLater)
            throws Exception {
        IngestService service = service(TopicCatalogSettings.defaults());

        CompletableFuture<IngestResult> outcome = service.ingest("t", oneRecord());
        kafka.next().fails(error);

        IngestResult.Refused refused = (IngestResult.Refused) outcome.get(5, TimeUnit.SECONDS);
        if (canSucceedLater) {
            assertThat(refused.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        } else {
            assertThat(refused.kind()).isNotEqualTo(FailureKind.UNAVAILABLE)
                    .isEqualTo(FailureClassifier.classify(error));
        }
    }
}

package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import io.sluice.gateway.ops.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink's own logic under failures a real broker cannot be made to produce on demand (a full
 * buffer, missing metadata, one record of a batch expiring). Kafka's MockProducer stands in for the
 * producer here only; delivery against a real broker is covered by the gateway's integration tests.
 */
class KafkaSinkTest {
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ProducerHealth health = new ProducerHealth(System::nanoTime, TimeUnit.SECONDS.toNanos(5));
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final KafkaSink sink = new KafkaSink(producer, scheduler, metrics, health, System::nanoTime,
            Duration.ofSeconds(2), roomy());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A backlog limit no test here reaches. */
    private static BacklogLimit roomy() {
        return new BacklogLimit(1_000_000, Duration.ofSeconds(30), System::nanoTime);
    }

    private static IngestRecord record(String value) {
        return new IngestRecord(0, null, value.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static IngestResult await(CompletableFuture<IngestResult> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldCompleteAckModeOnlyWhenEveryRecordIsAcknowledged() throws Exception {
        CompletableFuture<IngestResult> f = sink.publish("t", List.of(record("a"), record("b")), DeliveryMode.ACK);
        producer.completeNext();
        assertThat(f).isNotDone();
        producer.completeNext();

        IngestResult.Acknowledged acked = (IngestResult.Acknowledged) await(f);
        assertThat(acked.results()).hasSize(2).allMatch(r -> r instanceof RecordResult.Written);
        assertThat(acked.firstFailure()).isNull();
    }

    @Test
    void shouldReportWhichRecordOfABatchFailed() throws Exception {
        CompletableFuture<IngestResult> f = sink.publish("t", List.of(record("a"), record("b")), DeliveryMode.ACK);
        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        IngestResult.Acknowledged acked = (IngestResult.Acknowledged) await(f);
        assertThat(acked.results().get(0)).isInstanceOf(RecordResult.Written.class);
        assertThat(acked.firstFailure().kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(health.isFailing()).isTrue();
    }

    @Test
    void shouldAnswerQueuedInAsyncModeWithoutWaitingForTheBroker() throws Exception {
        IngestResult r = await(sink.publish("t", List.of(record("a"), record("b"), record("c")), DeliveryMode.ASYNC));

        assertThat(r).isEqualTo(new IngestResult.Queued(3));
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void shouldRefuseAtOnceWhenTheBufferIsFull() throws Exception {
        producer.sendException = new BufferExhaustedException("Failed to allocate memory within 0 ms.");

        IngestResult r = await(sink.publish("t", List.of(record("a")), DeliveryMode.ASYNC));
        assertThat(r).isInstanceOf(IngestResult.Refused.class);
        assertThat(((IngestResult.Refused) r).kind()).isEqualTo(FailureKind.BUFFER_FULL);

        IngestResult acked = await(sink.publish("t", List.of(record("b")), DeliveryMode.ACK));
        assertThat(((IngestResult.Acknowledged) acked).firstFailure().kind()).isEqualTo(FailureKind.BUFFER_FULL);
    }

    @Test
    void shouldRetryFromTheSchedulerWhileTheProducerHasNoMetadataYetKeepingOrder() throws Exception {
        producer.sendException = new TimeoutException("Topic t not present in metadata after 0 ms.");
        CompletableFuture<IngestResult> f = sink.publish("t", List.of(record("a"), record("b")), DeliveryMode.ASYNC);
        Thread.sleep(30);
        assertThat(f).isNotDone();
        producer.sendException = null;

        assertThat(await(f)).isEqualTo(new IngestResult.Queued(2));
        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("a", "b");
    }

    @Test
    void shouldGiveUpAsUnavailableWhenMetadataNeverArrives() throws Exception {
        KafkaSink impatient = new KafkaSink(producer, scheduler, new GatewayMetrics(), health, System::nanoTime,
                Duration.ofMillis(50), roomy());
        producer.sendException = new TimeoutException("Topic t not present in metadata after 0 ms.");

        IngestResult r = await(impatient.publish("t", List.of(record("a")), DeliveryMode.ASYNC));
        assertThat(((IngestResult.Refused) r).kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    /**
     * Defect 9 (issue 9): a request refused from its i-th record on counted one failure for its n - i refused
     * records. KafkaProducer reports a full buffer through the callback, inside {@code send}.
     */
    @Test
    void shouldCountEveryRefusedRecordOfARequestAsFailedInAsyncMode() throws Exception {
        KafkaSink sink = new KafkaSink(new BufferFullAfter(1), scheduler, metrics, health, System::nanoTime,
                Duration.ofSeconds(2), roomy());

        IngestResult r = await(sink.publish("t", List.of(record("a"), record("b"), record("c"), record("d")),
                DeliveryMode.ASYNC));

        assertThat(r).isEqualTo(new IngestResult.Refused(FailureKind.BUFFER_FULL, "full", 1));
        assertThat(failedTotal(metrics, "buffer_full")).as("records refused").isEqualTo(3);
    }

    /** Defect 9 in ack mode: the refused records of a request are each counted once. */
    @Test
    void shouldCountEveryRefusedRecordOfARequestAsFailedInAckMode() throws Exception {
        BufferFullAfter failing = new BufferFullAfter(2);
        KafkaSink sink = new KafkaSink(failing, scheduler, metrics, health, System::nanoTime, Duration.ofSeconds(2),
                roomy());

        CompletableFuture<IngestResult> f = sink.publish("t", List.of(record("a"), record("b"), record("c"),
                record("d"), record("e")), DeliveryMode.ACK);
        failing.completeNext();
        failing.completeNext();

        IngestResult.Acknowledged acked = (IngestResult.Acknowledged) await(f);
        assertThat(acked.results()).filteredOn(x -> x instanceof RecordResult.Failed).hasSize(3);
        assertThat(failedTotal(metrics, "buffer_full")).as("records refused").isEqualTo(3);
    }

    /** Issue 9, defect 7: fire-and-forget records beyond the backlog limit get 503 buffer_full, not a 202. */
    @Test
    void shouldRefuseAsyncRequestsWithBufferFullOnceTheBacklogIsFullAndCountEveryRecord() throws Exception {
        BacklogLimit backlog = new BacklogLimit(30, Duration.ofSeconds(30), System::nanoTime); // at first: 3
        KafkaSink sink = new KafkaSink(producer, scheduler, metrics, health, System::nanoTime, Duration.ofSeconds(2),
                backlog);
        assertThat(await(sink.publish("t", List.of(record("a"), record("b")), DeliveryMode.ASYNC)))
                .isEqualTo(new IngestResult.Queued(2));
        assertThat(await(sink.publish("t", List.of(record("c")), DeliveryMode.ASYNC)))
                .isEqualTo(new IngestResult.Queued(1));

        IngestResult refused = await(sink.publish("t", List.of(record("d"), record("e")), DeliveryMode.ASYNC));

        assertThat(refused).isInstanceOf(IngestResult.Refused.class);
        assertThat(((IngestResult.Refused) refused).kind()).isEqualTo(FailureKind.BUFFER_FULL);
        assertThat(((IngestResult.Refused) refused).message()).contains("--max-queued-records");
        assertThat(((IngestResult.Refused) refused).queuedBefore()).isZero();
        assertThat(producer.history()).as("refused records never reach the producer").hasSize(3);
        assertThat(failedTotal(metrics, "buffer_full")).isEqualTo(2);
        assertThat(backlog.queued()).isEqualTo(3);
    }

    @Test
    void shouldFreeTheBacklogWhenQueuedRecordsAreAcknowledgedOrFail() throws Exception {
        BacklogLimit backlog = new BacklogLimit(30, Duration.ofSeconds(30), System::nanoTime);
        KafkaSink sink = new KafkaSink(producer, scheduler, metrics, health, System::nanoTime, Duration.ofSeconds(2),
                backlog);
        await(sink.publish("t", List.of(record("a"), record("b"), record("c")), DeliveryMode.ASYNC));
        assertThat(await(sink.publish("t", List.of(record("d")), DeliveryMode.ASYNC)))
                .isInstanceOf(IngestResult.Refused.class);

        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        assertThat(backlog.queued()).as("a request leaves the backlog when its last record is done").isEqualTo(3);
        producer.completeNext();

        assertThat(backlog.queued()).isZero();
        assertThat(await(sink.publish("t", List.of(record("d")), DeliveryMode.ASYNC)))
                .isEqualTo(new IngestResult.Queued(1));
    }

    @Test
    void shouldNotLimitAckModeRequestsWhoseClientsWaitForTheOutcome() throws Exception {
        BacklogLimit backlog = new BacklogLimit(10, Duration.ofSeconds(30), System::nanoTime); // at first: 1
        KafkaSink sink = new KafkaSink(producer, scheduler, metrics, health, System::nanoTime, Duration.ofSeconds(2),
                backlog);

        CompletableFuture<IngestResult> f = sink.publish("t", List.of(record("a"), record("b"), record("c")),
                DeliveryMode.ACK);
        CompletableFuture<IngestResult> g = sink.publish("t", List.of(record("d")), DeliveryMode.ACK);

        assertThat(producer.history()).hasSize(4);
        assertThat(backlog.queued()).isZero();
        while (producer.completeNext()) {
            // acknowledge all
        }
        assertThat(((IngestResult.Acknowledged) await(f)).firstFailure()).isNull();
        assertThat(((IngestResult.Acknowledged) await(g)).firstFailure()).isNull();
    }

    /** The value of {@code sluice_records_failed_total{reason}} in a scrape, 0 when absent. */
    static long failedTotal(GatewayMetrics metrics, String reason) {
        String prefix = "sluice_records_failed_total{reason=\"" + reason + "\"} ";
        for (String line : new String(metrics.scrape(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(prefix)) {
                return (long) Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        return 0;
    }

    /**
     * Takes the first {@code accepted} records, then reports a full buffer for every later one the way
     * KafkaProducer does with {@code max.block.ms=0}: through the callback, before {@code send} returns.
     */
    private static final class BufferFullAfter extends MockProducer<byte[], byte[]> {
        private int accepted;

        BufferFullAfter(int accepted) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.accepted = accepted;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (accepted-- > 0) {
                return super.send(record, callback);
            }
            BufferExhaustedException full = new BufferExhaustedException("full");
            callback.onCompletion(null, full);
            return CompletableFuture.failedFuture(full);
        }
    }
}

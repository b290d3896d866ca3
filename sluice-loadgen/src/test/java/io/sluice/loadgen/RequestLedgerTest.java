package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unique request ids written into the body, and the ids the server acknowledged, as a soak needs them. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class RequestLedgerTest {

    /** Hands out 0, 1, 2, ... and keeps every acknowledged id; counts an id acknowledged twice. */
    private static final class RecordingLedger implements RequestLedger {
        final AtomicLong next = new AtomicLong();
        final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicLong acknowledgedTwice = new AtomicLong();

        @Override
        public long nextId() {
            return next.getAndIncrement();
        }

        @Override
        public void acknowledged(long id) {
            if (!acknowledged.add(id)) {
                acknowledgedTwice.incrementAndGet();
            }
        }
    }

    @Test
    void shouldBuildAnIdPayloadOfTheAskedSizeWhoseIdReadsBack() {
        byte[] body = RequestTemplate.idPayload(100);

        assertThat(body).hasSize(100);
        String text = new String(body, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("{\"id\":\"0000000000000000\",\"data\":\"test_").endsWith("\"}");
        assertThat(RequestTemplate.idOf(body)).isZero();
        assertThat(RequestTemplate.idOf("{\"id\":\"0000000000004711\",\"data\":\"x\"}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(4711);
        assertThat(RequestTemplate.idOf("{\"data\":\"test_abc\"}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(RequestTemplate.idOf(null)).isEqualTo(-1);
    }

    @Test
    void shouldLocateTheIdSlotFromTheEndOfTheBody() {
        RequestTemplate withId = new RequestTemplate("h", 1, "/", "application/json", RequestTemplate.idPayload(64));
        RequestTemplate without = new RequestTemplate("h", 1, "/", "application/json", RequestTemplate.jsonPayload(64));

        assertThat(withId.idSlotFromEnd()).isEqualTo(64 - "{\"id\":\"".length());
        assertThat(without.idSlotFromEnd()).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"KEEPALIVE", "CONNECT"})
    void shouldSendEveryIdOnceAndReportExactlyTheAcknowledgedOnes(Scenario scenario) {
        Set<Long> received = ConcurrentHashMap.newKeySet();
        AtomicLong receivedTwice = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Set<Long> refusedIds = ConcurrentHashMap.newKeySet();
        try (TestHttpServer server = TestHttpServer.start((ctx, req, n) -> {
            long id = RequestTemplate.idOf(ByteBufUtil.getBytes(req.content()));
            if (!received.add(id)) {
                receivedTwice.incrementAndGet();
            }
            if (n % 10 == 0) { // every tenth is refused: the ledger must not hear of it
                refused.incrementAndGet();
                refusedIds.add(id);
                TestHttpServer.answer(ctx, req, 503);
            } else {
                TestHttpServer.answer(ctx, req, 200);
            }
        })) {
            RecordingLedger ledger = new RecordingLedger();
            RequestTemplate template = new RequestTemplate("127.0.0.1", server.port(), "/topics/t",
                    "application/json", RequestTemplate.idPayload(80));
            LoadResult r = LoadGenerator.builder().ledger(ledger).build().execute(new LoadSpec(scenario, template, 4,
                    0, Duration.ZERO, Duration.ofMillis(800), 0, Duration.ofSeconds(2)), ProgressListener.NONE);

            assertThat(r.errors()).isEmpty();
            // set operations by hand: AssertJ's collection assertions compare element by element (quadratic)
            assertThat(received.contains(-1L)).as("a request without an id").isFalse();
            assertThat(received).hasSize((int) r.sent());
            assertThat(receivedTwice.get()).isZero();
            assertThat(ledger.next.get()).isEqualTo(r.sent());
            assertThat(ledger.acknowledged).hasSize((int) r.successes());
            assertThat(ledger.acknowledged.stream().filter(refusedIds::contains).count()).as("refused yet acknowledged")
                    .isZero();
            assertThat(received.containsAll(ledger.acknowledged)).as("acknowledged but never sent").isTrue();
            assertThat(ledger.acknowledgedTwice.get()).isZero();
            assertThat(r.statusCounts().get(503)).isEqualTo(refused.get());
        }
    }

    @Test
    void shouldCountEverySecondsStartsAnswersAndFailures() {
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadResult r = LoadGenerator.run(new LoadSpec(Scenario.KEEPALIVE, server.template(), 4, 0, Duration.ZERO,
                    Duration.ofMillis(1500), 0, Duration.ofSeconds(1)), ProgressListener.NONE);

            LoadResult.Activity a = r.activity();
            assertThat(a.started()).hasSize(2);
            assertThat(a.answered()[0]).isPositive();
            assertThat(a.answered()[1]).isPositive();
            assertThat(a.failed()).containsOnly(0L);
            assertThat(a.started()[0] + a.started()[1]).isEqualTo(r.sent());
            assertThat(a.answered()[0] + a.answered()[1]).isEqualTo(r.successes());
            long stillOpenAfterFirst = a.started()[0] - a.answered()[0] - a.failed()[0];
            assertThat(stillOpenAfterFirst).as("at most the 4 connections' requests").isBetween(0L, 4L);
        }
    }

    @Test
    void shouldRefuseALedgerWhenTheBodyHasNoIdSlot() {
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadGenerator generator = LoadGenerator.builder().ledger(new RecordingLedger()).build();
            LoadSpec spec = new LoadSpec(Scenario.KEEPALIVE, server.template(), 1, 0, Duration.ZERO,
                    Duration.ofMillis(100), 0, Duration.ofSeconds(1));

            assertThatThrownBy(() -> generator.execute(spec, ProgressListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id slot");
        }
    }
}

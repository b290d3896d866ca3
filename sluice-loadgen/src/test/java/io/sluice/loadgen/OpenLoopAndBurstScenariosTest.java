package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RATE (open loop, coordinated-omission free) and BURST (Criterion-style samples) against local servers. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OpenLoopAndBurstScenariosTest {
    private static final long STALL_MILLIS = 500;

    /** A server that holds every answer due in {@code [stallStart, stallStart + 500 ms)} until the stall ends. */
    private static TestHttpServer stallingOnceAt(long stallStartNanos) {
        long stallEnd = stallStartNanos + TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
        return TestHttpServer.start((ctx, req, n) -> {
            long now = System.nanoTime();
            if (now >= stallStartNanos && now < stallEnd) {
                ctx.executor().schedule(() -> TestHttpServer.answer(ctx, req, 200), stallEnd - now,
                        TimeUnit.NANOSECONDS);
            } else {
                TestHttpServer.answer(ctx, req, 200);
            }
        });
    }

    private static long countAtLeast(Histogram h, long micros) {
        return h.getTotalCount() == 0 || h.getMaxValue() < micros ? 0 : h.getCountBetweenValues(micros, h.getMaxValue());
    }

    @ParameterizedTest(name = "{0} event loop(s)")
    @ValueSource(ints = {1, 2})
    void shouldAchieveTheOfferedRateAgainstAFastServer(int threads) {
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadSpec spec = new LoadSpec(Scenario.RATE, server.template(), 16, 1000, Duration.ofMillis(300),
                    Duration.ofMillis(1500), 0, Duration.ofSeconds(1));

            LoadResult r = LoadGenerator.builder().threads(threads).build().execute(spec, ProgressListener.NONE);

            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isEqualTo(1500).isEqualTo(r.successes());
            double achieved = r.successes() * 1e9 / r.measuredNanos();
            assertThat(achieved).isCloseTo(1000, within(50.0));
            assertThat(r.samples()).hasSize(20);
            for (Sample s : r.samples()) {
                assertThat(s.requestsPerSecond()).isCloseTo(1000, within(150.0));
            }
            assertThat(r.completionsPerSecond()).hasSize(2);
            assertThat((double) r.completionsPerSecond()[0]).isCloseTo(1000, within(50.0));
            assertThat((double) r.completionsPerSecond()[1]).isCloseTo(500, within(25.0)); // the last, half second
            assertThat(r.latencyMicros().getValueAtPercentile(50)).isLessThan(50_000);
        }
    }

    @Test
    void shouldChargeEveryRequestScheduledDuringAStallWithItsWaitFromTheIntendedStart() {
        long start = System.nanoTime();
        long warmup = 200;
        try (TestHttpServer server = stallingOnceAt(start + TimeUnit.MILLISECONDS.toNanos(warmup + 1250))) {
            LoadSpec spec = new LoadSpec(Scenario.RATE, server.template(), 64, 200, Duration.ofMillis(warmup),
                    Duration.ofSeconds(3), 0, Duration.ofSeconds(2));

            LoadResult r = LoadGenerator.run(spec, ProgressListener.NONE);

            Histogram h = r.latencyMicros();
            assertThat(r.errors()).isEmpty();
            assertThat(r.successes()).isEqualTo(600);
            // ~100 requests were scheduled during the 500 ms stall; those meant to start in its first 300 ms
            // waited >= 200 ms from their intended start.
            assertThat(countAtLeast(h, 200_000)).isGreaterThanOrEqualTo(50);
            assertThat(h.getValueAtPercentile(99)).isGreaterThanOrEqualTo(300_000);
            assertThat(h.getValueAtPercentile(50)).isLessThan(50_000);
        }
    }

    @Test
    void shouldShowOnlyOneSlowRequestForTheSameStallInAClosedLoopWithOneConnection() {
        long start = System.nanoTime();
        long warmup = 200;
        try (TestHttpServer server = stallingOnceAt(start + TimeUnit.MILLISECONDS.toNanos(warmup + 800))) {
            LoadSpec spec = new LoadSpec(Scenario.KEEPALIVE, server.template(), 1, 0, Duration.ofMillis(warmup),
                    Duration.ofSeconds(2), 0, Duration.ofSeconds(2));

            LoadResult r = LoadGenerator.run(spec, ProgressListener.NONE);

            // the naive (closed-loop) view of the same stall: the client waited instead of sending, so the
            // stall hides in one sample; this is why RATE exists
            assertThat(r.errors()).isEmpty();
            assertThat(countAtLeast(r.latencyMicros(), 200_000)).isEqualTo(1);
        }
    }

    @Test
    void shouldTakeCriterionSamplesOfGrowingIterationCountsWithKRequestsEach() {
        int k = 20;
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadSpec spec = new LoadSpec(Scenario.BURST, server.template(), k, 0, Duration.ofMillis(300),
                    Duration.ofMillis(1500), 5, Duration.ofSeconds(1));
            long t0 = System.nanoTime();

            LoadResult r = LoadGenerator.run(spec, ProgressListener.NONE);
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;

            List<Sample> samples = r.samples();
            assertThat(samples).hasSize(5);
            long b = samples.get(0).iterations();
            assertThat(b).isPositive();
            long iterations = 0;
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                assertThat(s.iterations()).isEqualTo((i + 1) * b);
                assertThat(s.requests()).isEqualTo(s.iterations() * k);
                assertThat(s.nanos()).isPositive();
                iterations += s.iterations();
            }
            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isEqualTo(iterations * k).isEqualTo(r.successes());
            assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.sent());
            assertThat(server.connections.get()).isEqualTo(server.requests.get());
            assertThat(r.measuredNanos()).isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1500 + 1000));
            assertThat(tookMillis).isLessThan(300 + 1500 + 1000 + 1500);
        }
    }

    @Test
    void shouldPickTheBaseIterationCountSoAllSamplesFitTheBudget() {
        // 11 samples -> 66 b iterations; 10 ms each; 66 s budget -> b = 100
        assertThat(BurstRun.baseIterations(11, 10_000_000, 66_000_000_000L)).isEqualTo(100);
        assertThat(BurstRun.baseIterations(11, 10_000_000, 1_000_000L)).isEqualTo(1);
    }
}

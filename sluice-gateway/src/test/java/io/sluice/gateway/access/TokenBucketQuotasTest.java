package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Quotas with a fake nano clock: refusal, the exact Retry-After, recovery, overrides and reloads. */
class TokenBucketQuotasTest {
    private static final long MS = 1_000_000L;
    private static final double NONE = Double.POSITIVE_INFINITY;
    private static final Principal ALICE = new Principal("alice", Set.of(), "api-key");

    private final AtomicLong now = new AtomicLong(123_456_789_000L);

    private TokenBucketQuotas quotas(String spec) {
        return new TokenBucketQuotas(QuotaLimits.parse(spec), now::get);
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }

    @Test
    void shouldAdmitOneSecondsWorthOfRequestsThenSayExactlyWhenTheNextFits() {
        TokenBucketQuotas q = quotas("requests=100/s");
        for (int i = 0; i < 100; i++) {
            assertThat(q.tryAcquire(ALICE, 0)).as("request %d", i).isZero();
        }
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(10 * MS);
        advance(9 * MS);
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(MS);
        advance(MS);
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(10 * MS);
    }

    @Test
    void shouldRecoverTheWholeBurstAfterOneIdleSecond() {
        TokenBucketQuotas q = quotas("requests=10/s");
        for (int i = 0; i < 10; i++) {
            q.tryAcquire(ALICE, 0);
        }
        assertThat(q.tryAcquire(ALICE, 0)).isPositive();
        advance(1000 * MS);
        for (int i = 0; i < 10; i++) {
            assertThat(q.tryAcquire(ALICE, 0)).isZero();
        }
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(100 * MS);
    }

    @Test
    void shouldKeepPrincipalsBucketsApart() {
        TokenBucketQuotas q = quotas("requests=1/s");
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(1000 * MS);
        assertThat(q.tryAcquire(new Principal("bob", Set.of(), "jwt"), 0)).isZero();
    }

    @Test
    void shouldRefuseBytesBeyondTheBudgetAndTakeNothingWhenRefusing() {
        TokenBucketQuotas q = quotas("requests=2/s,bytes=1000/s");
        assertThat(q.tryAcquire(ALICE, 1000)).isZero();
        assertThat(q.tryAcquire(ALICE, 500)).isEqualTo(500 * MS);
        assertThat(q.tryAcquire(ALICE, 500)).isEqualTo(500 * MS);
        advance(500 * MS);
        // had the two refusals taken request tokens, the request bucket would now be 2 s ahead
        assertThat(q.tryAcquire(ALICE, 500)).isZero();
    }

    @Test
    void shouldAnswerTheLongerWaitOfTheTwoBuckets() {
        TokenBucketQuotas q = quotas("requests=1/s,bytes=1000/s");
        assertThat(q.tryAcquire(ALICE, 1000)).isZero();
        assertThat(q.tryAcquire(ALICE, 500)).isEqualTo(1000 * MS);
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(1000 * MS);
    }

    @Test
    void shouldAdmitABodyLargerThanOneSecondsBudgetOnceTheBucketIsFullAndMakeTheNextWaitForTheDebt() {
        TokenBucketQuotas q = quotas("bytes=1000/s");
        assertThat(q.tryAcquire(ALICE, 1)).isZero();
        assertThat(q.tryAcquire(ALICE, 5000)).isEqualTo(MS);
        advance(MS);
        assertThat(q.tryAcquire(ALICE, 5000)).isZero();
        assertThat(q.tryAcquire(ALICE, 1)).isEqualTo(4001 * MS);
        advance(4000 * MS);
        assertThat(q.tryAcquire(ALICE, 1)).isEqualTo(MS);
    }

    @Test
    void shouldChargeBytesLearnedAfterTheBodyAgainstTheNextRequests() {
        TokenBucketQuotas q = quotas("bytes=1000/s");
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        q.charge(ALICE, 3000);
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(2000 * MS);
        advance(2000 * MS);
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
    }

    @Test
    void shouldNeverRefuseWhenUnlimited() {
        TokenBucketQuotas q = new TokenBucketQuotas(QuotaLimits.UNLIMITED, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(q.tryAcquire(ALICE, 1 << 20)).isZero();
        }
        q.charge(ALICE, Long.MAX_VALUE);
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
    }

    @Test
    void shouldPreferThePrincipalsEntryThenItsFirstGroupsEntryThenTheDefault() {
        List<QuotaOverride> entries = List.of(
                new QuotaOverride(null, "partners", 20.0, null, 5),
                new QuotaOverride("alice", null, 100.0, null, 8),
                new QuotaOverride(null, "staff", 50.0, NONE, 11),
                new QuotaOverride("carol", null, null, 2048.0, 14));
        TokenBucketQuotas q = new TokenBucketQuotas(QuotaLimits.parse("requests=10/s,bytes=1KiB/s"),
                () -> entries, now::get);
        assertThat(q.limitsFor(new Principal("alice", Set.of("partners"), "jwt")))
                .isEqualTo(new QuotaLimits(100, 1024));
        assertThat(q.limitsFor(new Principal("dave", Set.of("staff", "partners"), "jwt")))
                .isEqualTo(new QuotaLimits(20, 1024));
        assertThat(q.limitsFor(new Principal("erin", Set.of("staff"), "jwt"))).isEqualTo(new QuotaLimits(50, NONE));
        assertThat(q.limitsFor(new Principal("carol", Set.of(), "jwt"))).isEqualTo(new QuotaLimits(10, 2048));
        assertThat(q.limitsFor(new Principal("frank", Set.of("others"), "jwt"))).isEqualTo(new QuotaLimits(10, 1024));

        for (int i = 0; i < 100; i++) {
            assertThat(q.tryAcquire(ALICE, 0)).isZero();
        }
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(10 * MS);
    }

    @Test
    void shouldApplyReloadedOverridesToTheNextRequest() {
        AtomicReference<List<QuotaOverride>> file = new AtomicReference<>(
                List.of(new QuotaOverride("alice", null, 1.0, null, 3)));
        TokenBucketQuotas q = new TokenBucketQuotas(QuotaLimits.parse("requests=100/s"), file::get, now::get);
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(1000 * MS);

        file.set(List.of(new QuotaOverride("alice", null, 2.0, null, 3)));
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(500 * MS);

        file.set(List.of());
        assertThat(q.limitsFor(ALICE)).isEqualTo(new QuotaLimits(100, NONE));
    }

    @Test
    void shouldDropAnIdlePrincipalsBucketsAfterTheIdleTime() {
        TokenBucketQuotas q = quotas("bytes=1000/s");
        assertThat(q.tryAcquire(ALICE, 3_600_000)).isZero();
        advance(TokenBucketQuotas.IDLE.toNanos() - 1000 * MS);
        assertThat(q.tryAcquire(ALICE, 0)).isPositive();
        advance(TokenBucketQuotas.IDLE.toNanos() + MS);
        assertThat(q.tryAcquire(ALICE, 0)).isZero();
    }

    @Test
    void shouldAdmitExactlyOneBurstWhenManyThreadsRaceOnOnePrincipal() throws Exception {
        TokenBucketQuotas q = quotas("requests=1000/s,bytes=1000000/s");
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refusedWithAWait = new AtomicInteger();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        long wait = q.tryAcquire(ALICE, 100);
                        if (wait == 0) {
                            admitted.incrementAndGet();
                        } else if (wait > 0) {
                            refusedWithAWait.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admitted.get()).isEqualTo(1000);
        assertThat(refusedWithAWait.get()).isEqualTo(threads * 500 - 1000);
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(MS);
    }

    @Test
    void shouldBehaveAsThePackageDocsWorkedExampleSays() throws Exception {
        AclPolicy acl = AclPolicy.parse(java.nio.file.Path.of("acl.yaml"), """
                rules: []
                quotas:
                  - principal: alice
                    requests-per-second: 500
                  - group: partners
                    bytes-per-second: 64KiB
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TokenBucketQuotas q = new TokenBucketQuotas(QuotaLimits.parse("requests=100/s,bytes=1MiB/s"), acl::quotas,
                now::get);
        for (int i = 0; i < 500; i++) {
            assertThat(q.tryAcquire(ALICE, 0)).isZero();
        }
        assertThat(q.tryAcquire(ALICE, 0)).isEqualTo(2 * MS);

        Principal acme = new Principal("acme", Set.of("partners"), "jwt");
        assertThat(q.limitsFor(acme)).isEqualTo(new QuotaLimits(100, 64 * 1024));
        assertThat(q.tryAcquire(acme, 200 * 1024)).isZero();
        assertThat(q.tryAcquire(acme, 0)).isEqualTo(2125 * MS);
    }
}

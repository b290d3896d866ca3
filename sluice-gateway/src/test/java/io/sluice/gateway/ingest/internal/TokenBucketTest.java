package io.sluice.gateway.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MILLI = 1_000_000L;

    private final AtomicLong now = new AtomicLong(-5_000 * MILLI); // nanoTime may be negative
    private final TokenBucket bucket = new TokenBucket(100, 20, now::get);

    private int take(int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            if (bucket.tryTake()) {
                taken++;
            }
        }
        return taken;
    }

    @Test
    void shouldGiveTheWholeBurstAtOnceAndNothingMore() {
        assertThat(take(100)).isEqualTo(20);
    }

    @Test
    void shouldRefillAtTheRate() {
        take(20);
        now.addAndGet(10 * MILLI);
        assertThat(take(5)).isEqualTo(1);
        now.addAndGet(100 * MILLI);
        assertThat(take(50)).isEqualTo(10);
    }

    @Test
    void shouldNeverHoldMoreThanTheBurstAfterALongIdle() {
        now.addAndGet(3_600_000 * MILLI);
        assertThat(take(1_000)).isEqualTo(20);
    }

    @Test
    void shouldAverageTheRateOverTime() {
        int taken = 0;
        for (int ms = 0; ms < 10_000; ms++) { // 10 s of one attempt per 0.1 ms
            for (int i = 0; i < 10; i++) {
                taken += bucket.tryTake() ? 1 : 0;
                now.addAndGet(MILLI / 10);
            }
        }
        assertThat(taken).isBetween(1_000, 1_020); // 100/s for 10 s, plus the burst
    }
}

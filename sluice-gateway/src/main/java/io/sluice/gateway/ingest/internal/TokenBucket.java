package io.sluice.gateway.ingest.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Thread-safe and lock-free, never blocking (a caller that finds no token is told so at once): a token
 * bucket of {@code burst} tokens at most, refilled at {@code perSecond}.
 *
 * <p>Kept as one number, the time at which the bucket will be full again (the "theoretical arrival
 * time" of the generic cell rate algorithm): taking a token moves it one interval later, and a token is
 * there while it lies less than {@code burst} intervals ahead of now. With 100/s and a burst of 50, 50
 * callers at once all get a token, the 51st does not, and 10 ms later one more does.
 */
final class TokenBucket {
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final AtomicLong fullAt;

    TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.intervalNanos = Math.max(1, (long) (1e9 / perSecond));
        this.toleranceNanos = intervalNanos * (burst - 1L);
        this.fullAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes a token if there is one. */
    boolean tryTake() {
        long now = nanoClock.getAsLong();
        while (true) {
            long at = fullAt.get();
            long from = at - now < 0 ? now : at;
            if (from - now > toleranceNanos) {
                return false;
            }
            if (fullAt.compareAndSet(at, from + intervalNanos)) {
                return true;
            }
        }
    }
}

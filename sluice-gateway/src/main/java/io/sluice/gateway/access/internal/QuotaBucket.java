package io.sluice.gateway.access.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Thread-safe and lock-free, never blocking: one principal's two token buckets, requests/s and bytes/s,
 * each holding one second's worth of tokens at most, changed together in one compare-and-set so that a
 * refusal takes nothing from either.
 *
 * <p>Each bucket is kept as one number, the time at which it will be full again (the "theoretical arrival
 * time" of the generic cell rate algorithm): a cost of n units moves it n intervals later, and the bucket
 * holds enough while that time lies no more than one second ahead of now. So the wait before a refused
 * request would be admitted is exact: how far the time lies beyond one second from now, after adding the
 * cost. A cost larger than the whole bucket (a body over one second's byte budget) is admitted once the
 * bucket is full and leaves it in debt: the following requests wait until the debt is paid, so the long-run
 * rate holds and the large request is not refused forever.
 *
 * <p>Example, at 100 requests/s: 100 requests at once are admitted and move the time 1 s ahead; the 101st
 * is told to wait 10 ms, and is admitted then.
 */
public final class QuotaBucket {
    /** The bucket size: one second's worth of either rate. */
    public static final long BURST_NANOS = 1_000_000_000L;
    /** Costs are capped here (about three years), so a huge body cannot overflow the clock arithmetic. */
    private static final long MAX_COST_NANOS = 100_000_000_000_000_000L;

    private record State(long requestsFullAt, long bytesFullAt) {
    }

    private final double nanosPerRequest;
    private final double nanosPerByte;
    private final AtomicReference<State> state;

    /**
     * @param requestsPerSecond the request rate, {@link Double#POSITIVE_INFINITY} for none
     * @param bytesPerSecond    the byte rate, {@link Double#POSITIVE_INFINITY} for none
     * @param now               the nano clock now: the buckets start full
     */
    public QuotaBucket(double requestsPerSecond, double bytesPerSecond, long now) {
        this.nanosPerRequest = 1e9 / requestsPerSecond;
        this.nanosPerByte = 1e9 / bytesPerSecond;
        this.state = new AtomicReference<>(new State(now, now));
    }

    /** Takes one request and {@code bytes}; returns 0, or the nanos to wait (and then nothing was taken). */
    public long tryAcquire(long bytes, long now) {
        long requestCost = cost(1, nanosPerRequest);
        long byteCost = cost(bytes, nanosPerByte);
        while (true) {
            State s = state.get();
            long requestsFrom = later(s.requestsFullAt, now);
            long bytesFrom = later(s.bytesFullAt, now);
            long wait = Math.max(wait(requestsFrom, requestCost, now), wait(bytesFrom, byteCost, now));
            if (wait > 0) {
                return wait;
            }
            if (state.compareAndSet(s, new State(requestsFrom + requestCost, bytesFrom + byteCost))) {
                return 0;
            }
        }
    }

    /** Takes {@code bytes} whether or not they are there (they may leave the byte bucket in debt). */
    public void charge(long bytes, long now) {
        long byteCost = cost(bytes, nanosPerByte);
        if (byteCost == 0) {
            return;
        }
        while (true) {
            State s = state.get();
            if (state.compareAndSet(s, new State(s.requestsFullAt, later(s.bytesFullAt, now) + byteCost))) {
                return;
            }
        }
    }

    private static long later(long fullAt, long now) {
        return fullAt - now < 0 ? now : fullAt;
    }

    /** Nanos until {@code cost} fits, given the bucket is full at {@code from}; at most a full bucket is needed. */
    private static long wait(long from, long cost, long now) {
        return from - now + Math.min(cost, BURST_NANOS) - BURST_NANOS;
    }

    private static long cost(long units, double nanosPerUnit) {
        if (units <= 0 || nanosPerUnit == 0) {
            return 0;
        }
        return (long) Math.min(Math.ceil(units * nanosPerUnit), MAX_COST_NANOS);
    }
}

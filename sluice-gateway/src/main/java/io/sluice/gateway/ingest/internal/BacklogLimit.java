package io.sluice.gateway.ingest.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bounds in time how many fire-and-forget records may wait for Kafka. Thread-safe and lock-free:
 * {@link #tryAdmit} runs on I/O threads, {@link #release} on the producer's network thread, {@link #tick} on
 * one scheduler thread at a time.
 *
 * <p>Why: a 202 must mean "will be delivered unless Kafka is unreachable for longer than the delivery
 * timeout". The producer drops a record that is still queued when {@code delivery.timeout.ms} has passed, and
 * its byte bound ({@code buffer.memory}) says nothing about time: an overload soak against a broker throttled
 * to 32 KiB/s answered 1,122,165 requests 202 and lost 585,062 of them. So a request is admitted only while the
 * records already queued would clear within a quarter of the delivery timeout at the pace Kafka acknowledged
 * records over the last delivery timeout:
 * <pre>
 *   limit = clamp(acknowledged in the last delivery.timeout.ms / 4, maxQueued / 10, maxQueued)
 * </pre>
 * Worked example (default 30 s timeout): Kafka acknowledged 150,000 records in the last 30 s (5,000/s); then at
 * most 37,500 may wait, which it clears in 7.5 s. The other three quarters absorb bursty service: a broker
 * throttled by a quota answers at once, then mutes the producer for as long as the bytes it took over its quota
 * window (11 s by default) exceed the quota, so the pause after a burst grows with the burst, and with the bursts
 * before it. Measured against such a broker (16 KiB/s, delivery timeout 8 s), a limit of half the acknowledged
 * count let a pause reach 11 s after a burst of 450 records: longer than the whole timeout. Counting over a
 * whole delivery timeout, rather than dividing by a shorter window, smooths the bursts and never inflates a rate
 * from a short start. While the pace is unknown (at start, after idling) a tenth of {@code maxQueued} may wait;
 * a request that finds nothing queued is always admitted, so a request with more records than the limit is not
 * refused for ever.
 *
 * <p>Cost on the hot path: admission is a volatile read, an atomic read and an atomic add; completion is two
 * atomic adds per request, not per record.
 */
public final class BacklogLimit {
    /** Samples per delivery timeout: the limit follows the rate in steps of a sixtieth of the timeout. */
    static final int TICKS_PER_WINDOW = 60;
    /** The limit lets records wait at most this fraction of the delivery timeout, at Kafka's recent pace. */
    static final int WAIT_SHARE = 4;
    private static final int SLOTS = TICKS_PER_WINDOW + 4;

    private final long maxQueued;
    private final long minQueued;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile long limit;
    private volatile String refusal;

    // Samples of (time, acknowledged so far), written by tick() only.
    private final long[] sampleNanos = new long[SLOTS];
    private final long[] sampleAcknowledged = new long[SLOTS];
    private int newest;
    private int count;

    /**
     * @param maxQueued       the most records that may wait, whatever the rate ({@code --max-queued-records})
     * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: the window Kafka's pace is counted over,
     *                        and {@link #WAIT_SHARE} times the wait the limit allows
     */
    public BacklogLimit(long maxQueued, Duration deliveryTimeout, LongSupplier nanoClock) {
        if (maxQueued <= 0) {
            throw new IllegalArgumentException("max queued records must be positive, was " + maxQueued);
        }
        this.maxQueued = maxQueued;
        this.minQueued = Math.max(1, maxQueued / 10);
        this.windowNanos = Math.max(1, deliveryTimeout.toNanos());
        this.nanoClock = nanoClock;
        sampleNanos[0] = nanoClock.getAsLong();
        count = 1;
        setLimit(minQueued);
    }

    /** How often {@link #tick} should run. */
    public Duration tickPeriod() {
        return Duration.ofNanos(Math.max(1_000_000, windowNanos / TICKS_PER_WINDOW));
    }

    /**
     * Admits {@code records} more records, or refuses them all because too many already wait. Admitted records
     * must later be handed to {@link #release}.
     */
    boolean tryAdmit(int records) {
        long waiting = queued.get();
        if (waiting > 0 && waiting + records > limit) {
            return false;
        }
        queued.addAndGet(records);
        return true;
    }

    /** {@code records} admitted records are done, {@code acknowledgedRecords} of them acknowledged by Kafka. */
    void release(int records, int acknowledgedRecords) {
        queued.addAndGet(-records);
        if (acknowledgedRecords > 0) {
            acknowledged.addAndGet(acknowledgedRecords);
        }
    }

    /** Samples the acknowledgements and sets the limit from the last delivery timeout's worth of them. */
    public void tick() {
        long now = nanoClock.getAsLong();
        long acked = acknowledged.get();
        newest = (newest + 1) % SLOTS;
        sampleNanos[newest] = now;
        sampleAcknowledged[newest] = acked;
        count = Math.min(count + 1, SLOTS);
        // The newest sample at least a window old; the oldest one while the history is shorter than a window.
        long base = sampleAcknowledged[(newest - count + 1 + SLOTS) % SLOTS];
        for (int age = 1; age < count; age++) {
            int slot = (newest - age + SLOTS) % SLOTS;
            if (now - sampleNanos[slot] >= windowNanos) {
                base = sampleAcknowledged[slot];
                break;
            }
        }
        long inWindow = acked - base;
        setLimit(Math.min(maxQueued, Math.max(minQueued, inWindow / WAIT_SHARE)));
    }

    private void setLimit(long newLimit) {
        if (newLimit != limit || refusal == null) {
            refusal = "Kafka takes records more slowly than they arrive: at most " + newLimit + " fire-and-forget "
                    + "records may wait for it now (a quarter of what it acknowledged in the last "
                    + Math.max(1, windowNanos / 1_000_000_000L) + " s, at most --max-queued-records=" + maxQueued
                    + "), so that every 202 is delivered within delivery.timeout.ms; retry later";
            limit = newLimit;
        }
    }

    /** Records admitted and not yet released. */
    public long queued() {
        return queued.get();
    }

    /** The most records that may wait now. */
    public long limit() {
        return limit;
    }

    /** What a refused client is told. */
    String refusal() {
        return refusal;
    }
}

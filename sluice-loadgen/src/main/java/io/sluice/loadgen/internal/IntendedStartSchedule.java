package io.sluice.loadgen.internal;

/**
 * When each request of an open-loop run is meant to start: pure arithmetic, no clock, so it is tested without
 * waiting. Single-threaded (one per event loop).
 *
 * <p>The run's offered rate is shared by {@code lanes} event loops; this lane takes every {@code lanes}-th slot
 * of the run's schedule, starting at slot {@code lane}. Request {@code i} of this lane is meant to start at
 * {@code start + (i * lanes + lane) / rate} seconds. Times are computed from the index, not accumulated, so
 * rounding never drifts.
 */
public final class IntendedStartSchedule {
    private final long startNanos;
    private final double nanosPerSlot;
    private final int lanes;
    private final int lane;
    private long index;

    public IntendedStartSchedule(long startNanos, double ratePerSecond, int lanes, int lane) {
        if (!(ratePerSecond > 0) || lanes < 1 || lane < 0 || lane >= lanes) {
            throw new IllegalArgumentException("rate " + ratePerSecond + ", lane " + lane + " of " + lanes);
        }
        this.startNanos = startNanos;
        this.nanosPerSlot = 1e9 / ratePerSecond;
        this.lanes = lanes;
        this.lane = lane;
    }

    /** The intended start (System.nanoTime scale) of this lane's request {@code i}. */
    public long intendedStart(long i) {
        return startNanos + Math.round(((double) i * lanes + lane) * nanosPerSlot);
    }

    /** The intended start of the next request not yet taken. */
    public long next() {
        return intendedStart(index);
    }

    /** Takes the next request. */
    public void advance() {
        index++;
    }

    /** How many requests have been taken. */
    public long taken() {
        return index;
    }

    /** How many requests not yet taken were meant to start at or before {@code nowNanos}. */
    public long dueBy(long nowNanos) {
        if (intendedStart(index) > nowNanos) {
            return 0;
        }
        long last = (long) Math.floor(((nowNanos - startNanos) / nanosPerSlot - lane) / lanes);
        last = Math.max(last, index);
        while (intendedStart(last + 1) <= nowNanos) {
            last++;
        }
        while (last > index && intendedStart(last) > nowNanos) {
            last--;
        }
        return last - index + 1;
    }
}

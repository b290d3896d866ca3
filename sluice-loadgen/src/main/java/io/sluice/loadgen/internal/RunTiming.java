package io.sluice.loadgen.internal;

/**
 * The fixed time line of a run, in System.nanoTime: load starts at {@code start}, the measurement covers
 * {@code [measureStart, measureEnd)}, cut into windows of {@code windowNanos}. Immutable.
 */
public record RunTiming(long start, long measureStart, long measureEnd, long windowNanos, long requestTimeoutNanos) {

    /** Whether a request starting at {@code t} belongs to the measurement. */
    public boolean counts(long t) {
        return t >= measureStart && t < measureEnd;
    }

    public int windowCount() {
        return (int) ((measureEnd - measureStart) / windowNanos);
    }

    public int secondCount() {
        return (int) ((measureEnd - measureStart + 999_999_999L) / 1_000_000_000L);
    }
}

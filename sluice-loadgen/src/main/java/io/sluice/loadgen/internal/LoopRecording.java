package io.sluice.loadgen.internal;

import io.sluice.loadgen.ErrorKind;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * What one event loop measured. Written only by that loop's thread, so the hot path takes no lock; the run's
 * coordinator reads it after the loop handed it over ({@code EventLoop.submit(..).get()} publishes it), and
 * merges the loops' recordings with {@link #addTo}.
 *
 * <p>A request is <em>counted</em> when it starts inside the measurement (warm-up results are discarded); a
 * counted request ends in exactly one status or one error, so {@code sent == answers + errors} once nothing is
 * in flight. The timeline counts 2xx answers by the time they <em>arrive</em>, whenever they started, so a
 * window's throughput is not short by the requests in flight at its start. The per-second activity (requests
 * started, answered with any status, failed) counts every request by the time of the event, so a soak can see
 * seconds with requests outstanding and nothing finishing.
 */
public final class LoopRecording {
    private static final int STATUS_SLOTS = 1000;
    private static final ErrorKind[] KINDS = ErrorKind.values();

    private final Histogram latencyMicros = new Histogram(3);
    private final long[] statuses = new long[STATUS_SLOTS];
    private final long[] errors = new long[KINDS.length];
    private long sent;
    private long uncountedSuccesses;
    private long inFlight;
    private long fullHandshakes;
    private long resumedHandshakes;

    private long timelineStart = Long.MAX_VALUE;
    private long timelineEnd = Long.MIN_VALUE;
    private long windowNanos = 1;
    private long[] windows = new long[0];
    private long[] seconds = new long[0];
    private long[] startedSeconds = new long[0];
    private long[] answeredSeconds = new long[0];
    private long[] failedSeconds = new long[0];

    /** Sets the time line: {@code windowCount} windows of {@code windowNanos} and per-second counts from {@code start}. */
    public void timeline(long start, long windowNanos, int windowCount, int secondCount) {
        this.timelineStart = start;
        this.windowNanos = windowNanos;
        this.timelineEnd = start + windowNanos * windowCount;
        this.windows = new long[windowCount];
        this.seconds = new long[secondCount];
        this.startedSeconds = new long[secondCount];
        this.answeredSeconds = new long[secondCount];
        this.failedSeconds = new long[secondCount];
    }

    /** The second of the time line {@code now} falls in, or -1 outside it. */
    private int secondOf(long now) {
        if (now < timelineStart) {
            return -1;
        }
        long second = (now - timelineStart) / 1_000_000_000L;
        return second < seconds.length ? (int) second : -1;
    }

    /** A request started at {@code now} (or was attempted: a failed connect counts too). */
    public void started(boolean counted, long now) {
        if (counted) {
            sent++;
            inFlight++;
        }
        int second = secondOf(now);
        if (second >= 0) {
            startedSeconds[second]++;
        }
    }

    /** A request got an answer with {@code status}; {@code latencyBase} is when its latency began. */
    public void answered(boolean counted, long latencyBase, int status, long now) {
        if (counted) {
            inFlight--;
            statuses[status]++;
            latencyMicros.recordValue(Math.max(0, (now - latencyBase) / 1000));
        } else if (status >= 200 && status < 300) {
            uncountedSuccesses++; // warm-up: not measured, but the server still did it (verification needs it)
        }
        int second = secondOf(now);
        if (second >= 0) {
            answeredSeconds[second]++;
        }
        if (status >= 200 && status < 300 && now >= timelineStart) {
            if (now < timelineEnd) {
                windows[(int) ((now - timelineStart) / windowNanos)]++;
            }
            if (second >= 0) {
                seconds[second]++;
            }
        }
    }

    /** A request ended without an answer. */
    public void failed(boolean counted, ErrorKind kind) {
        if (counted) {
            inFlight--;
            errors[kind.ordinal()]++;
        }
        int second = secondOf(System.nanoTime());
        if (second >= 0) {
            failedSeconds[second]++;
        }
    }

    /** A TLS handshake succeeded; only those of counted requests' connections are kept. */
    public void handshake(boolean counted, boolean resumed) {
        if (counted) {
            if (resumed) {
                resumedHandshakes++;
            } else {
                fullHandshakes++;
            }
        }
    }

    /** Counted requests started and not yet ended. */
    public long inFlight() {
        return inFlight;
    }

    /** Adds this loop's counts into {@code sum} (called by the coordinator, after the loop stopped). */
    public void addTo(RunTotals sum) {
        sum.sent += sent;
        sum.uncountedSuccesses += uncountedSuccesses;
        sum.fullHandshakes += fullHandshakes;
        sum.resumedHandshakes += resumedHandshakes;
        sum.latencyMicros.add(latencyMicros);
        for (int s = 0; s < STATUS_SLOTS; s++) {
            sum.statuses[s] += statuses[s];
        }
        for (int k = 0; k < errors.length; k++) {
            sum.errors[k] += errors[k];
        }
        if (sum.windows.length < windows.length) {
            sum.windows = Arrays.copyOf(sum.windows, windows.length);
        }
        for (int w = 0; w < windows.length; w++) {
            sum.windows[w] += windows[w];
        }
        sum.seconds = addInto(sum.seconds, seconds);
        sum.startedSeconds = addInto(sum.startedSeconds, startedSeconds);
        sum.answeredSeconds = addInto(sum.answeredSeconds, answeredSeconds);
        sum.failedSeconds = addInto(sum.failedSeconds, failedSeconds);
    }

    private static long[] addInto(long[] sum, long[] mine) {
        long[] out = sum.length < mine.length ? Arrays.copyOf(sum, mine.length) : sum;
        for (int s = 0; s < mine.length; s++) {
            out[s] += mine[s];
        }
        return out;
    }

    /** The sum of all loops' recordings; filled by {@link #addTo}. Not thread-safe. */
    public static final class RunTotals {
        public long sent;
        public long uncountedSuccesses;
        public long fullHandshakes;
        public long resumedHandshakes;
        public final Histogram latencyMicros = new Histogram(3);
        public final long[] statuses = new long[STATUS_SLOTS];
        public final long[] errors = new long[KINDS.length];
        public long[] windows = new long[0];
        public long[] seconds = new long[0];
        public long[] startedSeconds = new long[0];
        public long[] answeredSeconds = new long[0];
        public long[] failedSeconds = new long[0];
    }
}

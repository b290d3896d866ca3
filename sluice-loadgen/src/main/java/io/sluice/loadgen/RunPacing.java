package io.sluice.loadgen;

import java.util.concurrent.locks.LockSupport;

/** The coordinator's waiting: sleeps until a deadline, telling the listener a few times a second. Caller's thread. */
final class RunPacing {
    static final long PROGRESS_NANOS = 250_000_000L;

    private RunPacing() {
    }

    /** Waits until {@code end}, reporting {@code phase} as the fraction of {@code [from, end)} passed. */
    static void await(ProgressListener progress, String phase, long from, long end) {
        long span = Math.max(1, end - from);
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            progress.onProgress(phase, Math.min(1.0, Math.max(0.0, (double) (now - from) / span)));
            LockSupport.parkNanos(Math.min(PROGRESS_NANOS, end - now));
        }
        progress.onProgress(phase, 1.0);
    }
}

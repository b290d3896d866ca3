package io.sluice.gateway.ingest.internal;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs fire-and-forget records that were not delivered without flooding the log: the first failure at once,
 * then at most one line per interval, carrying how many failed since the last line and the latest cause.
 * Failures are counted exactly in {@code sluice_records_failed_total}; the log only has to say that, and why.
 *
 * <p>Why: an overload soak (a broker throttled far below the offered load) expired 1.19 million queued records
 * in 90 s, each logged on its own: 555 MB of log and a doubled heap floor. Thread-safe (called from the
 * producer's network thread, rarely from others); the lock is taken only on failures.
 */
final class UndeliveredLog {
    private final Consumer<String> warn;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private boolean loggedAny;
    private long nextLineAt;
    private long unlogged;

    UndeliveredLog(Consumer<String> warn, LongSupplier nanoClock, long intervalNanos) {
        this.warn = warn;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    /** One record queued for {@code topic} was not delivered because of {@code cause}. */
    void failed(String topic, Exception cause) {
        String line;
        synchronized (this) {
            unlogged++;
            long now = nanoClock.getAsLong();
            if (loggedAny && now - nextLineAt < 0) {
                return;
            }
            line = (loggedAny ? unlogged + " fire-and-forget record(s) not delivered since the last such line"
                    : "A fire-and-forget record was not delivered") + "; latest for topic " + topic + ": " + cause
                    + " (every one is counted in sluice_records_failed_total; at most one such line per "
                    + intervalNanos / 1_000_000_000L + " s)";
            loggedAny = true;
            unlogged = 0;
            nextLineAt = now + intervalNanos;
        }
        warn.accept(line);
    }
}

package io.sluice.gateway.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections and turns away new ones beyond {@code --max-connections}, so a flood of
 * connections cannot exhaust file descriptors or memory; refusals are logged at most once a second.
 * The one limit for every runtime. Shared by all connections; thread-safe (an atomic counter).
 */
final class ConnectionLimiter {
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final RefusalLog refusals = new RefusalLog();

    ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Counts a new connection in, or returns false when the limit is reached (the caller then closes it).
     * Every admitted connection must be {@link #released} exactly once, when it closes.
     */
    boolean tryAdmit() {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refusals.refused(open.get(), maxConnections);
            return false;
        }
        return true;
    }

    /** An admitted connection closed. */
    void released() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}

package io.sluice.gateway.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused connections at most once a second, so a connection flood cannot flood the log too.
 * Thread-safe (a racy timestamp is fine: at worst two lines in a second).
 */
final class RefusalLog {
    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private volatile long lastWarnNanos;

    void refused(int open, int max) {
        long now = System.nanoTime();
        if (now - lastWarnNanos > 1_000_000_000L) {
            lastWarnNanos = now;
            log.warn("Refusing connections: {} open, the limit is {} (--max-connections)", open, max);
        }
    }
}

package io.sluice.gateway.ingest.internal;

import java.util.function.LongSupplier;

/**
 * Whether the producer is failing: its latest delivery outcome was a failure, recently. Written by the
 * producer's network thread, read by any thread (volatile fields, no locks).
 */
public final class ProducerHealth {
    private final LongSupplier nanoClock;
    private final long memoryNanos;
    private volatile long lastSuccessNanos;
    private volatile long lastFailureNanos;
    private volatile boolean everFailed;

    /** @param memoryNanos how long a failure with no later success keeps the producer "failing" */
    public ProducerHealth(LongSupplier nanoClock, long memoryNanos) {
        this.nanoClock = nanoClock;
        this.memoryNanos = memoryNanos;
    }

    void success() {
        lastSuccessNanos = nanoClock.getAsLong();
    }

    void failure() {
        lastFailureNanos = nanoClock.getAsLong();
        everFailed = true;
    }

    /** True while the most recent outcome is a failure that happened within the memory window. */
    public boolean isFailing() {
        if (!everFailed) {
            return false;
        }
        long failure = lastFailureNanos;
        return failure - lastSuccessNanos > 0 && nanoClock.getAsLong() - failure < memoryNanos;
    }
}

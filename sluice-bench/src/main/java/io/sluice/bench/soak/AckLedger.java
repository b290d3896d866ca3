package io.sluice.bench.soak;

import io.sluice.loadgen.RequestLedger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of one soak phase: hands out 0, 1, 2, ... and remembers which got a 2xx. Thread-safe (the load
 * generator's event loops call it); read it after the load generator returned.
 */
final class AckLedger implements RequestLedger {
    private final AtomicLong next = new AtomicLong();
    private final ConcurrentBitSet acknowledged = new ConcurrentBitSet();
    private final AtomicLong acknowledgedTwice = new AtomicLong();

    @Override
    public long nextId() {
        return next.getAndIncrement();
    }

    @Override
    public void acknowledged(long id) {
        if (!acknowledged.set(id)) {
            acknowledgedTwice.incrementAndGet(); // a generator bug: one id, two answers
        }
    }

    /** Ids handed out. */
    long issued() {
        return next.get();
    }

    boolean isAcknowledged(long id) {
        return acknowledged.get(id);
    }

    long acknowledgedCount() {
        return acknowledged.cardinality();
    }

    /** The next acknowledged id at or after {@code from}, or -1. */
    long nextAcknowledged(long from) {
        return acknowledged.nextSetBit(from);
    }

    long acknowledgedTwice() {
        return acknowledgedTwice.get();
    }
}

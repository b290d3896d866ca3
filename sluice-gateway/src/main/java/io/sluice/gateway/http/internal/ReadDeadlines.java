package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.ProtocolError;
import java.util.function.LongSupplier;

/**
 * The read-timeout rule of one connection, the same for every HTTP style and runtime: a request head
 * must be complete within {@code --header-read-timeout} of its first byte, and its body within
 * {@code --body-read-timeout} of the head's end; otherwise the answer is 408 and the connection closes.
 * A slow client (slowloris) cannot hold a connection, or the memory of a half-read request, for longer.
 * The runtime tells it what is being read after every read and asks how long it may wait; it keeps no
 * timer itself. Confined to the connection's thread; time comes from an injected nano clock.
 *
 * <p>Whole requests that arrive in one read start no deadline at all: after such a read nothing is
 * being read.
 */
public final class ReadDeadlines {
    /** {@link #nanosLeft()} when nothing is being read. */
    public static final long NONE = Long.MAX_VALUE;

    private final long headNanos;
    private final long bodyNanos;
    private final LongSupplier clock;
    private long headStart = NONE;
    private long bodyStart = NONE;

    public ReadDeadlines(long headNanos, long bodyNanos, LongSupplier clock) {
        this.headNanos = headNanos;
        this.bodyNanos = bodyNanos;
        this.clock = clock;
    }

    /**
     * What the connection is in the middle of reading, after a read: a head, a body, or neither. A phase's
     * clock starts the first time it is reported and stops when it is no longer.
     */
    public void reading(boolean inHead, boolean inBody) {
        if (inHead) {
            if (headStart == NONE) {
                headStart = clock.getAsLong();
            }
        } else {
            headStart = NONE;
        }
        if (inBody) {
            if (bodyStart == NONE) {
                bodyStart = clock.getAsLong();
            }
        } else {
            bodyStart = NONE;
        }
    }

    /** Nanoseconds until the current deadline (zero or less: it passed), or {@link #NONE}. */
    public long nanosLeft() {
        long deadline = deadline();
        return deadline == NONE ? NONE : deadline - clock.getAsLong();
    }

    /** The current deadline on this object's clock, or {@link #NONE}; it moves only when the phase changes. */
    public long deadline() {
        if (headStart != NONE) {
            return headStart + headNanos;
        }
        return bodyStart != NONE ? bodyStart + bodyNanos : NONE;
    }

    /** The answer when the current deadline has passed, else null. */
    public ProtocolError expired() {
        long deadline = deadline();
        if (deadline == NONE || deadline - clock.getAsLong() > 0) {
            return null;
        }
        return headStart != NONE ? ProtocolError.headTimeout() : ProtocolError.bodyTimeout();
    }
}

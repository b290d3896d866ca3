package io.sluice.gateway.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import io.sluice.gateway.http.ProtocolError;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link ReadDeadlines} on a Netty connection: one timer, armed for the current deadline after a read
 * that left a head or body incomplete, moved when the deadline moves, and cancelled when nothing is
 * being read. Used by both Netty HTTP styles. Runs on the channel's event loop; never blocks.
 */
public final class ReadTimer {
    private final ChannelHandlerContext ctx;
    private final ReadDeadlines deadlines;
    private final Consumer<ProtocolError> onExpired;
    private ScheduledFuture<?> timer;
    private long armedFor = ReadDeadlines.NONE;

    /** @param onExpired answers the 408 (called on the event loop, at most once per passed deadline) */
    public ReadTimer(ChannelHandlerContext ctx, ReadDeadlines deadlines, Consumer<ProtocolError> onExpired) {
        this.ctx = ctx;
        this.deadlines = deadlines;
        this.onExpired = onExpired;
    }

    /** After a read: what is being read now (see {@link ReadDeadlines#reading}); arms, moves or cancels. */
    public void reading(boolean inHead, boolean inBody) {
        deadlines.reading(inHead, inBody);
        arm();
    }

    private void arm() {
        long deadline = deadlines.deadline();
        if (deadline == ReadDeadlines.NONE) {
            cancel();
            return;
        }
        if (timer != null && deadline == armedFor) {
            return; // already armed for this deadline
        }
        cancel();
        armedFor = deadline;
        timer = ctx.executor().schedule(this::fire, Math.max(deadlines.nanosLeft(), 0), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        timer = null;
        armedFor = ReadDeadlines.NONE;
        if (!ctx.channel().isActive()) {
            return;
        }
        ProtocolError e = deadlines.expired();
        if (e != null) {
            onExpired.accept(e);
        } else {
            arm();
        }
    }

    /** Stops the timer (the connection closed, or nothing is being read). */
    public void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            armedFor = ReadDeadlines.NONE;
        }
    }
}

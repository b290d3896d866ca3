package io.sluice.gateway.http.codec;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers 408 and closes when a request's head (request line and headers) has not fully arrived within
 * the timeout of its first byte: a slow or stalled client cannot hold a connection forever.
 * Runs on the channel's event loop; never blocks. Sits before the HTTP decoder (it sees raw bytes);
 * the request handler tells it when a head is complete and when the next request may begin.
 *
 * <p>No timer is armed while whole heads arrive in one read, which is the common case.
 */
final class HeaderReadTimeoutHandler extends ChannelDuplexHandler {
    private final long timeoutNanos;
    private final Runnable onTimeout;
    private boolean awaitingHead = true;
    private long headStartNanos;
    private ScheduledFuture<?> timer;
    private ChannelHandlerContext ctx;

    /** @param onTimeout called on the event loop when the timeout fires (answers 408 and closes) */
    HeaderReadTimeoutHandler(long timeoutNanos, Runnable onTimeout) {
        this.timeoutNanos = timeoutNanos;
        this.onTimeout = onTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead && headStartNanos == 0) {
            headStartNanos = System.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (awaitingHead && headStartNanos != 0 && timer == null) {
            long delay = headStartNanos + timeoutNanos - System.nanoTime();
            timer = ctx.executor().schedule(this::fire, Math.max(delay, 0), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelReadComplete();
    }

    /** The head of the current request is complete. */
    void headReceived() {
        awaitingHead = false;
        headStartNanos = 0;
        cancel();
    }

    /** The current request is fully read; the next one's head may begin. */
    void awaitNextHead() {
        awaitingHead = true;
        headStartNanos = 0;
    }

    private void fire() {
        timer = null;
        if (awaitingHead && headStartNanos != 0 && ctx.channel().isActive()) {
            onTimeout.run();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }
}

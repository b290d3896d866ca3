package io.sluice.gateway.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fires an all-idle {@link io.netty.handler.timeout.IdleStateEvent} when a connection has neither read nor
 * written for the idle timeout. One instance per connection, on its event loop.
 *
 * <p>Unlike Netty's {@link IdleStateHandler}, a write counts as activity when it is queued, not when it
 * completes: Netty's handler turns every write's void promise into a real one and adds a listener to it,
 * a promise and a listener per answer (4% of an I/O thread's time in async mode, JFR, issue 12). The events
 * are the same where it matters: a connection whose client stops reading queues its last answer and then
 * does nothing, so it turns idle one timeout after that answer, as before, and the handlers close it.
 */
public final class ConnectionIdleHandler extends IdleStateHandler {

    public ConnectionIdleHandler(Duration idleTimeout) {
        super(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        resetWriteTimeout();
        ctx.write(msg, promise);
    }
}

package io.sluice.gateway.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections and closes new ones beyond the limit at once, so a flood of connections
 * cannot exhaust file descriptors or memory. Shared by all connections; thread-safe (an atomic counter).
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int maxConnections;
    private final ChannelGroup channels;
    private final AtomicInteger open = new AtomicInteger();
    private final RefusalLog refusals = new RefusalLog();

    ConnectionLimiter(int maxConnections, ChannelGroup channels) {
        this.maxConnections = maxConnections;
        this.channels = channels;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refusals.refused(open.get(), maxConnections);
            ctx.channel().config().setAutoRead(false);
            ctx.close();
            return;
        }
        channels.add(ctx.channel());
        ctx.pipeline().remove(this);
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        ctx.fireChannelActive();
    }

    int open() {
        return open.get();
    }
}

package io.sluice.gateway.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections and closes new ones beyond the limit at once, so a flood of connections
 * cannot exhaust file descriptors or memory. Shared by all connections; thread-safe (an atomic counter).
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
    private final int maxConnections;
    private final ChannelGroup channels;
    private final AtomicInteger open = new AtomicInteger();
    private volatile long lastWarnNanos;

    ConnectionLimiter(int maxConnections, ChannelGroup channels) {
        this.maxConnections = maxConnections;
        this.channels = channels;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            warnAtMostEverySecond();
            ctx.channel().config().setAutoRead(false);
            ctx.close();
            return;
        }
        channels.add(ctx.channel());
        ctx.pipeline().remove(this);
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        ctx.fireChannelActive();
    }

    private void warnAtMostEverySecond() {
        long now = System.nanoTime();
        if (now - lastWarnNanos > 1_000_000_000L) {
            lastWarnNanos = now;
            log.warn("Refusing connections: {} open, the limit is {} (--max-connections)", open.get(), maxConnections);
        }
    }

    int open() {
        return open.get();
    }
}

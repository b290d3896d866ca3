package io.sluice.gateway.transport;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections and turns away new ones beyond the limit, so a flood of connections cannot
 * exhaust file descriptors or memory. Shared by all connections; thread-safe (an atomic counter).
 */
final class ConnectionLimiter {
    private final int maxConnections;
    private final ChannelGroup channels;
    private final AtomicInteger open = new AtomicInteger();
    private final RefusalLog refusals = new RefusalLog();

    ConnectionLimiter(int maxConnections, ChannelGroup channels) {
        this.maxConnections = maxConnections;
        this.channels = channels;
    }

    /**
     * Admits a new connection (counted until it closes, and closed with the others at shutdown) or
     * returns false when the limit is reached; the caller then closes it.
     */
    boolean admit(Channel ch) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refusals.refused(open.get(), maxConnections);
            return false;
        }
        channels.add(ch);
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        return true;
    }

    int open() {
        return open.get();
    }
}

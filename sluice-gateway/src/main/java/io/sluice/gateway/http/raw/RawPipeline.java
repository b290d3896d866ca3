package io.sluice.gateway.http.raw;

import io.netty.channel.ChannelPipeline;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.internal.ConnectionIdleHandler;
import io.sluice.gateway.transport.ProtocolPipeline;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The raw HTTP style on a Netty transport. Shared by all connections (installs fresh handlers per
 * connection); thread-safe.
 *
 * <pre>
 * bytes -> idle -> RawRequestHandler (RawRequestParser) -> RequestRouter
 * </pre>
 */
public final class RawPipeline implements ProtocolPipeline {
    private final RawRequestHandler.RouterContext context;
    private final Duration idleTimeout;

    public RawPipeline(RequestRouter router, HttpMetrics metrics, int maxBodySize, int maxHeaderSize,
                                 Duration idleTimeout, Duration headerReadTimeout, Duration bodyReadTimeout,
                                 BooleanSupplier draining) {
        this.context = new RawRequestHandler.RouterContext(router, metrics, draining, maxHeaderSize, maxBodySize,
                headerReadTimeout.toNanos(), bodyReadTimeout.toNanos());
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void install(ChannelPipeline pipeline) {
        pipeline
                .addLast("idle", new ConnectionIdleHandler(idleTimeout))
                .addLast("sluice-raw", new RawRequestHandler(context));
    }
}

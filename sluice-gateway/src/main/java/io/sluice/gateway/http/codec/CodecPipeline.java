package io.sluice.gateway.http.codec;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.sluice.gateway.http.ProtocolPipeline;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.ops.GatewayMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The framework HTTP style: Netty's {@link HttpServerCodec} plus Sluice's request handler. Shared by all
 * connections (installs fresh handlers per connection); thread-safe.
 *
 * <pre>
 * bytes -> head-timeout -> HttpServerCodec -> idle -> CodecRequestHandler -> RequestRouter
 * </pre>
 */
public final class CodecPipeline implements ProtocolPipeline {
    /**
     * Requests the codec may decode before their answers are written. Netty's default (128) closes the
     * connection of a client that pipelines deeper: one 64 KiB read can hold hundreds of small requests,
     * all decoded at once. Memory stays bounded: the handler stops reading while answers are outstanding.
     */
    static final int MAX_PIPELINE_DEPTH = 4096;

    private final RequestRouter router;
    private final GatewayMetrics metrics;
    private final int maxBodySize;
    private final int maxHeaderSize;
    private final Duration idleTimeout;
    private final Duration headerReadTimeout;
    private final Duration bodyReadTimeout;
    private final BooleanSupplier draining;

    public CodecPipeline(RequestRouter router, GatewayMetrics metrics, int maxBodySize, int maxHeaderSize,
                                   Duration idleTimeout, Duration headerReadTimeout, Duration bodyReadTimeout,
                                   BooleanSupplier draining) {
        this.router = router;
        this.metrics = metrics;
        this.maxBodySize = maxBodySize;
        this.maxHeaderSize = maxHeaderSize;
        this.idleTimeout = idleTimeout;
        this.headerReadTimeout = headerReadTimeout;
        this.bodyReadTimeout = bodyReadTimeout;
        this.draining = draining;
    }

    @Override
    public void install(ChannelPipeline pipeline) {
        CodecRequestHandler handler = new CodecRequestHandler(router, metrics, maxBodySize, bodyReadTimeout.toNanos(),
                draining);
        HeaderReadTimeoutHandler headTimeout =
                new HeaderReadTimeoutHandler(headerReadTimeout.toNanos(), handler::headTimedOut);
        handler.headTimeout(headTimeout);
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(maxHeaderSize)
                .setMaxHeaderSize(maxHeaderSize)
                .setMaxChunkSize(64 * 1024)
                .setUseRfc9112TransferEncoding(true) // Content-Length with Transfer-Encoding: 400
                .setAllowDuplicateContentLengths(false);
        pipeline
                .addLast("head-timeout", headTimeout)
                .addLast("http", new HttpServerCodec(decoder, MAX_PIPELINE_DEPTH))
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast("sluice", handler);
    }
}

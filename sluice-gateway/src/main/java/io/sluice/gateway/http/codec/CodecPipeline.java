package io.sluice.gateway.http.codec;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.internal.ConnectionIdleHandler;
import io.sluice.gateway.transport.ProtocolPipeline;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The framework HTTP style: Netty's request decoder (made strict about the request line) and response
 * encoder, plus Sluice's request handler. Not {@code HttpServerCodec}: it pairs requests with answers to
 * drop the body of HEAD answers, which Sluice's encoders do themselves, and it closes connections that
 * pipeline more than a fixed depth, where Sluice applies back-pressure instead. Shared by all
 * connections (installs fresh handlers per connection); thread-safe.
 *
 * <pre>
 * bytes -> head-start -> StrictRequestDecoder / HttpResponseEncoder -> idle -> CodecRequestHandler -> RequestRouter
 * </pre>
 */
public final class CodecPipeline implements ProtocolPipeline {
    private final RequestRouter router;
    private final HttpMetrics metrics;
    private final int maxBodySize;
    private final int maxHeaderSize;
    private final Duration idleTimeout;
    private final Duration headerReadTimeout;
    private final Duration bodyReadTimeout;
    private final BooleanSupplier draining;

    public CodecPipeline(RequestRouter router, HttpMetrics metrics, int maxBodySize, int maxHeaderSize,
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
        CodecRequestHandler handler = new CodecRequestHandler(router, metrics, maxBodySize,
                headerReadTimeout.toNanos(), bodyReadTimeout.toNanos(), draining);
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(maxHeaderSize)
                .setMaxHeaderSize(maxHeaderSize)
                .setMaxChunkSize(64 * 1024)
                .setUseRfc9112TransferEncoding(true) // Content-Length with Transfer-Encoding: 400
                .setAllowDuplicateContentLengths(true); // identical repeats (5 / 5, 5) are one length, as in raw
        pipeline
                .addLast("head-start", new HeadStartWatcher(handler))
                .addLast("http-decoder", new StrictRequestDecoder(decoder))
                .addLast("http-encoder", new HttpResponseEncoder())
                .addLast("idle", new ConnectionIdleHandler(idleTimeout))
                .addLast("sluice", handler);
    }
}

package io.sluice.gateway.http;

import io.netty.buffer.ByteBufAllocator;

/**
 * What the {@link RequestRouter} does for every request besides routing it: decode compressed bodies,
 * answer browsers (CORS), copy the W3C trace context into records. Immutable.
 *
 * @param bodies        decodes {@code Content-Encoding} bodies, bounded by {@code --max-body-size}
 * @param cors          the CORS policy ({@link Cors#OFF}: none)
 * @param traceHeaders  whether {@code traceparent}/{@code tracestate} become record headers
 */
public record RouterOptions(ContentDecoder bodies, Cors cors, boolean traceHeaders) {
    /** Bodies up to 1 MiB decoded, CORS off, trace headers copied: the gateway's defaults. */
    public static final RouterOptions DEFAULTS = of(1024 * 1024, Cors.OFF, true);

    public static RouterOptions of(int maxBodySize, Cors cors, boolean traceHeaders) {
        return new RouterOptions(new ContentDecoder(maxBodySize, ByteBufAllocator.DEFAULT), cors, traceHeaders);
    }
}

package io.sluice.gateway.http;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/**
 * A request whose body is handed over as it arrives rather than whole, for the one route that needs it
 * (REST Proxy v3's streaming produce: a chunked body of concatenated records, each published as soon as it
 * is complete). Confined to one thread at a time, the executor it was opened with (a Netty connection's event
 * loop, or a virtual thread of its own): {@link #content}, {@link #end} and {@link #abort} are called there,
 * in order. The raw HTTP style streams request bodies on every runtime; the codec style aggregates them.
 */
public interface RequestBodyStream {

    /** The answer; known at once (the head of a streaming answer, or a refusal), its body written later. */
    CompletableFuture<GatewayResponse> answer();

    /** The next piece of the (de-chunked) body; takes ownership and releases it. */
    void content(ByteBuf piece);

    /** The body is complete. */
    void end();

    /** The connection closed before the body was complete. */
    void abort();
}

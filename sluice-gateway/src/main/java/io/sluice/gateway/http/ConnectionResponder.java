package io.sluice.gateway.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.sluice.gateway.ops.GatewayMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Answers one Netty connection's requests, whichever parser produced them: routes each request, keeps
 * answers in request order, applies keep-alive and drain semantics, stops reading while too many
 * answers are outstanding, and closes after error answers. Runs on the connection's event loop; never
 * blocks.
 */
public final class ConnectionResponder implements ResponseSequencer.Writer {

    /** Turns a response into what the pipeline writes (a Netty HTTP object or raw bytes). */
    public interface Encoder {
        Object encode(GatewayResponse response, ChannelHandlerContext ctx);
    }

    /** Pipelined requests waiting for their answers before the connection stops reading. */
    static final int MAX_PENDING = 64;

    private final ChannelHandlerContext ctx;
    private final RequestRouter router;
    private final GatewayMetrics metrics;
    private final BooleanSupplier draining;
    private final Encoder encoder;
    private final ResponseSequencer sequencer = new ResponseSequencer(this);
    private boolean rejecting;

    public ConnectionResponder(ChannelHandlerContext ctx, RequestRouter router, GatewayMetrics metrics,
                               BooleanSupplier draining, Encoder encoder) {
        this.ctx = ctx;
        this.router = router;
        this.metrics = metrics;
        this.draining = draining;
        this.encoder = encoder;
    }

    /** Routes a complete request; its answer is written in turn. */
    public void dispatch(GatewayRequest request) {
        boolean keepAlive = request.keepAlive();
        boolean echoKeepAlive = keepAlive && asksForKeepAlive(request.headers().get("Connection"));
        CompletableFuture<GatewayResponse> answer = router.route(request, ctx.executor())
                .thenApply(r -> connectionSemantics(r, keepAlive, echoKeepAlive));
        sequencer.enqueue(answer);
        if (sequencer.pendingCount() >= MAX_PENDING) {
            ctx.channel().config().setAutoRead(false); // back-pressure on a client that pipelines deeply
        }
    }

    /**
     * Back-pressure on a client that does not read its answers: once the outbound buffer passes Netty's
     * high water mark the channel turns unwritable and the connection stops reading more requests, so
     * the server cannot buffer answers without bound; it reads again once the client has caught up.
     */
    public void writabilityChanged() {
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        } else {
            resumeReadingIfCaughtUp();
        }
    }

    private void resumeReadingIfCaughtUp() {
        if (!ctx.channel().config().isAutoRead() && ctx.channel().isWritable()
                && sequencer.pendingCount() < MAX_PENDING / 2 && !sequencer.isClosed()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * Applies keep-alive and drain to an answer. A client that asked for keep-alive explicitly (HTTP/1.0
     * clients must, e.g. ab) is told it was granted, since HTTP/1.0 closes by default.
     */
    public static GatewayResponse connectionSemantics(GatewayResponse r, boolean keepAlive, boolean echoKeepAlive,
                                                      boolean draining) {
        if (!keepAlive || draining) {
            return r.closing();
        }
        return echoKeepAlive && !r.close() ? r.withHeader("Connection", "keep-alive") : r;
    }

    private GatewayResponse connectionSemantics(GatewayResponse r, boolean keepAlive, boolean echoKeepAlive) {
        return connectionSemantics(r, keepAlive, echoKeepAlive, draining.getAsBoolean());
    }

    /** True if a Connection header value lists the keep-alive token. */
    public static boolean asksForKeepAlive(String connection) {
        if (connection == null) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase("keep-alive")) {
                return true;
            }
        }
        return false;
    }

    /** Answers an error in order after earlier answers, then closes; later input must be dropped. */
    public void reject(int status, String code, String message) {
        if (rejecting) {
            return;
        }
        rejecting = true;
        sequencer.enqueue(CompletableFuture.completedFuture(
                GatewayResponse.json(status, JsonBodies.error(code, message), "protocol").closing()));
    }

    /** True once an error answer was queued: the connection only closes from now on. */
    public boolean isRejecting() {
        return rejecting;
    }

    /** Answers not yet written. */
    public int pendingCount() {
        return sequencer.pendingCount();
    }

    @Override
    public void write(GatewayResponse r) {
        metrics.requestCompleted(r.route(), r.status());
        var future = ctx.write(encoder.encode(r, ctx));
        if (r.close()) {
            ctx.flush();
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void flush() {
        ctx.flush();
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        } else {
            resumeReadingIfCaughtUp();
        }
    }
}

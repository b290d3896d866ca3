package io.sluice.gateway.http.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.ResponseStream;
import io.sluice.gateway.http.RequestRouter;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Answers one Netty connection's requests, whichever parser produced them: routes each request, keeps
 * answers in request order, applies the {@link ConnectionPolicy} (keep-alive, close, drain, HEAD), stops
 * reading while too many answers are outstanding, and stops processing input for good once an answer
 * will close the connection. Runs on the connection's event loop; never blocks.
 */
public final class ConnectionResponder implements ResponseSequencer.Writer {

    /** Turns a response into what the pipeline writes (a Netty HTTP object or raw bytes). */
    public interface Encoder {
        Object encode(GatewayResponse response, ChannelHandlerContext ctx);

        /** One piece of a streamed answer's body ({@link GatewayResponse#stream()}). */
        default Object chunk(byte[] piece, ChannelHandlerContext ctx) {
            throw new UnsupportedOperationException("this HTTP style does not stream answers");
        }

        /** The end of a streamed answer's body. */
        default Object lastChunk(ChannelHandlerContext ctx) {
            throw new UnsupportedOperationException("this HTTP style does not stream answers");
        }
    }

    /** Pipelined requests waiting for their answers before the connection stops reading. */
    static final int MAX_PENDING = 64;

    private final ChannelHandlerContext ctx;
    private final RequestRouter router;
    private final HttpMetrics metrics;
    private final BooleanSupplier draining;
    private final Encoder encoder;
    private final ResponseSequencer sequencer;
    private boolean closing;
    /** Input may still be coming after the closing answer: close with a linger, not at once. */
    private boolean linger;

    public ConnectionResponder(ChannelHandlerContext ctx, RequestRouter router, HttpMetrics metrics,
                               BooleanSupplier draining, Encoder encoder) {
        this.ctx = ctx;
        this.router = router;
        this.metrics = metrics;
        this.draining = draining;
        this.encoder = encoder;
        this.sequencer = new ResponseSequencer(this, ctx.executor());
    }

    /**
     * Routes a complete request; its answer is written in turn. If that answer will close the connection,
     * nothing after this request is processed.
     */
    public void dispatch(GatewayRequest request) {
        int flags = ConnectionPolicy.decide(request, draining.getAsBoolean());
        CompletableFuture<GatewayResponse> answer;
        try {
            answer = router.route(request, ctx.executor());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (ConnectionPolicy.closes(flags) || closesAlready(answer)) {
            stopProcessing();
        }
        sequencer.enqueue(answer, flags);
        if (sequencer.pendingCount() >= MAX_PENDING) {
            ctx.channel().config().setAutoRead(false); // back-pressure on a client that pipelines deeply
        }
    }

    /**
     * Routes a request whose body will arrive in pieces ({@link RequestRouter#streamsBody}); the caller
     * hands the pieces and the end to the returned stream. Its answer takes its place in line like any other.
     */
    public RequestBodyStream dispatchStreaming(GatewayRequest head) {
        int flags = ConnectionPolicy.decide(head, draining.getAsBoolean());
        RequestBodyStream stream = router.openStream(head, ctx.executor());
        sequencer.enqueue(stream.answer(), flags);
        return stream;
    }

    /** A streamed request's body ended: nothing after it is processed; its answer closes the connection. */
    public void streamedRequestEnded() {
        stopProcessing();
    }

    /** The answer is known already and closes the connection (a failed answer becomes a 500 that does not). */
    private static boolean closesAlready(CompletableFuture<GatewayResponse> answer) {
        return answer.isDone() && !answer.isCompletedExceptionally() && answer.join().close();
    }

    /** Answers a protocol error in order after earlier answers, then closes; later input is dropped. */
    public void reject(ProtocolError error) {
        reject(error.response());
    }

    /**
     * Answers a refusal found in a request's head (a protocol error, or the access gate's 401, 403 or 429)
     * in order after earlier answers, then closes; later input is dropped.
     */
    public void reject(GatewayResponse refusal) {
        if (closing) {
            return;
        }
        stopProcessing();
        linger = true; // refused mid-request: the rest of it may still be on its way
        sequencer.enqueue(CompletableFuture.completedFuture(refusal.closing()), ConnectionPolicy.AS_IS);
    }

    /** From now on the connection only writes what is owed and closes: input is read and dropped, not processed. */
    private void stopProcessing() {
        closing = true;
    }

    /** The handler dropped input received after the closing request: close with a linger. */
    public void discardedInput() {
        linger = true;
    }

    /** True once an answer that closes the connection is queued: drop any further input. */
    public boolean isClosing() {
        return closing;
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

    /** Reads again after a pause of the handler's own (an admission that took time), unless back-pressure holds. */
    public void readAgain() {
        resumeReadingIfCaughtUp();
    }

    private void resumeReadingIfCaughtUp() {
        if (!ctx.channel().config().isAutoRead() && ctx.channel().isWritable()
                && sequencer.pendingCount() < MAX_PENDING / 2) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Answers not yet written. */
    public int pendingCount() {
        return sequencer.pendingCount();
    }

    /**
     * Writes one answer. While the gateway drains, the last answer owed closes the connection (no later
     * request was processed, so none is lost by closing).
     */
    @Override
    public GatewayResponse write(GatewayResponse r) {
        if (!r.close() && sequencer.pendingCount() == 0 && draining.getAsBoolean()) {
            r = r.closing();
            stopProcessing();
        }
        metrics.requestCompleted(r.route(), r.status());
        if (r.stream() != null) {
            ctx.writeAndFlush(encoder.encode(r, ctx)); // the head now; the stream writes the body, then closes
            r.stream().start(new StreamSink());
            return r;
        }
        if (!r.close()) {
            // Nobody listens for a kept-alive answer's write: no promise is made for it (a write error closes
            // the channel through the pipeline anyway).
            ctx.write(encoder.encode(r, ctx), ctx.voidPromise());
            return r;
        }
        ctx.writeAndFlush(encoder.encode(r, ctx))
                .addListener(linger ? LingeringClose.INSTANCE : ChannelFutureListener.CLOSE);
        return r;
    }

    /** Writes a streamed answer's pieces as they come, each flushed at once. Runs on the event loop. */
    private final class StreamSink implements ResponseStream.Sink {
        private boolean ended;

        @Override
        public void write(byte[] piece) {
            if (!ended) {
                ctx.writeAndFlush(encoder.chunk(piece, ctx), ctx.voidPromise());
            }
        }

        @Override
        public void end() {
            if (!ended) {
                ended = true;
                ctx.writeAndFlush(encoder.lastChunk(ctx)).addListener(ChannelFutureListener.CLOSE);
            }
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

package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.RequestGate;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.internal.ConnectionInfos;
import io.sluice.gateway.http.internal.ConnectionPolicy;
import io.sluice.gateway.http.internal.ConnectionResponder;
import io.sluice.gateway.http.internal.ReadDeadlines;
import io.sluice.gateway.http.internal.ReadTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw HTTP style on Netty: Sluice's own parser over the connection's bytes (Netty's cumulation
 * keeps partial requests between reads), Sluice's own response bytes. One instance per connection;
 * runs on its event loop and never blocks.
 */
final class RawRequestHandler extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(RawRequestHandler.class);

    private final RouterContext context;
    private RawRequestParser parser;
    private ConnectionResponder responder;
    private ReadTimer readTimer;
    /** The gate's decision this connection waits for, or null. */
    private CompletableFuture<RequestGate.Admission> awaited;
    /** The request whose body is being streamed, or null. */
    private RequestBodyStream stream;

    /** What every connection's handler shares. */
    record RouterContext(RequestRouter router, HttpMetrics metrics, BooleanSupplier draining, int maxHeaderSize,
                         int maxBodySize, long headerReadTimeoutNanos, long bodyReadTimeoutNanos) {
    }

    RawRequestHandler(RouterContext context) {
        this.context = context;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        RequestRouter router = context.router();
        parser = new RawRequestParser(ctx.alloc(), context.maxHeaderSize(), context.maxBodySize(),
                ConnectionInfos.of(ctx.channel()), router.gateOpen() ? null : router::admit);
        parser.streamBodiesOf(context.router()::streamsBody);
        responder = new ConnectionResponder(ctx, context.router(), context.metrics(), context.draining(),
                RAW_ENCODER);
        readTimer = new ReadTimer(ctx, new ReadDeadlines(context.headerReadTimeoutNanos(),
                context.bodyReadTimeoutNanos(), System::nanoTime), responder::reject);
    }

    /** The connection as its requests will carry it (plaintext, or TLS once the handshake finished). */
    ConnectionInfo connection() {
        return parser.connection();
    }

    /** Sluice's own response bytes, and the chunks of a streamed answer. Stateless. */
    private static final ConnectionResponder.Encoder RAW_ENCODER = new ConnectionResponder.Encoder() {
        @Override
        public Object encode(GatewayResponse r, ChannelHandlerContext ctx) {
            ByteBuf out = ctx.alloc().buffer(RawResponseEncoder.sizeOf(r));
            RawResponseEncoder.encode(r, out);
            return out;
        }

        @Override
        public Object chunk(byte[] piece, ChannelHandlerContext ctx) {
            ByteBuf out = ctx.alloc().buffer(piece.length + 16);
            RawResponseEncoder.chunk(piece, out);
            return out;
        }

        @Override
        public Object lastChunk(ChannelHandlerContext ctx) {
            ByteBuf out = ctx.alloc().buffer(5);
            RawResponseEncoder.lastChunk(out);
            return out;
        }
    };

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!responder.isClosing() && (in.isReadable() || parser.hasDecision())) {
            switch (parser.parse(in)) {
                case NEED_MORE -> {
                    armTimers(ctx);
                    return;
                }
                case ADMISSION_PENDING -> {
                    awaitAdmission(ctx);
                    return;
                }
                case CONTINUE_EXPECTED -> ctx.writeAndFlush(Unpooled.wrappedBuffer(RawResponseEncoder.CONTINUE));
                case REQUEST_READY -> {
                    responder.dispatch(parser.takeRequest());
                }
                case STREAM_STARTED -> {
                    GatewayRequest head = parser.takeRequest();
                    if ("100-continue".equalsIgnoreCase(head.headers().get("Expect"))) {
                        // before the stream's answer head, which follows at once (curl -T - asks for it)
                        ctx.writeAndFlush(Unpooled.wrappedBuffer(RawResponseEncoder.CONTINUE));
                    }
                    stream = responder.dispatchStreaming(head);
                }
                case BODY_PIECE -> stream.content(parser.takePiece());
                case STREAM_ENDED -> {
                    RequestBodyStream ended = stream;
                    stream = null;
                    responder.streamedRequestEnded();
                    ended.end();
                }
                case ERROR -> {
                    if (stream != null) { // a streamed answer is under way: no room for an error answer
                        stream.abort();
                        stream = null;
                        ctx.close();
                        return;
                    }
                    responder.reject(parser.errorResponse());
                }
            }
        }
        if (responder.isClosing() && in.isReadable()) {
            in.skipBytes(in.readableBytes()); // nothing after a closing answer is processed (RFC 9112 9.6)
            responder.discardedInput();
        }
        armTimers(ctx);
    }

    /**
     * The gate needs time (a password hash): read nothing more until it has decided, then go on, on this
     * event loop, with the bytes already received. Regression (AccessGateTest, pipelined requests behind a
     * password check): ByteToMessageDecoder calls decode again while the parser waits, and a second
     * listener on the same decision later admitted the next pipelined request with the first one's
     * principal; one listener per decision, and a decision applies only to the request it was made for.
     */
    private void awaitAdmission(ChannelHandlerContext ctx) {
        CompletableFuture<RequestGate.Admission> decision = parser.pendingAdmission();
        if (decision == awaited) {
            return; // ByteToMessageDecoder called decode again on the same input: already waiting
        }
        awaited = decision;
        readTimer.reading(false, false);
        ctx.channel().config().setAutoRead(false);
        decision.whenComplete((a, failure) -> ctx.executor().execute(() -> {
            if (awaited != decision || ctx.isRemoved() || !ctx.channel().isActive()) {
                return;
            }
            awaited = null;
            parser.admitted(a != null ? a
                    : new RequestGate.Admission(null, ConnectionPolicy.internalError().closing(), null));
            decode(ctx, internalBuffer(), new ArrayList<>(0));
            responder.readAgain();
        }));
    }

    /** After a read: a head or body still incomplete keeps (or starts) its deadline; whole requests start none. */
    private void armTimers(ChannelHandlerContext ctx) {
        // A streamed body may take as long as the client streams; the idle timeout still bounds a silent one.
        readTimer.reading(parser.inHead(), parser.inBody() && !parser.streaming());
    }

    /**
     * Regression (HostileClientsTest: a client that never reads its answers was read without bound):
     * ByteToMessageDecoder asks for more bytes whenever a read produced no message while auto-read is off,
     * assuming the message is incomplete. This handler dispatches requests itself and never fires
     * messages, so that request would defeat back-pressure; auto-read is only ever off here because of
     * back-pressure, and turning it back on resumes reading.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        discardSomeReadBytes();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        responder.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            parser.connection(ConnectionInfos.of(ctx.channel())); // now with the TLS session
        }
        if (evt instanceof IdleStateEvent) {
            if (parser.streaming()) {
                ctx.close(); // a silent stream: its answer is under way, so no 408 can be written
            } else if (!ctx.channel().isWritable()) {
                ctx.close(); // the client stopped reading its answers
            } else if (parser.inBody()) {
                responder.reject(ProtocolError.bodyTimeout());
            } else if (responder.pendingCount() == 0 && !parser.inHead()) {
                ctx.close(); // idle keep-alive connection
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (stream != null) {
            stream.abort();
            stream = null;
        }
        readTimer.cancel();
        parser.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing connection {} after error: {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}

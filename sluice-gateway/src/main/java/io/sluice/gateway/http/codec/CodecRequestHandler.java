package io.sluice.gateway.http.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.RequestGate;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.internal.ConnectionInfos;
import io.sluice.gateway.http.internal.ConnectionPolicy;
import io.sluice.gateway.http.internal.ConnectionResponder;
import io.sluice.gateway.http.internal.ReadDeadlines;
import io.sluice.gateway.http.internal.ReadTimer;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the request objects of Netty's HTTP codec into whole requests (enforcing the body limit,
 * also for chunked bodies, and answering {@code Expect: 100-continue}), hands them to the router and
 * writes the answers in request order. One instance per connection; runs on its event loop and never
 * blocks.
 */
final class CodecRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(CodecRequestHandler.class);
    private final RequestRouter router;
    private final HttpMetrics metrics;
    private final int maxBodySize;
    private final long headerReadTimeoutNanos;
    private final long bodyReadTimeoutNanos;
    private final BooleanSupplier draining;
    private ChannelHandlerContext ctx;
    private ConnectionResponder responder;
    private ConnectionInfo connection;
    private HttpRequest current;
    /** Who sent {@link #current}, as the gate admitted it. */
    private Principal principal = Principal.ANONYMOUS;
    private NettyRequestHeaders currentHeaders;
    /** The request whose body is being streamed (REST Proxy v3 streaming produce), or null. */
    private RequestBodyStream stream;
    private ByteBuf body;
    private ReadTimer readTimer;
    /** Bytes of a request head arrived and its decoded head has not been seen yet. */
    private boolean headPending;
    /** The gate takes time over a head: what the decoder produces meanwhile waits here, in order. */
    private boolean awaitingAdmission;
    private final ArrayDeque<Object> held = new ArrayDeque<>(0);

    CodecRequestHandler(RequestRouter router, HttpMetrics metrics, int maxBodySize, long headerReadTimeoutNanos,
                        long bodyReadTimeoutNanos, BooleanSupplier draining) {
        this.headerReadTimeoutNanos = headerReadTimeoutNanos;
        this.router = router;
        this.metrics = metrics;
        this.maxBodySize = maxBodySize;
        this.bodyReadTimeoutNanos = bodyReadTimeoutNanos;
        this.draining = draining;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.connection = ConnectionInfos.of(ctx.channel());
        this.responder = new ConnectionResponder(ctx, router, metrics, draining, NettyResponses.ENCODER);
        this.readTimer = new ReadTimer(ctx, new ReadDeadlines(headerReadTimeoutNanos, bodyReadTimeoutNanos,
                System::nanoTime), this::reject);
    }

    /** The connection as its requests will carry it (plaintext, or TLS once the handshake finished). */
    ConnectionInfo connection() {
        return connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (responder.isClosing()) {
            ReferenceCountUtil.release(msg); // nothing after a closing answer is processed (RFC 9112 9.6)
            responder.discardedInput();
            return;
        }
        if (awaitingAdmission) {
            held.add(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            if (!startRequest(req)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (awaitingAdmission) {
                if (msg instanceof HttpContent) {
                    held.addFirst(msg); // the head's own content, before anything decoded after it
                }
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            addContent(content);
        }
    }

    private boolean startRequest(HttpRequest req) {
        headPending = false;
        ProtocolError error = CodecHeadCheck.check(req, maxBodySize);
        if (error != null) {
            reject(error);
            return false;
        }
        currentHeaders = new NettyRequestHeaders(req.headers());
        if (!router.gateOpen()) {
            String uri = req.uri();
            RequestGate.Admission a = router.admit(req.method().name(), GatewayRequest.pathOf(uri), currentHeaders,
                    HttpUtil.isTransferEncodingChunked(req) ? -1 : HttpUtil.getContentLength(req, -1L), connection);
            if (a.isPending()) {
                awaitAdmission(req, a);
                return true;
            }
            if (!a.admitted()) {
                reject(a.refusal());
                return false;
            }
            principal = a.principal();
        }
        beginBody(req);
        return true;
    }

    /** The gate needs time (a password hash): hold what arrives, read no more, go on when it has decided. */
    private void awaitAdmission(HttpRequest req, RequestGate.Admission pending) {
        awaitingAdmission = true;
        ctx.channel().config().setAutoRead(false);
        pending.pending().whenComplete((a, failure) -> ctx.executor().execute(() -> admissionDecided(req,
                a != null ? a : new RequestGate.Admission(null, ConnectionPolicy.internalError().closing(), null))));
    }

    /** On the event loop: refuse, or start the body and replay what was held, in order. */
    private void admissionDecided(HttpRequest req, RequestGate.Admission a) {
        awaitingAdmission = false;
        if (ctx.isRemoved() || !ctx.channel().isActive()) {
            releaseHeld();
            return;
        }
        if (!a.admitted()) {
            releaseHeld();
            reject(a.refusal());
        } else {
            principal = a.principal();
            beginBody(req);
            while (!held.isEmpty() && !awaitingAdmission) {
                Object m = held.poll();
                if (m == req) {
                    addContent((HttpContent) m);
                } else {
                    channelRead(ctx, m);
                }
            }
        }
        responder.readAgain();
    }

    private void releaseHeld() {
        Object m;
        while ((m = held.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }

    /** The head passed every check: answer 100-continue if asked, and read its body. */
    private void beginBody(HttpRequest req) {
        if (HttpUtil.is100ContinueExpected(req) && req.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        current = req;
        if (HttpUtil.isTransferEncodingChunked(req)) {
            GatewayRequest head = request(req, Unpooled.EMPTY_BUFFER);
            if (router.streamsBody(head)) {
                stream = responder.dispatchStreaming(head);
            }
        }
    }

    /** A streamed request's piece: handed over as it arrives; the last one ends the stream. */
    private void streamContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            abortStream(); // its answer is under way: no room for an error answer
            ctx.close();
            return;
        }
        stream.content(content.content()); // takes the content's buffer, and releases it
        if (content instanceof LastHttpContent) {
            RequestBodyStream ended = stream;
            stream = null;
            current = null;
            currentHeaders = null;
            principal = Principal.ANONYMOUS;
            responder.streamedRequestEnded();
            ended.end();
        }
    }

    private void abortStream() {
        if (stream != null) {
            stream.abort();
            stream = null;
        }
    }

    /** The request of {@code req}'s head with {@code content}, as the admitted principal sent it. */
    private GatewayRequest request(HttpRequest req, ByteBuf content) {
        String uri = req.uri();
        return new GatewayRequest(req.method().name(), GatewayRequest.pathOf(uri), GatewayRequest.queryOf(uri),
                currentHeaders, content, HttpUtil.isKeepAlive(req), connection, principal);
    }

    private void addContent(HttpContent content) {
        if (current == null) {
            content.release();
            return;
        }
        if (stream != null) {
            streamContent(content);
            return;
        }
        if (content.decoderResult().isFailure()) {
            content.release();
            reject(ProtocolError.badRequest("malformed body: " + content.decoderResult().cause().getMessage()));
            return;
        }
        ByteBuf chunk = content.content();
        int size = (body == null ? 0 : body.readableBytes()) + chunk.readableBytes();
        if (size > maxBodySize) {
            content.release();
            reject(ProtocolError.bodyTooLarge(-1, maxBodySize));
            return;
        }
        appendBody(chunk);
        if (content instanceof LastHttpContent) {
            dispatch();
        }
    }

    private void appendBody(ByteBuf chunk) {
        if (!chunk.isReadable()) {
            chunk.release();
        } else if (body == null) {
            body = chunk;
        } else {
            if (!(body instanceof CompositeByteBuf)) {
                CompositeByteBuf composite = ctx.alloc().compositeBuffer();
                composite.addComponent(true, body);
                body = composite;
            }
            ((CompositeByteBuf) body).addComponent(true, chunk);
        }
    }

    private void dispatch() {
        HttpRequest req = current;
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body;
        current = null;
        body = null;
        GatewayRequest request = request(req, content);
        currentHeaders = null;
        principal = Principal.ANONYMOUS;
        responder.dispatch(request);
    }

    /** Answers an error in order after earlier responses, then closes; the rest of the input is dropped. */
    private void reject(ProtocolError error) {
        reject(error.response());
    }

    /** Answers a refusal (a protocol error, or the gate's 401/403/429) in order, then closes. */
    private void reject(GatewayResponse refusal) {
        abortStream();
        releaseBody();
        current = null;
        responder.reject(refusal);
    }

    /** Bytes arrived (seen before the decoder): if no request is being read, a head has begun. */
    void bytesArrived() {
        if (current == null) {
            headPending = true;
        }
    }

    /** After a read: an incomplete head or body keeps (or starts) its deadline; whole requests start none. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // A streamed body may take as long as the client streams; the idle timeout still applies.
        readTimer.reading(headPending && !responder.isClosing(), current != null && stream == null);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        responder.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            connection = ConnectionInfos.of(ctx.channel()); // now with the TLS session
        }
        if (evt instanceof IdleStateEvent) {
            if (stream != null) {
                abortStream();
                ctx.close(); // a silent stream: its answer is under way, so no 408 can be written
            } else if (!ctx.channel().isWritable()) {
                ctx.close(); // the client stopped reading its answers
            } else if (current != null) {
                reject(ProtocolError.bodyTimeout());
            } else if (responder.pendingCount() == 0) {
                ctx.close(); // idle keep-alive connection
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        abortStream();
        readTimer.cancel();
        releaseBody();
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing connection {} after error: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}

package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.http.JsonBodies;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.RequestGate;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.internal.ConnectionInfos;
import io.sluice.gateway.http.internal.ConnectionPolicy;
import io.sluice.gateway.http.internal.LingeringClose;
import io.sluice.gateway.http.internal.ReadDeadlines;
import io.sluice.gateway.transport.BlockingConnectionHandler;
import io.sluice.gateway.transport.tls.TlsHandshake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The raw HTTP style on a blocking socket (the virtual-thread runtime): read, parse, route, wait for the
 * outcome, write, repeat. Shared by all connections; each {@link #serve} call is confined to its own
 * virtual thread and blocks freely. Pipelined requests are answered one after another, so answers are
 * in order by construction; answers are flushed when no further request is already buffered.
 * No {@code synchronized} and no thread-local caches: virtual threads must not pin their carrier.
 */
public final class BlockingRawConnection implements BlockingConnectionHandler {
    private static final int READ_CHUNK = 16 * 1024;
    /** Upper bound on waiting for one outcome; the producer's delivery timeout answers well before. */
    private static final long OUTCOME_WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final RequestRouter router;
    private final HttpMetrics metrics;
    private final BooleanSupplier draining;
    private final int maxHeaderSize;
    private final int maxBodySize;
    private final int idleTimeoutMillis;
    private final long headerReadTimeoutNanos;
    private final long bodyReadTimeoutNanos;
    private final ByteBufAllocator alloc;

    public BlockingRawConnection(RequestRouter router, HttpMetrics metrics, BooleanSupplier draining,
                                 int maxHeaderSize, int maxBodySize, Duration idleTimeout, Duration headerReadTimeout,
                                 Duration bodyReadTimeout, ByteBufAllocator alloc) {
        this.router = router;
        this.metrics = metrics;
        this.draining = draining;
        this.maxHeaderSize = maxHeaderSize;
        this.maxBodySize = maxBodySize;
        this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis());
        this.headerReadTimeoutNanos = headerReadTimeout.toNanos();
        this.bodyReadTimeoutNanos = bodyReadTimeout.toNanos();
        this.alloc = alloc;
    }

    @Override
    public void serve(Socket socket, TlsHandshake tls) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        RawRequestParser parser = new RawRequestParser(alloc, maxHeaderSize, maxBodySize,
                ConnectionInfos.of(socket.getRemoteSocketAddress(), tls), router.gateOpen() ? null : router::admit);
        HandoffExecutor handoff = new HandoffExecutor();
        ByteBuf buf = alloc.heapBuffer(READ_CHUNK);
        ByteBuf reply = alloc.heapBuffer(512);
        ReadDeadlines deadlines = new ReadDeadlines(headerReadTimeoutNanos, bodyReadTimeoutNanos, System::nanoTime);
        parser.streamBodiesOf(router::streamsBody);
        BlockingStreamedRequest stream = null;
        try {
            while (true) {
                RawRequestParser.Progress progress = buf.isReadable() || parser.hasDecision() ? parser.parse(buf)
                        : RawRequestParser.Progress.NEED_MORE;
                switch (progress) {
                    case CONTINUE_EXPECTED -> {
                        out.write(RawResponseEncoder.CONTINUE);
                        out.flush();
                    }
                    case REQUEST_READY -> {
                        deadlines.reading(false, false);
                        GatewayResponse r = answer(parser.takeRequest(), handoff);
                        if (send(r, reply, out, !buf.isReadable())) {
                            if (buf.isReadable()) {
                                lingerAfterLastAnswer(socket, in); // a request pipelined behind a closing one
                            }
                            return;
                        }
                    }
                    case STREAM_STARTED -> {
                        GatewayRequest head = parser.takeRequest();
                        if ("100-continue".equalsIgnoreCase(head.headers().get("Expect"))) {
                            out.write(RawResponseEncoder.CONTINUE); // before the stream's answer head
                        }
                        stream = new BlockingStreamedRequest(router, head, out);
                        send(stream.answer(), reply, out, true);
                        if (stream.answer().stream() != null) {
                            stream.started();
                        }
                    }
                    case BODY_PIECE -> stream.content(parser.takePiece());
                    case STREAM_ENDED -> {
                        BlockingStreamedRequest ended = stream;
                        stream = null;
                        ended.endAndAwait(OUTCOME_WAIT_NANOS);
                        if (buf.isReadable()) {
                            lingerAfterLastAnswer(socket, in); // the streamed answer closes the connection
                        }
                        return;
                    }
                    case ERROR -> {
                        if (stream != null) { // a streamed answer is under way: no room for an error answer
                            return;
                        }
                        GatewayResponse refusal = parser.errorResponse();
                        send(refusal, reply, out, true);
                        lingerAfterLastAnswer(socket, in); // the rest of the refused request may be coming
                        return;
                    }
                    case ADMISSION_PENDING -> parser.admitted(awaitAdmission(parser));
                    case NEED_MORE -> {
                        // A streamed body may take as long as the client streams; the idle timeout still applies.
                        deadlines.reading(parser.inHead(), parser.inBody() && !parser.streaming());
                        if (!read(socket, in, buf, deadlines.nanosLeft())) {
                            if (stream != null) {
                                return; // a stalled or broken stream: its answer is under way, no 408 fits
                            }
                            ProtocolError timeout = deadlines.expired();
                            if (timeout == null && (parser.inHead() || parser.inBody())) {
                                // idle (or end of stream) in the middle of a request: it stalled
                                timeout = parser.inHead() ? ProtocolError.headTimeout() : ProtocolError.bodyTimeout();
                            }
                            if (timeout != null) {
                                send(timeout.response(), reply, out, true);
                            }
                            return;
                        }
                    }
                }
            }
        } finally {
            if (stream != null) {
                stream.abort();
            }
            parser.release();
            buf.release();
            reply.release();
        }
    }

    /** Waits (this is a virtual thread) for a gate that needed time; a bug there refuses with a 500. */
    private static RequestGate.Admission awaitAdmission(RawRequestParser parser) throws InterruptedException {
        try {
            return parser.pendingAdmission().get(OUTCOME_WAIT_NANOS, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new RequestGate.Admission(null, ConnectionPolicy.internalError().closing(), null);
        }
    }

    /**
     * Routes the request and waits for its answer. Requests are answered one at a time here, so the
     * {@link ConnectionPolicy} is applied once the outcome is known: a drain that began meanwhile closes
     * the connection, and no later request has been read.
     */
    private GatewayResponse answer(GatewayRequest request, HandoffExecutor handoff) throws InterruptedException {
        GatewayResponse r;
        try {
            r = handoff.runUntilDone(router.route(request, handoff), OUTCOME_WAIT_NANOS);
            if (r == null) {
                r = GatewayResponse.json(504, JsonBodies.error("delivery_timeout", "no outcome in time"), "produce");
            }
        } catch (RuntimeException e) { // a bug in answering: the CompletionException of a failed outcome
            r = ConnectionPolicy.internalError();
        }
        return ConnectionPolicy.apply(r, ConnectionPolicy.decide(request, draining.getAsBoolean()));
    }

    /**
     * Half-closes, then reads and discards until the client closes or {@link LingeringClose#LINGER_MILLIS}
     * pass, so that closing with unread input does not reset the connection before the client has read its
     * last answer (see {@link LingeringClose}).
     */
    private static void lingerAfterLastAnswer(Socket socket, InputStream in) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LingeringClose.LINGER_MILLIS);
        byte[] sink = new byte[READ_CHUNK];
        try {
            socket.shutdownOutput();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (in.read(sink) < 0) {
                    return;
                }
            }
        } catch (IOException closedOrTimedOut) {
            // the client is gone, or the linger is over: close now
        }
    }

    /** Writes one answer; flushes when asked to or when it closes. Returns true if the connection must close. */
    private boolean send(GatewayResponse r, ByteBuf reply, OutputStream out, boolean flush) throws IOException {
        metrics.requestCompleted(r.route(), r.status());
        reply.clear();
        reply.ensureWritable(RawResponseEncoder.sizeOf(r));
        RawResponseEncoder.encode(r, reply);
        out.write(reply.array(), reply.arrayOffset() + reply.readerIndex(), reply.readableBytes());
        if (flush || r.close()) {
            out.flush();
        }
        return r.close();
    }

    /**
     * Reads more bytes into {@code buf}, with the socket timeout set to what is left of the current read
     * deadline ({@link ReadDeadlines}), or to the idle timeout when nothing is being read. Returns false on
     * EOF or timeout.
     */
    private boolean read(Socket socket, InputStream in, ByteBuf buf, long left) throws IOException {
        int timeout = idleTimeoutMillis;
        if (left != ReadDeadlines.NONE) {
            if (left <= 0) {
                return false;
            }
            timeout = (int) Math.max(1, Math.min(timeout, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        socket.setSoTimeout(timeout);
        compact(buf);
        buf.ensureWritable(READ_CHUNK);
        try {
            int n = in.read(buf.array(), buf.arrayOffset() + buf.writerIndex(), buf.writableBytes());
            if (n < 0) {
                return false;
            }
            buf.writerIndex(buf.writerIndex() + n);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Drops consumed bytes, unless a request body handed out still shares this buffer's memory. */
    private static void compact(ByteBuf buf) {
        if (buf.refCnt() == 1 && buf.readerIndex() > 0) {
            buf.discardReadBytes();
        }
    }
}

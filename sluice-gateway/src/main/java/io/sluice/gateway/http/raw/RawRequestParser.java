package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.HeadGate;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.RequestGate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Turns the bytes of one HTTP/1.1 connection into {@link GatewayRequest}s; one instance per connection,
 * not thread-safe: confined to the thread that reads the connection (its event loop, or its virtual
 * thread). Never blocks: it parses what it is given and keeps its place for the next call.
 *
 * <p>Why hand-written rather than Netty's {@code HttpServerCodec}: a correct HTTP/1.1 parser is the point
 * of this project, whose reference experiment's raw-TCP server ignored Content-Length and broke on
 * pipelined requests and on reads that split a request. This one frames bodies by Content-Length or
 * chunked coding, accepts a request split at any byte and several requests in one read, and is strict
 * where leniency enables request smuggling (see the package documentation). It also avoids the codec's
 * per-request object churn (a request, a headers map, content objects, an aggregator): the common request
 * costs its header strings, one array, the request record and a retained slice of the read buffer. And it
 * works the same over Netty's buffers and over a virtual thread's blocking stream (wrap each read in a
 * {@link ByteBuf}).
 *
 * <pre>{@code
 * Progress p;
 * while ((p = parser.parse(in)) != Progress.NEED_MORE) {
 *     switch (p) {
 *         case REQUEST_READY -> dispatch(parser.takeRequest());   // then look for the next one
 *         case CONTINUE_EXPECTED -> write100Continue();
 *         case ERROR -> { answerAndClose(parser.errorResponse()); return; }
 *         case ADMISSION_PENDING -> { stopReading(); parser.pendingAdmission().thenRun(resumeOnThisThread); return; }
 *     }
 * }
 * }</pre>
 *
 * <p>With a {@link HeadGate}, each complete and valid head is shown to it before any body byte is read:
 * a refusal (401, 403, 429) is reported as {@link Progress#ERROR} with the gate's answer, and a decision
 * that takes time (a password hash) as {@link Progress#ADMISSION_PENDING}.
 *
 * <p>Limits: the request line may take {@code maxHeaderSize} bytes (with its CRLF; else 414), the request
 * line and header fields together too (else 431), and so may a chunked body's trailer section. Bodies
 * may take {@code maxBodySize} bytes (else 413, known from Content-Length before any body byte is read).
 * Every limit is checked as bytes arrive, so nothing is buffered beyond it, and each byte is examined a
 * bounded number of times however the input is split.
 */
public final class RawRequestParser {

    /** What {@link #parse} achieved. */
    public enum Progress {
        /** Every readable byte was consumed; call again with more. */
        NEED_MORE,
        /** The head asked for {@code 100 Continue} and the body has not fully arrived: answer it, then call again. */
        CONTINUE_EXPECTED,
        /** A request is complete: {@link #takeRequest()} it, then call again (more may already be in the buffer). */
        REQUEST_READY,
        /** The input is not acceptable HTTP/1.1: answer {@link #error()} and close the connection. */
        ERROR,
        /**
         * The gate needs time to decide on the request whose head is complete ({@link #pendingAdmission()});
         * read nothing more, and once it completes call {@link #admitted} on this parser's thread, then parse on.
         */
        ADMISSION_PENDING,
        /**
         * The head of a request whose body is to be streamed ({@link #streamBodiesOf}) is complete:
         * {@link #takeRequest()} it (its body is empty), then call again; the body follows as pieces. If it
         * asked for {@code 100 Continue}, the caller answers that first: the parser does not ask again.
         */
        STREAM_STARTED,
        /** A piece of a streamed body: {@link #takePiece()} it, then call again. */
        BODY_PIECE,
        /** A streamed body is complete (no request to take); call again for the next request. */
        STREAM_ENDED
    }

    private enum State {
        REQUEST_LINE, HEADERS, AWAIT_ADMISSION, ADMITTED, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CR, CHUNK_LF, TRAILERS, DEAD
    }

    /** The first allocation for a body that did not arrive whole; it grows up to the body's limit. */
    private static final int INITIAL_BODY_CAPACITY = 64 * 1024;

    private final ByteBufAllocator alloc;
    private final int maxHeaderSize;
    private final int maxBodySize;
    private final CrlfLineReader lines;
    private final RequestHead head = new RequestHead();
    private State state = State.REQUEST_LINE;
    /** Bytes of the head (or of the trailer section) in complete lines so far. */
    private int sectionBytes;
    /** Bytes still to come of the Content-Length body or of the current chunk. */
    private long remaining;
    /** The partial body: allocated from {@link #alloc} when the body does not arrive in one buffer. */
    private ByteBuf body;
    private boolean continuePending;
    private GatewayRequest ready;
    private ProtocolError error;
    private boolean released;
    private ConnectionInfo connection;
    /** Asked at head time whether the request may go on; null when every request is admitted. */
    private final HeadGate gate;
    /** The answer of a gate that refused the request (with its headers: WWW-Authenticate, Retry-After). */
    private GatewayResponse refusal;
    private Principal principal = Principal.ANONYMOUS;
    private RawRequestHeaders admittedHeaders;
    private CompletableFuture<RequestGate.Admission> pendingAdmission;
    /** Which chunked requests have their body handed over piece by piece instead of whole; null: none. */
    private Predicate<GatewayRequest> streamRule;
    private boolean streaming;
    private ByteBuf piece;

    public RawRequestParser(ByteBufAllocator alloc, int maxHeaderSize, int maxBodySize) {
        this(alloc, maxHeaderSize, maxBodySize, ConnectionInfo.UNKNOWN);
    }

    /** The connection the requests parsed from now on are said to come on. */
    public ConnectionInfo connection() {
        return connection;
    }

    /** What is now known of the connection (e.g. once its TLS handshake finished); applies to later requests. */
    public void connection(ConnectionInfo info) {
        this.connection = info;
    }

    /** @param connection the connection every request parsed here came on */
    public RawRequestParser(ByteBufAllocator alloc, int maxHeaderSize, int maxBodySize, ConnectionInfo connection) {
        this(alloc, maxHeaderSize, maxBodySize, connection, null);
    }

    /**
     * @param connection the connection every request parsed here came on
     * @param gate       asked once per request when its head is complete and valid, before any body byte is
     *                   read; a refusal is reported as {@link Progress#ERROR}; null admits every request
     */
    public RawRequestParser(ByteBufAllocator alloc, int maxHeaderSize, int maxBodySize, ConnectionInfo connection,
                            HeadGate gate) {
        this.connection = connection;
        this.gate = gate;
        if (maxHeaderSize < 16 || maxBodySize < 0) {
            throw new IllegalArgumentException("maxHeaderSize must be >= 16 and maxBodySize >= 0, got "
                    + maxHeaderSize + " and " + maxBodySize);
        }
        this.alloc = alloc;
        this.maxHeaderSize = maxHeaderSize;
        this.maxBodySize = maxBodySize;
        this.lines = new CrlfLineReader(maxHeaderSize);
    }

    /**
     * From now on, a chunked request whose head {@code rule} accepts is not aggregated: its head is handed
     * over first ({@link Progress#STREAM_STARTED}), then each piece of its body as it arrives
     * ({@link Progress#BODY_PIECE}, zero-copy slices), then its end ({@link Progress#STREAM_ENDED}). Each
     * chunk is still limited to {@code maxBodySize}; the body as a whole is not.
     */
    public void streamBodiesOf(Predicate<GatewayRequest> rule) {
        this.streamRule = rule;
    }

    /** True while the body of a streamed request is being read. */
    public boolean streaming() {
        return streaming;
    }

    /** After {@link Progress#BODY_PIECE}: the piece (the caller owns and releases it). */
    public ByteBuf takePiece() {
        ByteBuf p = piece;
        if (p == null) {
            throw new IllegalStateException("no body piece is ready");
        }
        piece = null;
        return p;
    }

    /**
     * Consumes bytes from {@code in} (advancing its readerIndex) and parses as far as it can. Call again
     * after {@link Progress#CONTINUE_EXPECTED} and after {@link Progress#REQUEST_READY} (more pipelined
     * requests may already be in {@code in}). Never retains {@code in} itself beyond the call except
     * through retained slices handed out in requests.
     *
     * @throws IllegalStateException if a ready request was not taken, or after {@link #release()}
     */
    public Progress parse(ByteBuf in) {
        if (error != null) {
            return Progress.ERROR;
        }
        if (released) {
            throw new IllegalStateException("the parser was released");
        }
        if (ready != null || piece != null) {
            throw new IllegalStateException("take the ready request (or body piece) before parsing on");
        }
        for (;;) {
            Progress p = switch (state) {
                case REQUEST_LINE -> requestLine(in);
                case HEADERS -> headerLine(in);
                case AWAIT_ADMISSION -> Progress.ADMISSION_PENDING;
                case ADMITTED -> afterAdmission();
                case FIXED_BODY -> fixedBody(in);
                case CHUNK_SIZE -> chunkSize(in);
                case CHUNK_DATA -> chunkData(in);
                case CHUNK_CR -> chunkDataEnd(in, (byte) '\r', State.CHUNK_LF);
                case CHUNK_LF -> chunkDataEnd(in, (byte) '\n', State.CHUNK_SIZE);
                case TRAILERS -> trailerLine(in);
                case DEAD -> Progress.ERROR;
            };
            if (p == Progress.NEED_MORE && continuePending) {
                continuePending = false;
                return Progress.CONTINUE_EXPECTED;
            }
            if (p != null) {
                return p;
            }
        }
    }

    /**
     * True when {@link #parse} has something to report even without more input: the gate's late decision
     * ({@link #admitted}) has been taken and not yet acted on.
     */
    public boolean hasDecision() {
        return state == State.ADMITTED || (state == State.DEAD && refusal != null && error != null);
    }

    /** After {@link Progress#ADMISSION_PENDING}: the gate's decision to wait for. */
    public CompletableFuture<RequestGate.Admission> pendingAdmission() {
        return pendingAdmission;
    }

    /**
     * The gate decided on the request that waited ({@link Progress#ADMISSION_PENDING}); call on this
     * parser's thread, then parse on: a refusal makes the next {@link #parse} report {@link Progress#ERROR}.
     */
    public void admitted(RequestGate.Admission a) {
        if (state != State.AWAIT_ADMISSION || released) {
            return;
        }
        pendingAdmission = null;
        if (admit(a) != null) {
            state = State.ADMITTED; // the next parse() goes on to the body
        } // else fail() recorded the refusal: the next parse() reports ERROR
    }

    /** After {@link Progress#REQUEST_READY}: the request (the caller owns and releases its body). */
    public GatewayRequest takeRequest() {
        GatewayRequest r = ready;
        if (r == null) {
            throw new IllegalStateException("no request is ready");
        }
        ready = null;
        return r;
    }

    /**
     * After {@link Progress#ERROR}: the protocol error, or for a request the gate refused its status and
     * code. After an error the parser is dead (the connection will close).
     */
    public ProtocolError error() {
        return error;
    }

    /** After {@link Progress#ERROR}: the answer to write before closing (the gate's refusal, or the error's). */
    public GatewayResponse errorResponse() {
        return refusal != null ? refusal : error.response();
    }

    /** True while a request head has started arriving but is not complete (for the header-read timeout). */
    public boolean inHead() {
        return state == State.HEADERS || (state == State.REQUEST_LINE && lines.pending() > 0);
    }

    /** True while a head is complete but the body is not (for a stalled-body timeout). */
    public boolean inBody() {
        return switch (state) {
            case FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CR, CHUNK_LF, TRAILERS -> true;
            default -> false;
        };
    }

    /** Releases any partial body (and the body of a ready request nobody took); the parser is then unusable. */
    public void release() {
        released = true;
        releaseBody();
        if (ready != null) {
            ready.body().release();
            ready = null;
        }
        if (piece != null) {
            piece.release();
            piece = null;
        }
    }

    // Each step returns null to go on with the next state, or what parse() returns.

    private Progress requestLine(ByteBuf in) {
        int n = lines.read(in, maxHeaderSize);
        if (n < 0) {
            return lineProblem(n, ProtocolError.uriTooLong());
        }
        if (n == 0) {
            return null; // an empty line before the request line is ignored (RFC 9112 2.2)
        }
        ProtocolError e = head.requestLine(lines.bytes(), n);
        if (e != null) {
            return fail(e);
        }
        sectionBytes = n + 2;
        state = State.HEADERS;
        return null;
    }

    private Progress headerLine(ByteBuf in) {
        int n = lines.read(in, maxHeaderSize - sectionBytes);
        if (n < 0) {
            return lineProblem(n, ProtocolError.headersTooLarge("the request line and headers"));
        }
        sectionBytes += n + 2;
        if (n == 0) {
            return headComplete();
        }
        ProtocolError e = head.field(lines.bytes(), n);
        return e == null ? null : fail(e);
    }

    private Progress headComplete() {
        ProtocolError e = head.headError(maxBodySize);
        if (e != null) {
            return fail(e);
        }
        if (gate != null) {
            admittedHeaders = head.headers();
            RequestGate.Admission a = gate.admit(head.method(), head.path(), admittedHeaders,
                    head.chunked() ? -1 : head.contentLength(), connection);
            if (a.isPending()) {
                pendingAdmission = a.pending();
                state = State.AWAIT_ADMISSION;
                return Progress.ADMISSION_PENDING;
            }
            if (admit(a) == null) {
                return Progress.ERROR;
            }
        }
        return afterAdmission();
    }

    /** Takes the gate's decision: the principal, or (returning null) the refusal as the parser's error. */
    private Principal admit(RequestGate.Admission a) {
        if (!a.admitted()) {
            refusal = a.refusal();
            fail(new ProtocolError(refusal.status(), "refused", "refused before the body was read"));
            return null;
        }
        principal = a.principal();
        return principal;
    }

    /** The head is complete, valid and admitted: on to the body, or the request is complete. */
    private Progress afterAdmission() {
        if (head.chunked() && streamRule != null) {
            GatewayRequest headOnly = new GatewayRequest(head.method(), head.path(), head.query(), head.headers(),
                    Unpooled.EMPTY_BUFFER, head.keepAlive(), connection, principal);
            if (streamRule.test(headOnly)) {
                streaming = true;
                ready = headOnly;
                state = State.CHUNK_SIZE;
                // No CONTINUE_EXPECTED later: the caller answers Expect before the stream's answer head.
                return Progress.STREAM_STARTED;
            }
        }
        if (head.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (head.contentLength() > 0) {
            remaining = head.contentLength();
            state = State.FIXED_BODY;
        } else {
            return complete();
        }
        continuePending = head.expectsContinue(); // answered only if the body is not already here
        return null;
    }

    private Progress fixedBody(ByteBuf in) {
        int readable = in.readableBytes();
        if (body == null && readable >= remaining) {
            body = in.readRetainedSlice((int) remaining); // zero-copy: the whole body is in this buffer
            return complete();
        }
        if (readable == 0) {
            return Progress.NEED_MORE;
        }
        int n = (int) Math.min(readable, remaining);
        if (body == null) {
            int length = (int) head.contentLength();
            body = alloc.buffer(Math.min(length, INITIAL_BODY_CAPACITY), length);
        }
        body.writeBytes(in, n);
        remaining -= n;
        return remaining == 0 ? complete() : Progress.NEED_MORE;
    }

    private Progress chunkSize(ByteBuf in) {
        int n = lines.read(in, maxHeaderSize);
        if (n < 0) {
            return lineProblem(n, ProtocolError.badRequest("a chunk size line is longer than the header limit"));
        }
        long size = ChunkSizeLine.parse(lines.bytes(), n, maxBodySize);
        if (size < 0) {
            return fail(ProtocolError.badRequest("invalid chunk size line"));
        }
        if (size == 0) {
            sectionBytes = 0;
            state = State.TRAILERS;
            return null;
        }
        int received = body == null ? 0 : body.readableBytes();
        if (size > maxBodySize - received) {
            return fail(ProtocolError.bodyTooLarge(-1, maxBodySize));
        }
        remaining = size;
        state = State.CHUNK_DATA;
        return null;
    }

    private Progress chunkData(ByteBuf in) {
        int readable = in.readableBytes();
        if (readable == 0) {
            return Progress.NEED_MORE;
        }
        int n = (int) Math.min(readable, remaining);
        if (streaming) {
            piece = in.readRetainedSlice(n); // zero-copy: handed over as it arrived
            remaining -= n;
            if (remaining == 0) {
                state = State.CHUNK_CR;
            }
            return Progress.BODY_PIECE;
        }
        if (body == null) {
            body = alloc.buffer((int) Math.min(remaining, INITIAL_BODY_CAPACITY), maxBodySize);
        }
        body.writeBytes(in, n);
        remaining -= n;
        if (remaining == 0) {
            state = State.CHUNK_CR;
        }
        return null;
    }

    private Progress chunkDataEnd(ByteBuf in, byte expected, State next) {
        if (!in.isReadable()) {
            return Progress.NEED_MORE;
        }
        if (in.readByte() != expected) {
            return fail(ProtocolError.badRequest("chunk data is not followed by CRLF"));
        }
        state = next;
        return null;
    }

    private Progress trailerLine(ByteBuf in) {
        int n = lines.read(in, maxHeaderSize - sectionBytes);
        if (n < 0) {
            return lineProblem(n, ProtocolError.headersTooLarge("the trailer fields"));
        }
        sectionBytes += n + 2;
        if (n == 0) {
            return complete();
        }
        ProtocolError e = RequestHead.checkTrailer(lines.bytes(), n);
        return e == null ? null : fail(e);
    }

    private Progress lineProblem(int result, ProtocolError tooLong) {
        return switch (result) {
            case CrlfLineReader.NEED_MORE -> Progress.NEED_MORE;
            case CrlfLineReader.TOO_LONG -> fail(tooLong);
            default -> fail(ProtocolError.badRequest("a line ends in LF without CR"));
        };
    }

    private Progress complete() {
        if (streaming) {
            streaming = false;
            head.reset();
            state = State.REQUEST_LINE;
            sectionBytes = 0;
            remaining = 0;
            continuePending = false;
            return Progress.STREAM_ENDED;
        }
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body;
        body = null;
        ready = new GatewayRequest(head.method(), head.path(), head.query(),
                admittedHeaders != null ? admittedHeaders : head.headers(), content, head.keepAlive(), connection,
                principal);
        admittedHeaders = null;
        principal = Principal.ANONYMOUS;
        head.reset();
        state = State.REQUEST_LINE;
        sectionBytes = 0;
        remaining = 0;
        continuePending = false;
        return Progress.REQUEST_READY;
    }

    private Progress fail(ProtocolError e) {
        error = e;
        state = State.DEAD;
        continuePending = false;
        releaseBody();
        return Progress.ERROR;
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}

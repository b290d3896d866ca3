package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.http.GatewayResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes HTTP/1.1 responses as bytes, by hand: a response is a status line, four or five header lines
 * and a small body, and building Netty HTTP objects for it costs more than the bytes themselves.
 * Stateless and thread-safe (the status-line table is filled once).
 */
public final class RawResponseEncoder {
    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_TYPE = "Content-Type: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The interim answer to {@code Expect: 100-continue}. */
    public static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int s = 100; s < 600; s++) {
            STATUS_LINES[s] = ("HTTP/1.1 " + s + " " + HttpResponseStatus.valueOf(s).reasonPhrase() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    private RawResponseEncoder() {
    }

    /** Bytes a response will take, so callers can allocate once. */
    public static int sizeOf(GatewayResponse r) {
        int n = 64 + r.contentType().length() + r.body().length;
        for (Map.Entry<String, String> h : r.headers()) {
            n += h.getKey().length() + h.getValue().length() + 4;
        }
        return n;
    }

    /** Appends the response (status line, headers, body) to {@code out}. */
    public static void encode(GatewayResponse r, ByteBuf out) {
        out.writeBytes(STATUS_LINES[r.status()]);
        if (r.status() != 204) { // a 204 has no content, and no Content-Length (RFC 9110 8.6)
            out.writeBytes(CONTENT_TYPE).writeCharSequence(r.contentType(), StandardCharsets.US_ASCII);
            out.writeBytes(CRLF);
            if (r.stream() != null) {
                out.writeBytes(CHUNKED); // the stream writes the body (see #chunk)
            } else {
                out.writeBytes(CONTENT_LENGTH).writeCharSequence(Integer.toString(r.body().length),
                        StandardCharsets.US_ASCII);
                out.writeBytes(CRLF);
            }
        }
        for (Map.Entry<String, String> h : r.headers()) {
            out.writeCharSequence(h.getKey(), StandardCharsets.US_ASCII);
            out.writeByte(':').writeByte(' ');
            out.writeCharSequence(h.getValue(), StandardCharsets.ISO_8859_1);
            out.writeBytes(CRLF);
        }
        if (r.close()) {
            out.writeBytes(CONNECTION_CLOSE);
        }
        out.writeBytes(CRLF);
        if (!r.bodyOmitted()) {
            out.writeBytes(r.body());
        }
    }

    /** One chunk of a streamed body (RFC 9112 7.1): its size in hex, CRLF, the bytes, CRLF. */
    public static void chunk(byte[] piece, ByteBuf out) {
        out.writeCharSequence(Integer.toHexString(piece.length), StandardCharsets.US_ASCII);
        out.writeBytes(CRLF).writeBytes(piece).writeBytes(CRLF);
    }

    /** The end of a streamed body: the last chunk and an empty trailer section. */
    public static void lastChunk(ByteBuf out) {
        out.writeBytes(LAST_CHUNK);
    }
}

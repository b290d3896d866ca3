package io.sluice.gateway.http.codec;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.internal.HostRule;
import java.util.List;

/**
 * The rules a request head must pass before its body is read, checked on Netty's decoded request in the
 * same order and with the same answers as Sluice's own parser ({@link ProtocolError} is the one
 * catalogue): decoder failures, the HTTP version (505), Host (400), framing (400, 501), size (413),
 * Expect (417). Netty accepts some of what the raw parser refuses (a coding before {@code chunked},
 * HTTP/2.0 in a request line); those are refused here. Stateless.
 */
final class CodecHeadCheck {

    private CodecHeadCheck() {
    }

    /** The error to answer for this head, or null when its body may be read. */
    static ProtocolError check(HttpRequest req, int maxBodySize) {
        if (req.decoderResult().isFailure()) {
            return decoderFailure(req, req.decoderResult().cause());
        }
        HttpVersion v = req.protocolVersion();
        if (v.majorVersion() != 1 || v.minorVersion() > 1) {
            return ProtocolError.versionNotSupported(v.text());
        }
        boolean http11 = v.minorVersion() == 1;
        List<String> hosts = req.headers().getAll(HttpHeaderNames.HOST);
        ProtocolError host = HostRule.check(http11, hosts.size(), hosts.isEmpty() ? null : hosts.get(0));
        if (host != null) {
            return host;
        }
        ProtocolError framing = transferCoding(req, http11);
        if (framing != null) {
            return framing;
        }
        long length;
        try {
            length = HttpUtil.getContentLength(req, -1L);
        } catch (NumberFormatException e) {
            return ProtocolError.badRequest("invalid Content-Length");
        }
        if (length > maxBodySize) {
            return ProtocolError.bodyTooLarge(length, maxBodySize);
        }
        // HTTP/1.0 has no Expect: a server must ignore it there (RFC 9110 10.1.1).
        if (http11 && req.headers().contains(HttpHeaderNames.EXPECT) && !HttpUtil.is100ContinueExpected(req)) {
            return ProtocolError.expectationFailed();
        }
        return null;
    }

    private static ProtocolError decoderFailure(HttpRequest req, Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ProtocolError.uriTooLong();
        }
        if (cause instanceof TooLongFrameException) {
            return ProtocolError.headersTooLarge("the request line and headers");
        }
        String m = String.valueOf(cause.getMessage());
        if (req.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            // Netty refused the framing; answer as the raw parser does, from the same rule (501 before 400).
            ProtocolError framing = transferCoding(req, req.protocolVersion().minorVersion() == 1);
            if (framing != null) {
                return framing;
            }
        }
        return ProtocolError.badRequest(m);
    }

    /** RFC 9112 6.1: chunked exactly once and last; any other coding is not implemented (501). */
    private static ProtocolError transferCoding(HttpRequest req, boolean http11) {
        if (!req.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return null; // the common case, without a list allocated per request
        }
        List<String> fields = req.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!http11) {
            return ProtocolError.badRequest("Transfer-Encoding in an HTTP/1.0 request");
        }
        int chunked = 0;
        boolean chunkedLast = false;
        for (String field : fields) {
            for (String coding : field.split(",")) {
                String c = coding.trim();
                if (c.isEmpty()) {
                    continue;
                }
                chunkedLast = c.equalsIgnoreCase("chunked");
                if (chunkedLast) {
                    chunked++;
                } else {
                    return ProtocolError.notImplemented(c);
                }
            }
        }
        if (chunked != 1 || !chunkedLast) {
            return ProtocolError.badRequest(chunked == 0 ? "empty Transfer-Encoding" : "chunked applied more than once");
        }
        return null;
    }
}

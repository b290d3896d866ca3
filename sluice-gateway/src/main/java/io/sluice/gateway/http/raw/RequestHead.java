package io.sluice.gateway.http.raw;

import static io.sluice.gateway.http.internal.HttpGrammar.isWhitespace;

import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.internal.HostRule;
import io.sluice.gateway.http.internal.HttpGrammar;
import java.util.Arrays;

/**
 * The head of the request being parsed: its request line, its header fields, and what the fields say
 * about framing (Content-Length, Transfer-Encoding), Expect and Connection, collected as the fields
 * arrive so that nothing is scanned twice. Reused for every request of a connection; confined to its
 * parser's thread.
 */
final class RequestHead {
    private String method;
    private String path;
    private String query;
    private boolean http11;
    private String[] fields = new String[16];
    private int count;

    private long contentLength = -1;
    private boolean transferEncoding;
    private int chunkedCount;
    private boolean chunkedLast;
    private String unsupportedCoding;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean expectContinue;
    private boolean expectOther;
    private int hostCount;
    private String host;

    /** Parses {@code METHOD SP request-target SP HTTP/1.x} from {@code b[0, n)}; null when valid. */
    ProtocolError requestLine(byte[] b, int n) {
        int sp1 = indexOf(b, 0, n, (byte) ' ');
        if (sp1 < 0 || !HttpGrammar.isToken(b, 0, sp1)) {
            return ProtocolError.badRequest("the request line does not start with a method token");
        }
        int sp2 = indexOf(b, sp1 + 1, n, (byte) ' ');
        if (sp2 < 0) {
            return ProtocolError.badRequest("the request line has no HTTP version");
        }
        if (!HttpGrammar.isTargetChars(b, sp1 + 1, sp2) || !HttpGrammar.isTargetForm(b, sp1 + 1, sp2)) {
            return ProtocolError.badRequest("invalid request target");
        }
        ProtocolError versionError = version(b, sp2 + 1, n);
        if (versionError != null) {
            return versionError;
        }
        method = HttpGrammar.string(b, 0, sp1);
        int q = indexOf(b, sp1 + 1, sp2, (byte) '?');
        path = HttpGrammar.string(b, sp1 + 1, q < 0 ? sp2 : q);
        query = q < 0 ? null : HttpGrammar.string(b, q + 1, sp2);
        return null;
    }

    private ProtocolError version(byte[] b, int from, int to) {
        boolean shaped = to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T'
                && b[from + 3] == 'P' && b[from + 4] == '/' && isDigit(b[from + 5]) && b[from + 6] == '.'
                && isDigit(b[from + 7]);
        if (!shaped) {
            return ProtocolError.badRequest("invalid HTTP version");
        }
        if (b[from + 5] != '1' || (b[from + 7] != '0' && b[from + 7] != '1')) {
            return ProtocolError.versionNotSupported(HttpGrammar.string(b, from, to));
        }
        http11 = b[from + 7] == '1';
        return null;
    }

    /** Adds the header field in {@code b[0, n)}; null when valid. */
    ProtocolError field(byte[] b, int n) {
        int colon = colonOfValidField(b, n);
        if (colon < 0) {
            return fieldError(b, n);
        }
        int from = colon + 1;
        int to = n;
        while (from < to && isWhitespace(b[from])) {
            from++;
        }
        while (to > from && isWhitespace(b[to - 1])) {
            to--;
        }
        String name = HttpGrammar.string(b, 0, colon);
        String value = HttpGrammar.string(b, from, to);
        if (2 * count + 2 > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[2 * count] = name;
        fields[2 * count + 1] = value;
        count++;
        return interpret(name, b, from, to);
    }

    /** Checks a trailer field in {@code b[0, n)} by the header rules (it is then discarded); null when valid. */
    static ProtocolError checkTrailer(byte[] b, int n) {
        return colonOfValidField(b, n) < 0 ? fieldError(b, n) : null;
    }

    /** The index of the colon of a valid {@code name ":" OWS value OWS} line, or -1. */
    private static int colonOfValidField(byte[] b, int n) {
        int colon = indexOf(b, 0, n, (byte) ':');
        if (colon < 0 || !HttpGrammar.isToken(b, 0, colon) || !HttpGrammar.isFieldContent(b, colon + 1, n)) {
            return -1;
        }
        return colon;
    }

    private static ProtocolError fieldError(byte[] b, int n) {
        int colon = indexOf(b, 0, n, (byte) ':');
        if (n > 0 && isWhitespace(b[0])) {
            return ProtocolError.badRequest("obsolete line folding (a header line starting with whitespace)");
        }
        if (colon < 0) {
            return ProtocolError.badRequest("a header line without ':'");
        }
        if (colon > 0 && isWhitespace(b[colon - 1])) {
            return ProtocolError.badRequest("whitespace between a header name and ':'");
        }
        if (!HttpGrammar.isToken(b, 0, colon)) {
            return ProtocolError.badRequest("invalid header name");
        }
        return ProtocolError.badRequest("control character in a header value");
    }

    private ProtocolError interpret(String name, byte[] b, int from, int to) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return contentLength(b, from, to);
        }
        if (name.equalsIgnoreCase("Host")) {
            hostCount++;
            host = fields[2 * count - 1];
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            transferEncoding(b, from, to);
        } else if (name.equalsIgnoreCase("Connection")) {
            connection(b, from, to);
        } else if (name.equalsIgnoreCase("Expect")) {
            if (equalsIgnoreCase(b, from, to, "100-continue")) {
                expectContinue = true;
            } else {
                expectOther = true;
            }
        }
        return null;
    }

    /** One or more identical decimal values ("5" or "5, 5"), also across repeated fields (RFC 9110 8.6). */
    private ProtocolError contentLength(byte[] b, int from, int to) {
        int i = from;
        do {
            int start = skipWhitespace(b, i, to);
            int end = start;
            long value = 0;
            while (end < to && isDigit(b[end])) {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    return ProtocolError.badRequest("Content-Length overflows");
                }
                value = value * 10 + (b[end] - '0');
                end++;
            }
            i = skipWhitespace(b, end, to);
            if (end == start || (i < to && b[i] != ',')) {
                return ProtocolError.badRequest("invalid Content-Length");
            }
            if (contentLength >= 0 && contentLength != value) {
                return ProtocolError.badRequest("conflicting Content-Length values");
            }
            contentLength = value;
            i++; // past the ','
        } while (i < to);
        if (i == to) {
            return ProtocolError.badRequest("invalid Content-Length"); // a trailing ','
        }
        return null;
    }

    /** Records the codings of a Transfer-Encoding list; empty list elements are ignored (RFC 9110 5.6.1). */
    private void transferEncoding(byte[] b, int from, int to) {
        transferEncoding = true;
        int i = from;
        while (i < to) {
            int comma = indexOf(b, i, to, (byte) ',');
            int end = comma < 0 ? to : comma;
            int start = skipWhitespace(b, i, end);
            int stop = end;
            while (stop > start && isWhitespace(b[stop - 1])) {
                stop--;
            }
            if (stop > start) {
                chunkedLast = equalsIgnoreCase(b, start, stop, "chunked");
                if (chunkedLast) {
                    chunkedCount++;
                } else if (unsupportedCoding == null) {
                    unsupportedCoding = HttpGrammar.string(b, start, stop);
                }
            }
            i = end + 1;
        }
    }

    private void connection(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int comma = indexOf(b, i, to, (byte) ',');
            int end = comma < 0 ? to : comma;
            int start = skipWhitespace(b, i, end);
            int stop = end;
            while (stop > start && isWhitespace(b[stop - 1])) {
                stop--;
            }
            connectionClose |= equalsIgnoreCase(b, start, stop, "close");
            connectionKeepAlive |= equalsIgnoreCase(b, start, stop, "keep-alive");
            i = end + 1;
        }
    }

    /**
     * The rules that need the whole head: null when the body can be read, else the answer. Checked in
     * the codec style's order: Host (400, RFC 9112 3.2), framing (400/501, RFC 9112 6), then size (413),
     * then Expect (417).
     */
    ProtocolError headError(int maxBodySize) {
        ProtocolError hostError = HostRule.check(http11, hostCount, host);
        if (hostError != null) {
            return hostError;
        }
        if (transferEncoding) {
            if (!http11) {
                return ProtocolError.badRequest("Transfer-Encoding in an HTTP/1.0 request");
            }
            if (contentLength >= 0) {
                return ProtocolError.badRequest("both Content-Length and Transfer-Encoding");
            }
            if (unsupportedCoding != null) {
                return ProtocolError.notImplemented(unsupportedCoding);
            }
            if (chunkedCount != 1 || !chunkedLast) {
                return ProtocolError.badRequest(chunkedCount == 0 ? "empty Transfer-Encoding"
                        : "chunked applied more than once");
            }
        }
        if (contentLength > maxBodySize) {
            return ProtocolError.bodyTooLarge(contentLength, maxBodySize);
        }
        if (expectOther && http11) { // RFC 9110 10.1.1: an HTTP/1.0 server ignores Expect
            return ProtocolError.expectationFailed();
        }
        return null;
    }

    boolean chunked() {
        return transferEncoding;
    }

    /** The Content-Length, or -1 when none was sent. */
    long contentLength() {
        return contentLength;
    }

    boolean expectsContinue() {
        return expectContinue && http11;
    }

    boolean keepAlive() {
        return !connectionClose && (http11 || connectionKeepAlive);
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String query() {
        return query;
    }

    /** A snapshot of the fields for the finished request (the head itself is reused). */
    RawRequestHeaders headers() {
        return count == 0 ? RawRequestHeaders.EMPTY
                : new RawRequestHeaders(Arrays.copyOf(fields, 2 * count), count);
    }

    void reset() {
        method = null;
        path = null;
        query = null;
        http11 = false;
        Arrays.fill(fields, 0, 2 * count, null);
        count = 0;
        contentLength = -1;
        transferEncoding = false;
        chunkedCount = 0;
        chunkedLast = false;
        unsupportedCoding = null;
        connectionClose = false;
        connectionKeepAlive = false;
        expectContinue = false;
        expectOther = false;
        hostCount = 0;
        host = null;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int skipWhitespace(byte[] b, int from, int to) {
        while (from < to && isWhitespace(b[from])) {
            from++;
        }
        return from;
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Case-insensitive comparison of {@code b[from, to)} with a lower-case ASCII word. */
    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String lowerWord) {
        if (to - from != lowerWord.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerWord.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }
}

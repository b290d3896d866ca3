package io.sluice.gateway.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The character classes of RFC 9110/9112 that the raw parser checks, over byte arrays, plus decoding of
 * the head's bytes to strings (ISO-8859-1, reusing constants for common methods and header names so the
 * hot path does not allocate them). Stateless; thread-safe.
 */
public final class HttpGrammar {
    private static final boolean[] TCHAR = new boolean[256];
    private static final String[] KNOWN = {
        "GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "PATCH",
        "Host", "host", "Content-Type", "content-type", "Content-Length", "content-length",
        "User-Agent", "user-agent", "Accept", "accept", "Connection", "connection",
        "Transfer-Encoding", "transfer-encoding", "Expect", "expect", "Authorization", "authorization",
        "Accept-Encoding", "accept-encoding", "Content-Encoding", "content-encoding",
        "chunked", "close", "keep-alive", "100-continue", "*/*", "application/json", "0"
    };
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private HttpGrammar() {
    }

    /** Whether {@code c} may appear in a token (RFC 9110 5.6.2). */
    public static boolean isTchar(byte c) {
        return TCHAR[c & 0xFF];
    }

    /** Whether {@code b[from, to)} is a non-empty token (method, header name, transfer coding). */
    public static boolean isToken(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!TCHAR[b[i] & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[from, to)} holds only field-value characters: visible, SP, HTAB or obs-text. */
    public static boolean isFieldContent(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[from, to)} is a plausible request-target: visible US-ASCII only, no SP or CTL. */
    public static boolean isTargetChars(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code b[from, to)} has the shape of one of the four request-target forms (RFC 9112 3.2):
     * origin-form ({@code /path?query}), asterisk-form ({@code *}), or absolute-form / authority-form
     * ({@code scheme:...}, {@code host:port}: letters first, then a ':'). So the path is never empty.
     */
    public static boolean isTargetForm(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        if (b[from] == '/' || (to - from == 1 && b[from] == '*')) {
            return true;
        }
        int i = from;
        while (i < to && TCHAR[b[i] & 0xFF] && b[i] != '/' && b[i] != '?') {
            i++; // a scheme or host name: token characters up to the ':'
        }
        return i > from && i < to && b[i] == ':' && isLetter(b[from]);
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** The value of a hex digit, or -1. */
    public static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Decodes {@code b[from, to)} as ISO-8859-1, returning a shared constant for common words. */
    public static String string(byte[] b, int from, int to) {
        int n = to - from;
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            byte[] known = KNOWN_BYTES[i];
            if (known.length == n && Arrays.equals(b, from, to, known, 0, n)) {
                return KNOWN[i];
            }
        }
        return new String(b, from, n, StandardCharsets.ISO_8859_1);
    }
}

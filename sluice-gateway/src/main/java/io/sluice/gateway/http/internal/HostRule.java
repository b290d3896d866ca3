package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.ProtocolError;
/**
 * RFC 9112 section 3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host field, and to
 * any request with more than one Host field or with a Host value that is not a valid authority
 * ({@code uri-host [ ":" port ]}, RFC 3986 3.2.2, with no userinfo). Both HTTP styles ask this one rule.
 * Stateless and thread-safe; allocation-free for a valid Host.
 *
 * <p>Why it matters for a gateway: a proxy in front of Sluice and Sluice itself must agree on which
 * request is which; a request with two Hosts is read one way by one hop and another way by the next.
 */
public final class HostRule {

    private HostRule() {
    }

    /**
     * @param http11 whether the request is HTTP/1.1 (HTTP/1.0 may omit Host)
     * @param count  how many Host field lines the request had
     * @param value  the (last) Host field value, or null when there was none
     * @return the error to answer, or null when the request's Host is acceptable
     */
    public static ProtocolError check(boolean http11, int count, CharSequence value) {
        if (count > 1) {
            return ProtocolError.badRequest("more than one Host field");
        }
        if (count == 0) {
            return http11 ? ProtocolError.badRequest("an HTTP/1.1 request without a Host field") : null;
        }
        return isValidAuthority(value) ? null : ProtocolError.badRequest("the Host field is not a valid authority");
    }

    /** {@code uri-host [ ":" port ]}; the empty value is valid (a target URI without authority). */
    static boolean isValidAuthority(CharSequence v) {
        int n = v.length();
        int i = 0;
        if (n > 0 && v.charAt(0) == '[') {
            int close = indexOf(v, ']');
            if (close < 0 || !isIpLiteral(v, 1, close)) {
                return false;
            }
            i = close + 1;
        } else {
            while (i < n && v.charAt(i) != ':') {
                char c = v.charAt(i);
                if (c == '%') {
                    if (i + 2 >= n || !isHex(v.charAt(i + 1)) || !isHex(v.charAt(i + 2))) {
                        return false;
                    }
                    i += 3;
                    continue;
                }
                if (!isRegNameChar(c)) {
                    return false;
                }
                i++;
            }
        }
        if (i == n) {
            return true;
        }
        if (v.charAt(i) != ':') {
            return false;
        }
        for (int p = i + 1; p < n; p++) {
            char c = v.charAt(p);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** IPv6address (hex digits, ':' and '.' for an embedded IPv4 part); IPvFuture is not accepted. */
    private static boolean isIpLiteral(CharSequence v, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!isHex(c) && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** unreserved / sub-delims (RFC 3986 2.3, 2.2). */
    private static boolean isRegNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~'
                || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+'
                || c == ',' || c == ';' || c == '=';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int indexOf(CharSequence v, char c) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}

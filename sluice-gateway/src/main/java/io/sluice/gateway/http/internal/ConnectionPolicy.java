package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.JsonBodies;
/**
 * What a request's head decides about its answer and its connection, the same for both HTTP styles and
 * every runtime. Decided once, when the request is dispatched (not when its outcome arrives), so that
 * whether the connection goes on is known before the next pipelined request is looked at: after a
 * request that closes the connection nothing more is processed on it (RFC 9112 9.6), and a request that
 * was never processed is never published. Stateless and thread-safe; no allocation per request.
 *
 * <ul>
 *   <li>HTTP/1.1 keeps the connection open unless the request says {@code Connection: close}; HTTP/1.0
 *       closes it unless the request says {@code Connection: keep-alive}, and is then told it was granted.</li>
 *   <li>While the gateway drains, every answer closes its connection.</li>
 *   <li>An answer to HEAD is the answer to GET without its body (RFC 9110 9.3.2).</li>
 * </ul>
 */
public final class ConnectionPolicy {
    /** The decision that leaves an answer as it is. */
    public static final int AS_IS = 0;
    private static final int CLOSE = 1;
    private static final int ECHO_KEEP_ALIVE = 2;
    private static final int HEAD = 4;

    private ConnectionPolicy() {
    }

    /** The decision for one request, as flags for {@link #apply} and {@link #closes}. */
    public static int decide(GatewayRequest request, boolean draining) {
        int flags = 0;
        if (!request.keepAlive() || draining) {
            flags |= CLOSE;
        } else if (asksForKeepAlive(request.headers().get("Connection"))) {
            flags |= ECHO_KEEP_ALIVE;
        }
        if (request.method().equals("HEAD")) {
            flags |= HEAD;
        }
        return flags;
    }

    /** True if the connection closes after this request's answer: read nothing more from it. */
    public static boolean closes(int flags) {
        return (flags & CLOSE) != 0;
    }

    /** The answer as it is written: closing, granting keep-alive, without a body, as decided. */
    public static GatewayResponse apply(GatewayResponse r, int flags) {
        if ((flags & CLOSE) != 0) {
            r = r.closing();
        } else if ((flags & ECHO_KEEP_ALIVE) != 0 && !r.close()) {
            r = r.withHeader("Connection", "keep-alive");
        }
        return (flags & HEAD) != 0 ? r.withoutBody() : r;
    }

    /** True if a Connection header value lists the keep-alive token; allocation-free (it runs per request). */
    static boolean asksForKeepAlive(String connection) {
        if (connection == null) {
            return false;
        }
        int from = 0;
        while (from <= connection.length()) {
            int comma = connection.indexOf(',', from);
            int end = comma < 0 ? connection.length() : comma;
            int start = from;
            while (start < end && connection.charAt(start) <= ' ') {
                start++;
            }
            int stop = end;
            while (stop > start && connection.charAt(stop - 1) <= ' ') {
                stop--;
            }
            if (stop - start == 10 && connection.regionMatches(true, start, "keep-alive", 0, 10)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /**
     * The answer when a request's outcome failed with an unexpected error. The connection goes on as its
     * request decided: later pipelined requests may already be published, and their answers are owed.
     */
    public static GatewayResponse internalError() {
        return GatewayResponse.json(500, JsonBodies.error("internal_error",
                "the gateway failed to answer this request; it may or may not have been published"), "produce");
    }
}

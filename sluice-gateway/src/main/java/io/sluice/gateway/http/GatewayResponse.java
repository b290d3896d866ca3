package io.sluice.gateway.http;

import java.util.List;
import java.util.Map;

/**
 * A response to write, independent of the HTTP stack that writes it. Immutable.
 *
 * @param status      status code
 * @param contentType Content-Type of the body
 * @param body        body bytes
 * @param headers     extra header fields (e.g. Allow, Retry-After)
 * @param route       the route label for metrics (produce, healthz, readyz, metrics, unknown, protocol)
 * @param close       true if the connection must close after this response
 * @param bodyOmitted true for an answer to HEAD: the header section is what GET would get (its
 *                    Content-Length included), and no body follows it (RFC 9110 9.3.2)
 * @param stream      null for a whole answer; otherwise the body is not {@code body} but is written in chunks
 *                    ({@code Transfer-Encoding: chunked}) by the stream once the head is out (REST Proxy v3's
 *                    streaming produce)
 */
public record GatewayResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers,
                              String route, boolean close, boolean bodyOmitted, ResponseStream stream) {

    public static final String JSON = "application/json";

    public GatewayResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers,
                           String route, boolean close, boolean bodyOmitted) {
        this(status, contentType, body, headers, route, close, bodyOmitted, null);
    }

    public GatewayResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers,
                           String route, boolean close) {
        this(status, contentType, body, headers, route, close, false, null);
    }

    public static GatewayResponse json(int status, byte[] body, String route) {
        return new GatewayResponse(status, JSON, body, List.of(), route, false, false, null);
    }

    /** A 200 whose body the stream writes chunk by chunk; the connection closes when the stream ends. */
    public static GatewayResponse streaming(String contentType, String route, ResponseStream stream) {
        return new GatewayResponse(200, contentType, new byte[0], List.of(), route, true, false, stream);
    }

    public GatewayResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new java.util.ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new GatewayResponse(status, contentType, body, List.copyOf(h), route, close, bodyOmitted, stream);
    }

    public GatewayResponse closing() {
        return close ? this : new GatewayResponse(status, contentType, body, headers, route, true, bodyOmitted, stream);
    }

    /** The same answer for a HEAD request: headers only. */
    public GatewayResponse withoutBody() {
        return bodyOmitted ? this : new GatewayResponse(status, contentType, body, headers, route, close, true, stream);
    }
}

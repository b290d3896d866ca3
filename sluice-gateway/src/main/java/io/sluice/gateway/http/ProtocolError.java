package io.sluice.gateway.http;

/**
 * The catalogue of protocol errors: why a connection's input is refused, and what to answer before
 * closing it. Both HTTP styles and every runtime answer from here, so they agree on every status and
 * error code ({@code 400 bad_request}, {@code 408 request_timeout}, {@code 413 body_too_large},
 * {@code 414 uri_too_long}, {@code 417 expectation_failed}, {@code 431 headers_too_large},
 * {@code 501 not_implemented}, {@code 505 http_version_not_supported}). Immutable.
 *
 * @param status  the HTTP status to answer
 * @param code    the machine-readable error code for the JSON error body
 * @param message a human-readable explanation of what was wrong
 */
public record ProtocolError(int status, String code, String message) {

    public static ProtocolError badRequest(String message) {
        return new ProtocolError(400, "bad_request", "malformed HTTP request: " + message);
    }

    public static ProtocolError bodyTooLarge(long length, int maxBodySize) {
        String size = length < 0 ? "the body" : "the body (" + length + " bytes)";
        return new ProtocolError(413, "body_too_large",
                size + " exceeds --max-body-size (" + maxBodySize + " bytes)");
    }

    public static ProtocolError uriTooLong() {
        return new ProtocolError(414, "uri_too_long", "the request line is longer than the header limit");
    }

    public static ProtocolError headersTooLarge(String what) {
        return new ProtocolError(431, "headers_too_large", what + " exceed --max-header-size");
    }

    public static ProtocolError expectationFailed() {
        return new ProtocolError(417, "expectation_failed", "only 'Expect: 100-continue' is supported");
    }

    public static ProtocolError notImplemented(String coding) {
        return new ProtocolError(501, "not_implemented",
                "transfer coding '" + coding + "' is not supported (only 'chunked')");
    }

    public static ProtocolError versionNotSupported(String version) {
        return new ProtocolError(505, "http_version_not_supported",
                "HTTP version '" + version + "' is not supported (HTTP/1.0 and HTTP/1.1 are)");
    }

    /** The request head did not arrive within {@code --header-read-timeout}. */
    public static ProtocolError headTimeout() {
        return new ProtocolError(408, "request_timeout",
                "the request head did not arrive in time (--header-read-timeout)");
    }

    /** The request body did not arrive within {@code --body-read-timeout}, or stalled for the idle timeout. */
    public static ProtocolError bodyTimeout() {
        return new ProtocolError(408, "request_timeout",
                "the request body did not arrive in time (--body-read-timeout)");
    }

    /** The answer to write: a JSON error body, and the connection closes after it. */
    public GatewayResponse response() {
        return GatewayResponse.json(status, JsonBodies.error(code, message), "protocol").closing();
    }
}

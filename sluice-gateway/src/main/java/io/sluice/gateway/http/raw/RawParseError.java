package io.sluice.gateway.http.raw;

/**
 * Why the {@link RawRequestParser} gave up on a connection, and what to answer before closing it: the
 * same statuses and error codes as the codec style ({@code 400 bad_request}, {@code 413 body_too_large},
 * {@code 414 uri_too_long}, {@code 431 headers_too_large}, {@code 417 expectation_failed},
 * {@code 501 not_implemented}, plus {@code 505 http_version_not_supported}). Immutable.
 *
 * @param status  the HTTP status to answer
 * @param code    the machine-readable error code for the JSON error body
 * @param message a human-readable explanation of what was wrong
 */
public record RawParseError(int status, String code, String message) {

    static RawParseError badRequest(String message) {
        return new RawParseError(400, "bad_request", "malformed HTTP request: " + message);
    }

    static RawParseError bodyTooLarge(long length, int maxBodySize) {
        String size = length < 0 ? "the body" : "the body (" + length + " bytes)";
        return new RawParseError(413, "body_too_large",
                size + " exceeds --max-body-size (" + maxBodySize + " bytes)");
    }

    static RawParseError uriTooLong() {
        return new RawParseError(414, "uri_too_long", "the request line is longer than the header limit");
    }

    static RawParseError headersTooLarge(String what) {
        return new RawParseError(431, "headers_too_large", what + " exceed --max-header-size");
    }

    static RawParseError expectationFailed() {
        return new RawParseError(417, "expectation_failed", "only 'Expect: 100-continue' is supported");
    }

    static RawParseError notImplemented(String coding) {
        return new RawParseError(501, "not_implemented",
                "transfer coding '" + coding + "' is not supported (only 'chunked')");
    }

    static RawParseError versionNotSupported(String version) {
        return new RawParseError(505, "http_version_not_supported",
                "HTTP version '" + version + "' is not supported (HTTP/1.0 and HTTP/1.1 are)");
    }
}

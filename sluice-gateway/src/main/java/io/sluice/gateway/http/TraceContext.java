package io.sluice.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the {@code traceparent} and
 * {@code tracestate} request headers, copied into every record of the request as record headers of the
 * same names (what OpenTelemetry's Kafka instrumentation reads), unless {@code --trace-headers off}.
 * Stateless and thread-safe; called on the connection's thread. A request without {@code traceparent}
 * costs one header lookup.
 *
 * <p>A malformed {@code traceparent} is dropped, not an error, and its {@code tracestate} with it (the
 * spec: a vendor that cannot parse traceparent must not use tracestate). Valid is: version 2 lowercase
 * hex digits, not {@code ff}; version {@code 00} is exactly {@code 00-<32 hex>-<16 hex>-<2 hex>}, lowercase,
 * trace-id and parent-id not all zeros; a later version has at least those 55 characters, and a
 * {@code -} after them when it has more (its further fields are kept as sent).
 */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The spec's bound on what a vendor must propagate; a longer tracestate is dropped, not cut. */
    static final int MAX_TRACESTATE = 512;

    private TraceContext() {
    }

    /** The record headers to add for a request: none, traceparent, or traceparent and tracestate. */
    public static List<Map.Entry<String, byte[]>> recordHeaders(RequestHeaders headers) {
        String parent = headers.get(TRACEPARENT);
        if (parent == null || !isValidTraceparent(parent)) {
            return List.of();
        }
        Map.Entry<String, byte[]> p = Map.entry(TRACEPARENT, parent.getBytes(StandardCharsets.US_ASCII));
        String state = tracestate(headers);
        if (state == null) {
            return List.of(p);
        }
        return List.of(p, Map.entry(TRACESTATE, state.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every tracestate field joined with commas (RFC 9110 5.3), or null when none, empty or too long. */
    private static String tracestate(RequestHeaders headers) {
        StringBuilder joined = new StringBuilder();
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase(TRACESTATE) && !value.isBlank()) {
                if (!joined.isEmpty()) {
                    joined.append(',');
                }
                joined.append(value.strip());
            }
        });
        if (joined.isEmpty() || joined.length() > MAX_TRACESTATE) {
            return null;
        }
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        return joined.toString();
    }

    /** The W3C rules for a traceparent value, version 00 and later versions; allocation-free. */
    public static boolean isValidTraceparent(String v) {
        if (v.length() < 55 || !isHex(v, 0, 2) || v.startsWith("ff")) {
            return false;
        }
        boolean v00 = v.startsWith("00");
        if (v00 ? v.length() != 55 : v.length() > 55 && v.charAt(55) != '-') {
            return false;
        }
        return v.charAt(2) == '-' && v.charAt(35) == '-' && v.charAt(52) == '-'
                && isHex(v, 3, 35) && !isZeros(v, 3, 35)
                && isHex(v, 36, 52) && !isZeros(v, 36, 52)
                && isHex(v, 53, 55);
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}

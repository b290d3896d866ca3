package io.sluice.gateway.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol) for browsers, from
 * {@code --cors-origins}: which origins may call the gateway from a page, the preflight answer for them,
 * and the {@code Access-Control-*} headers on every other answer to them, errors included. Immutable and
 * thread-safe; called on the connection's thread. {@link #OFF} adds nothing.
 *
 * <p>What is allowed: the methods the gateway serves (POST, GET, HEAD), and of the request headers a
 * preflight asks for, only those the gateway reads: {@code Content-Type}, {@code Content-Encoding},
 * {@code Authorization}, {@code X-API-Key}, {@code Kafka-Key}, {@code Kafka-Partition},
 * {@code Kafka-Header-*}, {@code traceparent}, {@code tracestate}; asking for any other makes the browser
 * refuse. Credentials mode (cookies) is not allowed: no {@code Access-Control-Allow-Credentials}, so a
 * page sends its API key or token as a header. An origin not on the list gets no CORS header, and the
 * browser refuses to send (preflighted requests) or to show the answer (simple requests).
 */
public final class Cors {
    /** CORS off: no headers, and a preflight is an ordinary OPTIONS. */
    public static final Cors OFF = new Cors(List.of());

    static final String ALLOW_METHODS = "POST, GET, HEAD";
    static final String EXPOSE_HEADERS = "Retry-After, WWW-Authenticate, Allow, Accept-Encoding";
    /** Seconds a browser may cache a preflight (Chromium caps it at 7200). */
    static final String MAX_AGE = "600";
    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "content-encoding", "authorization",
            "x-api-key", "kafka-key", "kafka-partition", "traceparent", "tracestate");
    private static final String HEADER_PREFIX = "kafka-header-";
    private static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final boolean any;
    private final Set<String> origins;

    private Cors(List<String> origins) {
        this.any = origins.contains("*");
        Set<String> normalized = new TreeSet<>();
        for (String o : origins) {
            normalized.add(normalize(o));
        }
        this.origins = Set.copyOf(normalized);
    }

    /**
     * @param origins allowed origins ({@code scheme://host[:port]}, as browsers send them), or {@code *}
     *                for any; empty for CORS off
     */
    public static Cors of(List<String> origins) {
        List<String> list = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String o : list) {
            if (!o.equals("*") && !o.contains("://")) {
                throw new IllegalArgumentException("--cors-origins: '" + o + "' is not an origin; write it as "
                        + "scheme://host[:port], e.g. https://app.example.com, or * for any");
            }
        }
        return list.isEmpty() ? OFF : new Cors(list);
    }

    public boolean enabled() {
        return any || !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && (any || origins.contains(normalize(origin)));
    }

    /**
     * The answer with the CORS headers its request should get: for a preflight ({@code OPTIONS} with
     * {@code Access-Control-Request-Method}) the allowed methods and headers, for any other request the
     * allowed origin and the exposed headers; nothing when CORS is off or the origin is not allowed.
     */
    public GatewayResponse decorate(GatewayResponse answer, String method, RequestHeaders headers) {
        if (!enabled()) {
            return answer;
        }
        String origin = headers.get("Origin");
        boolean preflight = method.equals("OPTIONS") && headers.get("Access-Control-Request-Method") != null;
        List<Map.Entry<String, String>> h = new ArrayList<>(answer.headers());
        if (!any) { // the answer depends on them, also when it is refused
            h.add(Map.entry("Vary", preflight ? PREFLIGHT_VARY : "Origin"));
        }
        if (!allows(origin)) {
            return any ? answer : with(answer, h);
        }
        h.add(Map.entry("Access-Control-Allow-Origin", any ? "*" : origin));
        if (preflight) {
            h.add(Map.entry("Access-Control-Allow-Methods", ALLOW_METHODS));
            String allowed = allowedHeaders(headers.get("Access-Control-Request-Headers"));
            if (!allowed.isEmpty()) {
                h.add(Map.entry("Access-Control-Allow-Headers", allowed));
            }
            h.add(Map.entry("Access-Control-Max-Age", MAX_AGE));
        } else {
            h.add(Map.entry("Access-Control-Expose-Headers", EXPOSE_HEADERS));
        }
        return with(answer, h);
    }

    /** Of the headers a preflight asks for, those the gateway reads, as asked (lower case, per Fetch). */
    static String allowedHeaders(String requested) {
        if (requested == null) {
            return "";
        }
        StringJoiner out = new StringJoiner(", ");
        for (String name : requested.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (ALLOWED_HEADERS.contains(n) || n.length() > HEADER_PREFIX.length() && n.startsWith(HEADER_PREFIX)) {
                out.add(n);
            }
        }
        return out.toString();
    }

    /** Origins compare case-insensitively (scheme and host), without a trailing slash. */
    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private static GatewayResponse with(GatewayResponse r, List<Map.Entry<String, String>> headers) {
        return new GatewayResponse(r.status(), r.contentType(), r.body(), List.copyOf(headers), r.route(), r.close(),
                r.bodyOmitted());
    }
}

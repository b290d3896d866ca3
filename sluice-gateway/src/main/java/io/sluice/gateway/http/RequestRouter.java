package io.sluice.gateway.http;

import io.netty.buffer.ByteBuf;
import io.sluice.gateway.http.formats.RestProxyV3Routes;
import io.sluice.gateway.http.formats.TopicDiscovery;
import io.sluice.gateway.ingest.Availability;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.IngestService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sluice's HTTP API: which path does what. Thread-safe and non-blocking; called on I/O threads by every
 * HTTP style. Takes ownership of the request body and releases it.
 *
 * <pre>
 * POST /topics/{topic}                       publish to topic
 * POST /topics/{topic}/partitions/{p}        publish to one partition
 * POST /anything/else                        publish to the default topic (unless disabled)
 * GET  /healthz  /readyz  /metrics           liveness, readiness, Prometheus metrics (HEAD too)
 * GET  /openapi.json                         this API as an OpenAPI 3.1 document (HEAD too)
 * GET  /topics  /topics/{topic}              discovery: producible topics, one topic's partitions
 * POST /v3/clusters/{id}/topics/{t}/records  REST Proxy v3 (and records:batch, GET /v3/clusters[/{id}])
 * OPTIONS any of these                       200 with Allow; a CORS preflight with --cors-origins
 * </pre>
 * The body's media type picks the produce format ({@link ProduceFormat#forRequest}): Sluice's raw body or
 * NDJSON, or the peers' REST Proxy v2 / Strimzi envelope.
 *
 * <p>Before a request's body is read, {@link #admit} asks the {@link RequestGate} whether it may go on
 * (401, 403, 429). The health and metrics paths are not gated: probes and scrapers carry no credentials;
 * nor is {@code /openapi.json}, which describes the API and reveals no data; nor is OPTIONS, which
 * publishes nothing and which a browser's preflight sends without credentials.
 *
 * <p>{@link RouterOptions}: a {@code Content-Encoding} body is decoded before the produce format reads
 * it ({@link ContentDecoder}); every answer, refusals at head time included, gets its CORS headers
 * ({@link Cors}); the W3C trace headers become record headers ({@link TraceContext}).
 */
public final class RequestRouter {
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.US_ASCII);

    private final IngestService ingest;
    private final Availability health;
    private final HttpMetrics metrics;
    private final String defaultTopic;
    private final RequestGate gate;
    private final RecordStamp stamp;
    private final TopicDiscovery discovery;
    private final RestProxyV3Routes v3;
    private final RouterOptions options;

    public RequestRouter(IngestService ingest, Availability health, HttpMetrics metrics, String defaultTopic) {
        this(ingest, health, metrics, defaultTopic, RequestGate.OPEN, null);
    }

    /**
     * @param gate            decides at head time who may send what
     * @param principalHeader the record header that carries the admitted principal's name, or null
     */
    public RequestRouter(IngestService ingest, Availability health, HttpMetrics metrics, String defaultTopic,
                         RequestGate gate, String principalHeader) {
        this(ingest, health, metrics, defaultTopic, gate, principalHeader, RouterOptions.DEFAULTS);
    }

    /** @param options body decoding, CORS and trace headers */
    public RequestRouter(IngestService ingest, Availability health, HttpMetrics metrics, String defaultTopic,
                         RequestGate gate, String principalHeader, RouterOptions options) {
        this.ingest = ingest;
        this.health = health;
        this.metrics = metrics;
        this.defaultTopic = defaultTopic;
        this.gate = gate;
        this.options = options;
        this.stamp = new RecordStamp(principalHeader, options.traceHeaders());
        this.discovery = new TopicDiscovery(ingest.cluster(), ingest,
                (req, topic) -> gate.mayProduce(req.principal(), topic));
        this.v3 = new RestProxyV3Routes(ingest, stamp);
    }

    /** Whether every request is admitted without a look ({@link #admit} would answer anonymous). */
    public boolean gateOpen() {
        return gate.isOpen();
    }

    /**
     * Admits or refuses a request from its head, before its body is read. Called once per request, on the
     * connection's thread, after the protocol checks of the head passed.
     *
     * @param contentLength the body length the head declares, or -1
     */
    public RequestGate.Admission admit(String method, String path, RequestHeaders headers, long contentLength,
                                       ConnectionInfo connection) {
        if (gate.isOpen() || isUngated(path) || method.equals("OPTIONS")) {
            return RequestGate.Admission.ANONYMOUS;
        }
        RequestGate.Admission a = gate.admit(headers, connection, produceTopic(method, path), contentLength);
        if (!options.cors().enabled() || a.admitted()) {
            return a;
        }
        if (a.isPending()) {
            return new RequestGate.Admission(null, null, a.pending().thenApply(d -> withCors(d, method, headers)));
        }
        return withCors(a, method, headers); // a browser shows the page a 401 or 429 only with CORS headers
    }

    private RequestGate.Admission withCors(RequestGate.Admission a, String method, RequestHeaders headers) {
        return a.admitted() ? a
                : new RequestGate.Admission(null, options.cors().decorate(a.refusal(), method, headers), null);
    }

    private static boolean isUngated(String path) {
        return path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics")
                || path.equals("/openapi.json");
    }

    /**
     * The topic a request would produce to, or null when it would not produce (not a produce method, 404,
     * 400): Sluice's and REST Proxy v2's {@code POST /topics/...}, the default topic, REST Proxy v3's
     * records paths. Authorization at head time depends on it, so every produce entry point must be here.
     */
    String produceTopic(String method, String path) {
        if (path.startsWith("/v3/")) {
            return RestProxyV3Routes.produceTopic(method, path);
        }
        if (!method.equals("POST")) {
            return null;
        }
        if (path.startsWith("/topics/")) {
            int start = "/topics/".length();
            int slash = path.indexOf('/', start);
            String topic = slash < 0 ? path.substring(start) : path.substring(start, slash);
            return isValidTopicName(topic) ? topic : null;
        }
        return path.equals("/topics") || defaultTopic.isEmpty() ? null : defaultTopic;
    }

    /**
     * Answers one request. The future completes on {@code executor} (the connection's thread), never on
     * a Kafka thread. It completes exceptionally only through a bug; callers answer that with a 500.
     */
    public CompletableFuture<GatewayResponse> route(GatewayRequest req, Executor executor) {
        CompletableFuture<GatewayResponse> answer;
        try {
            PlantedLeak.retain(req.body()); // does nothing unless a test planted the leak
            if (gate.charges() && req.headers().get("Transfer-Encoding") != null) {
                gate.charge(req.principal(), req.body().readableBytes()); // chunked: known only now
            }
            answer = dispatch(req, executor);
        } catch (RequestRejection r) {
            answer = done(withAcceptEncoding(OutcomeResponses.of(r, "produce"), r));
        } finally {
            req.body().release();
        }
        Cors cors = options.cors();
        return cors.enabled() ? answer.thenApply(r -> cors.decorate(r, req.method(), req.headers())) : answer;
    }

    /**
     * True for a request whose body should be handed over as it arrives rather than whole: REST Proxy v3's
     * streaming produce (a chunked {@code POST …/records}). Called with the head only (empty body).
     */
    public boolean streamsBody(GatewayRequest head) {
        return v3.streamsBody(head);
    }

    /** Opens a request whose body will arrive in pieces ({@link #streamsBody}); see {@link RequestBodyStream}. */
    public RequestBodyStream openStream(GatewayRequest head, Executor executor) {
        return v3.openStream(head, executor);
    }

    private CompletableFuture<GatewayResponse> dispatch(GatewayRequest req, Executor executor)
            throws RequestRejection {
        String path = req.path();
        if (req.method().equals("OPTIONS")) {
            return done(options(path));
        }
        switch (path) {
            case "/healthz":
                return done(getOnly(req, "healthz", () -> GatewayResponse.json(200, HEALTHY, "healthz")));
            case "/readyz":
                return done(getOnly(req, "readyz", this::readiness));
            case "/metrics":
                return done(getOnly(req, "metrics", () -> new GatewayResponse(200, metrics.contentType(),
                        metrics.scrape(), List.of(), "metrics", false)));
            case "/openapi.json":
                return done(getOnly(req, "openapi", OpenApiDocument::response));
            default:
                break;
        }
        if (path.startsWith("/topics/") || path.equals("/topics")) {
            return topicPath(req, path, executor);
        }
        if (path.startsWith("/v3/")) {
            return v3.route(req, executor);
        }
        if (defaultTopic.isEmpty()) {
            return done(notFound(path));
        }
        if (!req.method().equals("POST")) {
            return done(methodNotAllowed("POST", "produce"));
        }
        return produce(defaultTopic, req, null, executor);
    }

    /** {@code /topics/{t}} or {@code /topics/{t}/partitions/{p}}; parsed by hand (no split, no regex per request). */
    private CompletableFuture<GatewayResponse> topicPath(GatewayRequest req, String path, Executor executor)
            throws RequestRejection {
        int start = "/topics/".length();
        int slash = path.indexOf('/', start);
        String topic = slash < 0 ? path.substring(Math.min(start, path.length())) : path.substring(start, slash);
        Integer partition = null;
        if (slash >= 0) {
            String rest = path.substring(slash);
            if (!rest.startsWith("/partitions/") || rest.length() == "/partitions/".length()
                    || rest.indexOf('/', "/partitions/".length()) >= 0) {
                return done(notFound(path));
            }
            partition = ProduceRequestReader.parsePartition(rest.substring("/partitions/".length()));
        }
        if (topic.isEmpty()) {
            return path.equals("/topics") && isGet(req) ? discovery.list(req, executor) : done(notFound(path));
        }
        if (partition == null && isGet(req)) {
            return discovery.describe(topic, req, executor);
        }
        if (!req.method().equals("POST")) {
            return done(methodNotAllowed(partition == null ? "GET, HEAD, POST" : "POST", "produce"));
        }
        if (!isValidTopicName(topic)) { // answered in the request's format (the peers' error shape for theirs)
            return done(ProduceFormat.forRequest(req).reject(new RequestRejection(400, "bad_request", "'" + topic
                    + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249; "
                    + "not '.' or '..')")));
        }
        return produce(topic, req, partition, executor);
    }

    /** Kafka's rule: [a-zA-Z0-9._-]{1,249}, except "." and "..". */
    static boolean isValidTopicName(String topic) {
        if (topic.isEmpty() || topic.length() > 249 || topic.equals(".") || topic.equals("..")) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<GatewayResponse> produce(String topic, GatewayRequest req, Integer partition,
                                                      Executor executor) throws RequestRejection {
        ProduceFormat format = ProduceFormat.forRequest(req);
        List<IngestRecord> records;
        try {
            records = decodeRecords(format, req, partition);
        } catch (RequestRejection r) {
            return done(withAcceptEncoding(format.reject(r), r));
        }
        records = stamp.apply(records, req);
        CompletableFuture<IngestResult> outcome = ingest.ingest(topic, records, format.mode(ingest.mode()));
        if (outcome.isDone()) {
            // Already known (async mode, or refused): answer on this thread, no hop through a task queue.
            return done(format.encode(outcome.join()));
        }
        return outcome.thenApplyAsync(format::encode, executor);
    }

    /** A 415 for an unknown Content-Encoding says which codings are accepted (RFC 9110 12.5.3). */
    private static GatewayResponse withAcceptEncoding(GatewayResponse refusal, RequestRejection r) {
        return r.code().equals(ContentDecoder.UNSUPPORTED)
                ? refusal.withHeader("Accept-Encoding", ContentDecoder.ACCEPTED) : refusal;
    }

    private static boolean isGet(GatewayRequest req) {
        return req.method().equals("GET") || req.method().equals("HEAD");
    }

    /** The body's records, read from its decoded bytes when it came with a Content-Encoding. */
    private List<IngestRecord> decodeRecords(ProduceFormat format, GatewayRequest req, Integer partition)
            throws RequestRejection {
        String coding = req.headers().get("Content-Encoding");
        ByteBuf decoded = coding == null ? null : options.bodies().decode(coding, req.body());
        if (decoded == null) {
            return format.decode(req, partition);
        }
        try {
            return format.decode(req.withBody(decoded), partition);
        } finally {
            decoded.release();
        }
    }

    /**
     * OPTIONS (RFC 9110 9.3.7): 200 with the path's methods in {@code Allow}, 404 for a path that does not
     * exist; {@code *} names the server. A CORS preflight gets its headers from {@link Cors} on top.
     */
    private GatewayResponse options(String path) {
        String allow = allowedMethods(path);
        if (allow == null) {
            return notFound(path);
        }
        return new GatewayResponse(200, "text/plain", new byte[0], List.of(Map.entry("Allow", allow)), "options",
                false); // 200 with Content-Length: 0 rather than 204, which every encoder would have to special-case
    }

    /** The methods {@code path} serves, with OPTIONS; null for a path that does not exist. */
    private String allowedMethods(String path) {
        if (path.equals("*")) {
            return "GET, HEAD, POST, PUT, OPTIONS";
        }
        if (isUngated(path) || path.equals("/topics") || path.equals("/v3/clusters")) {
            return "GET, HEAD, OPTIONS";
        }
        if (path.startsWith("/v3/clusters/")) {
            String rest = path.substring("/v3/clusters/".length());
            if (rest.indexOf('/') < 0) {
                return "GET, HEAD, OPTIONS";
            }
            return path.endsWith("/records") ? "POST, PUT, OPTIONS"
                    : path.endsWith("/records:batch") ? "POST, OPTIONS" : null;
        }
        if (path.startsWith("/topics/") && path.length() > "/topics/".length()) {
            return path.indexOf('/', "/topics/".length()) < 0 ? "GET, HEAD, POST, OPTIONS" : "POST, OPTIONS";
        }
        return defaultTopic.isEmpty() || path.startsWith("/v3/") ? null : "POST, OPTIONS";
    }

    private GatewayResponse readiness() {
        if (ingest.isDraining()) {
            return notReady("the gateway is shutting down");
        }
        if (!health.isAvailable()) {
            return notReady("Kafka is unavailable: " + health.problem());
        }
        return GatewayResponse.json(200, READY, "readyz");
    }

    private static GatewayResponse notReady(String why) {
        return GatewayResponse.json(503, JsonBodies.error("not_ready", why), "readyz")
                .withHeader("Retry-After", OutcomeResponses.RETRY_AFTER_SECONDS);
    }

    /** GET, and HEAD as GET without the body (RFC 9110 9.3.2: wherever GET is served); the encoder drops it. */
    private static GatewayResponse getOnly(GatewayRequest req, String route,
                                           java.util.function.Supplier<GatewayResponse> answer) {
        String m = req.method();
        return m.equals("GET") || m.equals("HEAD") ? answer.get() : methodNotAllowed("GET, HEAD", route);
    }

    private static GatewayResponse methodNotAllowed(String allow, String route) {
        return GatewayResponse.json(405, JsonBodies.error("method_not_allowed", "use " + allow + " on this path"),
                route).withHeader("Allow", allow);
    }

    private static GatewayResponse notFound(String path) {
        return GatewayResponse.json(404, JsonBodies.error("not_found", "no such path: " + path
                + " (produce with POST /topics/{topic})"), "unknown");
    }

    private static CompletableFuture<GatewayResponse> done(GatewayResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}

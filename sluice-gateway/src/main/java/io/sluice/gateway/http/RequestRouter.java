package io.sluice.gateway.http;

import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestService;
import io.sluice.gateway.ingest.Availability;
import io.sluice.gateway.ops.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Sluice's HTTP API: which path does what. Thread-safe and non-blocking; called on I/O threads by every
 * HTTP style. Takes ownership of the request body and releases it.
 *
 * <pre>
 * POST /topics/{topic}                       publish to topic
 * POST /topics/{topic}/partitions/{p}        publish to one partition
 * POST /anything/else                        publish to the default topic (unless disabled)
 * GET  /healthz  /readyz  /metrics           liveness, readiness, Prometheus metrics
 * </pre>
 */
public final class RequestRouter {
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.US_ASCII);

    private final IngestService ingest;
    private final Availability health;
    private final GatewayMetrics metrics;
    private final String defaultTopic;

    public RequestRouter(IngestService ingest, Availability health, GatewayMetrics metrics, String defaultTopic) {
        this.ingest = ingest;
        this.health = health;
        this.metrics = metrics;
        this.defaultTopic = defaultTopic;
    }

    /**
     * Answers one request. The future completes on {@code executor} (the connection's thread), never on
     * a Kafka thread, and never exceptionally.
     */
    public CompletableFuture<GatewayResponse> route(GatewayRequest req, Executor executor) {
        try {
            return dispatch(req, executor);
        } catch (RequestRejection r) {
            return CompletableFuture.completedFuture(OutcomeResponses.of(r, "produce"));
        } finally {
            req.body().release();
        }
    }

    private CompletableFuture<GatewayResponse> dispatch(GatewayRequest req, Executor executor)
            throws RequestRejection {
        String path = req.path();
        switch (path) {
            case "/healthz":
                return done(getOnly(req, "healthz", () -> GatewayResponse.json(200, HEALTHY, "healthz")));
            case "/readyz":
                return done(getOnly(req, "readyz", this::readiness));
            case "/metrics":
                return done(getOnly(req, "metrics", () -> new GatewayResponse(200, metrics.contentType(),
                        metrics.scrape(), List.of(), "metrics", false)));
            default:
                break;
        }
        if (path.startsWith("/topics/") || path.equals("/topics")) {
            String[] parts = path.substring(1).split("/", -1);
            if (parts.length == 2 || (parts.length == 4 && parts[2].equals("partitions"))) {
                if (!req.method().equals("POST")) {
                    return done(methodNotAllowed("POST", "produce"));
                }
                String topic = parts[1];
                if (!TOPIC_NAME.matcher(topic).matches()) {
                    throw new RequestRejection(400, "bad_request", "'" + topic
                            + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
                }
                Integer partition = parts.length == 4 ? ProduceRequestReader.parsePartition(parts[3]) : null;
                return produce(topic, req, partition, executor);
            }
            return done(notFound(path));
        }
        if (defaultTopic.isEmpty()) {
            return done(notFound(path));
        }
        if (!req.method().equals("POST")) {
            return done(methodNotAllowed("POST", "produce"));
        }
        return produce(defaultTopic, req, null, executor);
    }

    private CompletableFuture<GatewayResponse> produce(String topic, GatewayRequest req, Integer partition,
                                                      Executor executor) throws RequestRejection {
        List<IngestRecord> records = ProduceRequestReader.read(req, partition);
        boolean batch = ProduceRequestReader.isNdjson(req.headers().get("Content-Type"));
        return ingest.ingest(topic, records).thenApplyAsync(result -> OutcomeResponses.of(result, batch), executor);
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

    private static GatewayResponse getOnly(GatewayRequest req, String route,
                                           java.util.function.Supplier<GatewayResponse> answer) {
        return req.method().equals("GET") ? answer.get() : methodNotAllowed("GET", route);
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

package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.MediaRanges;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.JsonBodies;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.http.RecordStamp;
import io.sluice.gateway.ingest.IngestService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Thread-safe and non-blocking, called on I/O threads: Confluent REST Proxy v3's produce paths (kafka-rest {@code api/v3/openapi.yaml}), under {@code /v3}:
 * <pre>
 * GET  /v3/clusters                                        the one cluster behind the gateway
 * GET  /v3/clusters/{cluster_id}                           it, or 404 for another id
 * POST /v3/clusters/{cluster_id}/topics/{topic}/records        concatenated records, one report each
 * POST /v3/clusters/{cluster_id}/topics/{topic}/records:batch  {"entries":[..]}, 207 by entry id
 * </pre>
 * The cluster id is Kafka's own, read through the admin client and cached ({@code ClusterView}); a request
 * naming another is 404. Thread-safe and non-blocking; called on I/O threads.
 */
public final class RestProxyV3Routes {
    static final String ROUTE = "produce";
    private static final String CLUSTERS = "/v3/clusters";

    private final IngestService ingest;
    private final V3Produce produce;

    public RestProxyV3Routes(IngestService ingest) {
        this(ingest, RecordStamp.NONE);
    }

    /** @param stamp adds the trace context and the admitted principal to every record */
    public RestProxyV3Routes(IngestService ingest, RecordStamp stamp) {
        this.ingest = ingest;
        this.produce = new V3Produce(ingest, stamp);
    }

    /**
     * The topic a v3 produce request ({@code POST …/records}, {@code PUT …/records}, {@code POST
     * …/records:batch}) writes to, for authorization at head time; null for any other request.
     */
    public static String produceTopic(String method, String path) {
        if (!path.startsWith(CLUSTERS + "/") || !(method.equals("POST") || method.equals("PUT"))) {
            return null;
        }
        String[] parts = path.substring(CLUSTERS.length() + 1).split("/", -1);
        return isRecordsPath(parts) && (method.equals("POST") || parts[3].equals("records")) ? parts[2] : null;
    }

    /** Answers a request whose path starts with {@code /v3/}; reads the body before returning. */
    public CompletableFuture<GatewayResponse> route(GatewayRequest req, Executor executor) {
        if (!MediaRanges.accepts(req.headers().get("Accept"), GatewayResponse.JSON)) {
            return done(notAcceptable());
        }
        String path = req.path();
        if (path.equals(CLUSTERS)) {
            return getOnly(req) ? onExecutor(ingest.cluster().clusterId().handle((id, e) -> e != null
                    ? unavailable(e) : clusterAnswer(req, id, true)), executor) : done(methodNotAllowed("GET"));
        }
        if (!path.startsWith(CLUSTERS + "/")) {
            return done(notFound(path));
        }
        String[] parts = path.substring(CLUSTERS.length() + 1).split("/", -1);
        String clusterId = parts[0];
        if (parts.length == 1) {
            return getOnly(req) ? withCluster(clusterId, id -> clusterAnswer(req, id, false), executor)
                    : done(methodNotAllowed("GET"));
        }
        if (!isRecordsPath(parts)) {
            return done(notFound(path));
        }
        if (!isPost(req, parts)) {
            return done(methodNotAllowed("POST"));
        }
        GatewayResponse wrongType = contentTypeProblem(req);
        if (wrongType != null) {
            return done(wrongType);
        }
        String topic = parts[2];
        boolean batch = parts[3].equals("records:batch");
        try {
            // The body is read now: the router releases it when this method returns.
            V3Produce.Request request = batch ? V3Produce.readBatch(req.body()) : V3Produce.readRecords(req.body());
            return withCluster(clusterId, id -> null, executor).thenCompose(notFound -> notFound != null
                    ? done(notFound) : onExecutor(produce.produce(clusterId, topic, request, req), executor));
        } catch (RequestRejection r) {
            return done(error(r.status(), r.getMessage()));
        }
    }

    /**
     * True for REST Proxy v3's streaming mode: {@code POST …/records} with a chunked body, whose records are
     * published, and their reports written, as they arrive. Called with the head only.
     */
    public boolean streamsBody(GatewayRequest head) {
        if (!head.path().startsWith(CLUSTERS + "/")) {
            return false;
        }
        String[] parts = head.path().substring(CLUSTERS.length() + 1).split("/", -1);
        return isRecordsPath(parts) && parts[3].equals("records") && isPost(head, parts);
    }

    /**
     * Opens a streaming produce ({@link #streamsBody}): the answer is a 200 whose reports follow as records
     * are acknowledged, unless the request is refused at once (406, 415, an unknown cluster: 404; 503 while
     * the cluster id is not known yet), in which case its body is read and dropped and the connection closes.
     * Runs on the connection's thread; {@code executor} is that thread.
     */
    public RequestBodyStream openStream(GatewayRequest head, Executor executor) {
        String[] parts = head.path().substring(CLUSTERS.length() + 1).split("/", -1);
        GatewayResponse refusal = !MediaRanges.accepts(head.headers().get("Accept"), GatewayResponse.JSON)
                ? notAcceptable() : contentTypeProblem(head);
        if (refusal == null) {
            CompletableFuture<String> id = ingest.cluster().clusterId();
            if (!id.isDone() || id.isCompletedExceptionally()) {
                refusal = unavailable(new IllegalStateException("the cluster id is not known yet"));
            } else if (!id.join().equals(parts[0])) {
                refusal = error(404, "Cluster " + parts[0] + " cannot be found.");
            }
        }
        return refusal != null ? V3RecordStream.refused(refusal.closing())
                : new V3RecordStream(produce, parts[0], parts[2], head, executor);
    }

    /** POST; on {@code …/records} also PUT, which is what {@code curl -T -} (a streamed upload) sends. */
    private static boolean isPost(GatewayRequest req, String[] parts) {
        return req.method().equals("POST") || req.method().equals("PUT") && parts[3].equals("records");
    }

    private static boolean isRecordsPath(String[] parts) {
        return parts.length == 4 && parts[1].equals("topics") && !parts[2].isEmpty()
                && (parts[3].equals("records") || parts[3].equals("records:batch"));
    }

    private static GatewayResponse contentTypeProblem(GatewayRequest req) {
        String contentType = req.headers().get("Content-Type");
        return contentType != null && !MediaRanges.is(contentType, GatewayResponse.JSON)
                ? error(415, "the v3 produce API takes application/json, not " + contentType) : null;
    }

    private static GatewayResponse notAcceptable() {
        return error(406, "this API answers in application/json; the Accept header does not allow it");
    }

    /**
     * Checks {@code clusterId} against Kafka's, then answers with {@code answer} (which may return null to
     * mean "go on"); 404 for another id, 503 while Kafka cannot say.
     */
    private CompletableFuture<GatewayResponse> withCluster(String clusterId, Function<String, GatewayResponse> answer,
                                                           Executor executor) {
        return onExecutor(ingest.cluster().clusterId().handle((id, e) -> {
            if (e != null) {
                return unavailable(e);
            }
            if (!id.equals(clusterId)) {
                return error(404, "Cluster " + clusterId + " cannot be found.");
            }
            return answer.apply(id);
        }), executor);
    }

    /** REST Proxy's {@code ClusterData} (or a one-element {@code ClusterDataList}). */
    private static GatewayResponse clusterAnswer(GatewayRequest req, String id, boolean list) {
        String host = req.headers().get("Host");
        String base = "http://" + (host == null ? "localhost" : host) + CLUSTERS;
        String self = base + "/" + id;
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("kind", "KafkaCluster");
        cluster.put("metadata", Map.of("self", self, "resource_name", "crn:///kafka=" + id));
        cluster.put("cluster_id", id);
        // Relationships the schema requires; Sluice serves only the produce paths below them.
        for (String rel : List.of("acls", "brokers", "broker-configs", "consumer-groups", "topics")) {
            cluster.put(rel.replace('-', '_'), Map.of("related", self + "/" + rel));
        }
        cluster.put("partition_reassignments", Map.of("related", self + "/topics/-/partitions/-/reassignment"));
        Object body = cluster;
        if (list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "KafkaClusterList");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("self", base);
            meta.put("next", null);
            m.put("metadata", meta);
            m.put("data", List.of(cluster));
            body = m;
        }
        GatewayResponse r = new GatewayResponse(200, GatewayResponse.JSON, JsonBodies.write(body), List.of(), "v3",
                false);
        return req.method().equals("HEAD") ? r.withoutBody() : r;
    }

    private static boolean getOnly(GatewayRequest req) {
        return req.method().equals("GET") || req.method().equals("HEAD");
    }

    static GatewayResponse error(int status, String message) {
        return PeerErrors.answer(status, status, message, GatewayResponse.JSON, ROUTE);
    }

    private static GatewayResponse notFound(String path) {
        return error(404, "HTTP 404 Not Found: " + path + " (Sluice serves the v3 produce paths only)");
    }

    private static GatewayResponse methodNotAllowed(String allow) {
        return error(405, "use " + allow + " on this path").withHeader("Allow", allow);
    }

    private static GatewayResponse unavailable(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return PeerErrors.answer(503, ConfluentErrors.KAFKA_RETRIABLE_ERROR, "could not read the cluster id from "
                + "Kafka: " + cause, GatewayResponse.JSON, ROUTE).withHeader("Retry-After", "1");
    }

    private static CompletableFuture<GatewayResponse> onExecutor(CompletableFuture<GatewayResponse> f,
                                                                 Executor executor) {
        return f.isDone() ? f : f.thenApplyAsync(Function.identity(), executor);
    }

    private static CompletableFuture<GatewayResponse> done(GatewayResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}

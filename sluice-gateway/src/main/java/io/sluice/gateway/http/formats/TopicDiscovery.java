package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.MediaRanges;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.ingest.ClusterView;
import io.sluice.gateway.ingest.IngestService;
import io.sluice.gateway.ingest.PartitionLayout;
import io.sluice.gateway.ingest.TopicInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Thread-safe and non-blocking, called on I/O threads: the discovery API, in REST Proxy v2's and the Strimzi bridge's shapes: {@code GET /topics} lists the
 * topics the caller may produce to, {@code GET /topics/{topic}} gives one topic's partitions with their
 * leaders and replicas ({@code {"name":..,"configs":{},"partitions":[{"partition":0,"leader":1,
 * "replicas":[{"broker":1,"leader":true,"in_sync":true}]}]}}, as in kafka-rest's README and Strimzi's
 * {@code TopicMetadata}). Thread-safe and non-blocking; answers come from the ingest side's caches (the
 * topic list refreshed in the background, a topic's layout from the topic catalog), so they are fast.
 *
 * <p>"May produce to" is the gateway's topic filter ({@code --topics}, {@code --topic-pattern}), applied
 * by the {@link ClusterView}, then {@code mayProduce}: the hook for a per-caller authorizer, e.g.
 * {@code (req, topic) -> authorizer.mayProduce(principalOf(req), topic)}. A topic the caller may not
 * produce to is answered 404, like one that does not exist, so its existence does not leak.
 */
public final class TopicDiscovery {
    /** Every topic the gateway's filter allows: the rule until callers have identities. */
    public static final BiPredicate<GatewayRequest, String> EVERY_TOPIC = (req, topic) -> true;

    private static final String ROUTE = "topics";

    private final ClusterView cluster;
    private final IngestService ingest;
    private final BiPredicate<GatewayRequest, String> mayProduce;

    public TopicDiscovery(ClusterView cluster, IngestService ingest, BiPredicate<GatewayRequest, String> mayProduce) {
        this.cluster = cluster;
        this.ingest = ingest;
        this.mayProduce = mayProduce;
    }

    /** {@code GET /topics}: a JSON array of names, sorted. */
    public CompletableFuture<GatewayResponse> list(GatewayRequest req, Executor executor) {
        String type = answerType(req);
        if (type == null) {
            return done(notAcceptable());
        }
        return onExecutor(cluster.producibleTopics().handle((names, error) -> {
            if (error != null) {
                return unavailable(type, error);
            }
            List<String> visible = new ArrayList<>(names.size());
            for (String t : names) {
                if (mayProduce.test(req, t)) {
                    visible.add(t);
                }
            }
            return ok(type, io.sluice.gateway.http.JsonBodies.write(visible), req);
        }), executor);
    }

    /** {@code GET /topics/{topic}}: its partitions, leaders and replicas; 404 for a topic not open to the caller. */
    public CompletableFuture<GatewayResponse> describe(String topic, GatewayRequest req, Executor executor) {
        String type = answerType(req);
        if (type == null) {
            return done(notAcceptable());
        }
        if (!mayProduce.test(req, topic)) {
            return done(notFound(type, topic, req));
        }
        CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
        try {
            ingest.describe(topic, (info, error) -> answer.complete(error != null ? unavailable(type, error)
                    : info == null || !info.exists() ? notFound(type, topic, req) : ok(type, shape(info), req)));
        } catch (RuntimeException e) {
            answer.complete(unavailable(type, e));
        }
        return onExecutor(answer, executor);
    }

    private static byte[] shape(TopicInfo info) {
        List<Map<String, Object>> partitions = new ArrayList<>(info.layout().size());
        for (PartitionLayout p : info.layout()) {
            List<Map<String, Object>> replicas = new ArrayList<>(p.replicas().size());
            for (int broker : p.replicas()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("broker", broker);
                r.put("leader", broker == p.leader());
                r.put("in_sync", p.inSync().contains(broker));
                replicas.add(r);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partition", p.partition());
            m.put("leader", p.leader());
            m.put("replicas", replicas);
            partitions.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        m.put("configs", Map.of());
        m.put("partitions", partitions);
        return io.sluice.gateway.http.JsonBodies.write(m);
    }

    /** The v2 media type unless the client accepts only application/json; null when it accepts neither. */
    private static String answerType(GatewayRequest req) {
        String accept = req.headers().get("Accept");
        if (MediaRanges.accepts(accept, RestProxyV2Format.V2_JSON, "application/vnd.kafka+json")) {
            return RestProxyV2Format.V2_JSON;
        }
        return MediaRanges.accepts(accept, GatewayResponse.JSON) ? GatewayResponse.JSON : null;
    }

    private static GatewayResponse ok(String type, byte[] body, GatewayRequest req) {
        GatewayResponse r = new GatewayResponse(200, type, body, List.of(), ROUTE, false);
        return req.method().equals("HEAD") ? r.withoutBody() : r;
    }

    private static GatewayResponse notFound(String type, String topic, GatewayRequest req) {
        GatewayResponse r = PeerErrors.answer(404, ConfluentErrors.TOPIC_NOT_FOUND, "Topic not found: '" + topic
                + "' does not exist or is not open for producing on this gateway", type, ROUTE);
        return req.method().equals("HEAD") ? r.withoutBody() : r;
    }

    private static GatewayResponse notAcceptable() {
        return PeerErrors.answer(406, 406, "this API answers in " + RestProxyV2Format.V2_JSON
                + " or application/json; the Accept header allows neither", RestProxyV2Format.V2_JSON, ROUTE);
    }

    private static GatewayResponse unavailable(String type, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return PeerErrors.answer(503, ConfluentErrors.KAFKA_RETRIABLE_ERROR, "Kafka did not answer: " + cause,
                type, ROUTE).withHeader("Retry-After", "1");
    }

    private static CompletableFuture<GatewayResponse> onExecutor(CompletableFuture<GatewayResponse> f,
                                                                 Executor executor) {
        return f.isDone() ? f : f.thenApplyAsync(Function.identity(), executor);
    }

    private static CompletableFuture<GatewayResponse> done(GatewayResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}

package io.sluice.gateway.http.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.JsonBodies;
import io.sluice.gateway.http.OutcomeResponses;
import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.http.RecordStamp;
import io.sluice.gateway.ingest.IngestService;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Thread-safe and non-blocking, called on I/O threads: REST Proxy v3 produce over a whole body: {@code …/records} (concatenated records, one delivery report each,
 * in order) and {@code …/records:batch} ({@code {"entries":[{"id":..,..}]}}, answered 207 with
 * {@code successes} and {@code failures} by entry id). Each record is published on its own, so one record's
 * failure (a bad partition, a malformed record) is its own and the others are still written, as REST Proxy
 * does. Thread-safe and non-blocking.
 *
 * <p>Statuses follow Sluice's rule, not REST Proxy's "200 and look inside": {@code …/records} answers 200
 * only when every record was written, else the first failed record's status with every report in the body;
 * {@code …/records:batch} answers 207 when at least one entry was written (the and REST Proxy's
 * contract: the entries say which) and the first failure's status when none was.
 */
final class V3Produce {
    /** The most bytes one record of a concatenated body may take before it is cut and reported malformed. */
    static final int MAX_RECORD = 64 * 1024 * 1024;

    /** One entry of a request: a readable record, or why it is not; {@code id} for a batch entry. */
    record Item(String id, V3Record record, RequestRejection malformed) {
    }

    /** What a request asked for, read from its body before the body is released. */
    record Request(List<Item> items, boolean batch) {
    }

    private final IngestService ingest;
    private final RecordStamp stamp;

    V3Produce(IngestService ingest, RecordStamp stamp) {
        this.ingest = ingest;
        this.stamp = stamp;
    }

    /** The items of a concatenated-records body; 422 when it holds none (REST Proxy's "Request body is empty"). */
    static Request readRecords(ByteBuf body) throws RequestRejection {
        List<Item> items = new ArrayList<>();
        ConcatenatedJson split = new ConcatenatedJson(segment -> items.add(item(null, segment)), MAX_RECORD);
        split.feed(body);
        split.finish();
        if (items.isEmpty()) {
            throw new RequestRejection(422, "unprocessable_entity", "Payload error. Request body is empty. Data is "
                    + "required.");
        }
        return new Request(items, false);
    }

    /** One segment of a concatenated body as an item. */
    static Item item(String id, byte[] segment) {
        try {
            return new Item(id, V3Record.parse(segment), null);
        } catch (RequestRejection r) {
            return new Item(id, null, r);
        }
    }

    /** The entries of a batch body; 400/422 for a body that is not a batch at all. */
    static Request readBatch(ByteBuf body) throws RequestRejection {
        JsonNode root = PeerJson.parse(body);
        JsonNode entries = root.isObject() ? root.get("entries") : null;
        if (entries == null || !entries.isArray()) {
            throw PeerJson.shape("entries", "is required and must be an array");
        }
        if (entries.isEmpty()) {
            throw PeerJson.shape("entries", "must hold at least one entry (empty batch)");
        }
        List<Item> items = new ArrayList<>(entries.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            JsonNode id = e.get("id");
            String field = "entries[" + i + "]";
            if (id == null || !id.isTextual() || id.textValue().isEmpty() || id.textValue().length() > 80) {
                throw PeerJson.shape(field + ".id", "is required: a string of 1 to 80 characters");
            }
            if (!ids.add(id.textValue())) {
                throw PeerJson.shape(field + ".id", "'" + id.textValue() + "' is not unique in the batch");
            }
            try {
                items.add(new Item(id.textValue(), V3Record.of(e, field + "."), null));
            } catch (RequestRejection r) {
                items.add(new Item(id.textValue(), null, r));
            }
        }
        return new Request(items, true);
    }

    /** Publishes every readable item in order and answers once every report is known. */
    CompletableFuture<GatewayResponse> produce(String clusterId, String topic, Request request, GatewayRequest req) {
        List<CompletableFuture<V3Report>> reports = new ArrayList<>(request.items().size());
        for (Item item : request.items()) {
            reports.add(report(clusterId, topic, item, req));
        }
        return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<V3Report> all = reports.stream().map(CompletableFuture::join).toList();
            return request.batch() ? batchAnswer(request.items(), all) : recordsAnswer(all);
        });
    }

    /**
     * One item's report, once its record is acknowledged (at once for a malformed one); the record carries
     * the headers {@code req} earns ({@link RecordStamp}: trace context, principal).
     */
    CompletableFuture<V3Report> report(String clusterId, String topic, Item item, GatewayRequest req) {
        if (item.malformed() != null) {
            return CompletableFuture.completedFuture(V3Report.malformed(item.malformed()));
        }
        return ingest.ingest(topic, List.of(stamp.apply(item.record().record(), req)))
                .thenApply(outcome -> V3Report.of(outcome, clusterId, topic, item.record()));
    }

    private static GatewayResponse recordsAnswer(List<V3Report> reports) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        V3Report firstFailure = null;
        int status = 200;
        for (V3Report r : reports) {
            if (body.size() > 0) {
                body.write('\n');
            }
            body.writeBytes(JsonBodies.write(r.fields()));
            if (!r.ok() && firstFailure == null) {
                firstFailure = r;
            } else if (r.status() == 202 && status == 200) {
                status = 202;
            }
        }
        return answer(firstFailure, firstFailure == null ? status : firstFailure.status(), body.toByteArray());
    }

    private static GatewayResponse batchAnswer(List<Item> items, List<V3Report> reports) {
        List<Map<String, Object>> successes = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        V3Report firstFailure = null;
        for (int i = 0; i < items.size(); i++) {
            V3Report r = reports.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", items.get(i).id());
            r.fields().forEach((k, v) -> {
                if (!(r.ok() && k.equals("error_code"))) {
                    entry.put(k, v);
                }
            });
            (r.ok() ? successes : failures).add(entry);
            if (!r.ok() && firstFailure == null) {
                firstFailure = r;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("successes", successes);
        body.put("failures", failures);
        int status = successes.isEmpty() ? firstFailure.status() : 207;
        return answer(successes.isEmpty() ? firstFailure : null, status, JsonBodies.write(body));
    }

    private static GatewayResponse answer(V3Report failure, int status, byte[] body) {
        GatewayResponse r = new GatewayResponse(status, GatewayResponse.JSON, body, List.of(),
                RestProxyV3Routes.ROUTE, false);
        return failure == null || failure.kind() == null ? r : OutcomeResponses.failureAnswer(failure.kind(), status, r);
    }
}

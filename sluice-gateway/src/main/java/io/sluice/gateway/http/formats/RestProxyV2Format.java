package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.MediaRanges;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.ProduceFormat;
import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confined to one request (one object per request, on its connection's thread): Confluent REST Proxy v2 produce ({@code POST /topics/{topic}[/partitions/{p}]}, API reference
 * https://docs.confluent.io/platform/current/kafka-rest/api.html) and the Strimzi bridge's variant of it
 * (its {@code openapi.json}: the {@code text} embedded format, per-record {@code headers} and
 * {@code timestamp}, {@code ?async=true}). One object per request, confined to it: it remembers how many
 * records the request had, to answer one offset entry per record.
 *
 * <p>The body is {@code {"records":[{"key":..,"value":..,"partition":n,"headers":[..],"timestamp":ms}]}};
 * the embedded format of the media type says how a key or value becomes bytes: {@code json} writes the
 * value's compact JSON text, {@code binary} base64-decodes a string, {@code text} writes a string's UTF-8.
 *
 * <p>The answer differs from REST Proxy's on purpose: 200 only when every record was written. Otherwise the
 * status of the first failure's class (404, 413, 503, 504, ...) with the same body, each failed record's
 * entry carrying Confluent's {@code error_code} and {@code error}, and the body also carrying a top-level
 * {@code error_code} and {@code message} so a client that reads the peers' error shape finds it.
 */
public final class RestProxyV2Format implements ProduceFormat {
    /** The media type of every v2 answer. */
    public static final String V2_JSON = "application/vnd.kafka.v2+json";
    private static final String PREFIX = "application/vnd.kafka.";
    private static final String SUFFIX = ".v2+json";

    /** How a key or value of the envelope becomes record bytes. */
    private enum Embedded { JSON, BINARY, TEXT }

    private final Embedded embedded;
    private final String unsupported;
    private final boolean fireAndForget;
    private final boolean acceptable;
    private int recordCount;

    private RestProxyV2Format(Embedded embedded, String unsupported, boolean fireAndForget, boolean acceptable) {
        this.embedded = embedded;
        this.unsupported = unsupported;
        this.fireAndForget = fireAndForget;
        this.acceptable = acceptable;
    }

    /**
     * True for {@code application/vnd.kafka[.format].v2+json}, parameters allowed. Allocation-free: it runs for
     * every produce request that has a Content-Type.
     */
    public static boolean isV2(String contentType) {
        // the embedded format is optional: application/vnd.kafka.v2+json means binary
        return MediaRanges.is(contentType, V2_JSON) || MediaRanges.isOfFamily(contentType, PREFIX, SUFFIX);
    }

    /** The format of one v2 request, from its media type, {@code Accept} header and query. */
    public static RestProxyV2Format of(GatewayRequest request, String contentType) {
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(java.util.Locale.ROOT);
        String name = type.length() > PREFIX.length() - 1 + SUFFIX.length()
                ? type.substring(PREFIX.length(), type.length() - SUFFIX.length()) : "binary";
        Embedded embedded = switch (name) {
            case "json" -> Embedded.JSON;
            case "binary" -> Embedded.BINARY;
            case "text" -> Embedded.TEXT;
            default -> null;
        };
        boolean acceptable = MediaRanges.accepts(request.headers().get("Accept"), V2_JSON,
                "application/vnd.kafka+json", "application/json", "key");
        return new RestProxyV2Format(embedded, embedded == null ? name : null, isAsync(request.query()),
                acceptable);
    }

    /** Strimzi's {@code ?async=true}: answer 204 once queued, without waiting for Kafka. */
    private static boolean isAsync(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("async=true")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<IngestRecord> decode(GatewayRequest request, Integer pathPartition) throws RequestRejection {
        if (!acceptable) {
            throw new RequestRejection(406, "not_acceptable", "this API answers in " + V2_JSON
                    + " or application/json; the Accept header allows neither");
        }
        if (unsupported != null) {
            throw new RequestRejection(415, "unsupported_media_type", schemaOrUnknown(unsupported));
        }
        JsonNode root = PeerJson.parse(request.body());
        if (!root.isObject()) {
            throw PeerJson.shape("the body", "must be a JSON object with a 'records' array");
        }
        for (String schemaField : List.of("key_schema", "value_schema", "key_schema_id", "value_schema_id")) {
            JsonNode s = root.get(schemaField);
            if (s != null && !s.isNull()) {
                throw new RequestRejection(422, "unprocessable_entity", "'" + schemaField
                        + "': schema formats are not supported yet; send json, binary or text records");
            }
        }
        JsonNode records = root.get("records");
        if (records == null || !records.isArray()) {
            throw PeerJson.shape("records", "is required and must be an array of records");
        }
        if (records.isEmpty()) {
            throw PeerJson.shape("records", "must hold at least one record");
        }
        List<IngestRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(record(records.get(i), "records[" + i + "]", pathPartition));
        }
        recordCount = out.size();
        return out;
    }

    private static String schemaOrUnknown(String name) {
        return switch (name) {
            case "avro", "jsonschema", "protobuf" -> "the '" + name + "' embedded format: schema formats are not "
                    + "supported yet; use application/vnd.kafka.json.v2+json, binary or text";
            default -> "unknown embedded format '" + name + "'; use application/vnd.kafka.json.v2+json, "
                    + "application/vnd.kafka.binary.v2+json or application/vnd.kafka.text.v2+json";
        };
    }

    private IngestRecord record(JsonNode r, String field, Integer pathPartition) throws RequestRejection {
        if (!r.isObject()) {
            throw PeerJson.shape(field, "must be a JSON object");
        }
        Integer partition = PeerJson.partition(r, "partition", field + ".partition");
        if (pathPartition != null) {
            if (partition != null && !partition.equals(pathPartition)) {
                throw PeerJson.shape(field + ".partition", "(" + partition + ") contradicts the partition in the "
                        + "path (" + pathPartition + ")");
            }
            partition = pathPartition;
        }
        byte[] key = data(r.get("key"), field + ".key");
        byte[] value = data(r.get("value"), field + ".value");
        return new IngestRecord(partition, key, value, PeerJson.headers(r.get("headers"), field + ".headers", "key"),
                timestamp(r.get("timestamp"), field + ".timestamp"));
    }

    /** A key or value as bytes per the embedded format; null when absent or JSON null. */
    private byte[] data(JsonNode v, String field) throws RequestRejection {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (embedded) {
            case JSON -> PeerJson.jsonText(v);
            case BINARY -> PeerJson.base64(v, field);
            case TEXT -> {
                if (!v.isTextual()) {
                    throw PeerJson.shape(field, "must be a string (text embedded format)");
                }
                yield v.textValue().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static Long timestamp(JsonNode t, String field) throws RequestRejection {
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0) {
            throw PeerJson.shape(field, "must be milliseconds since the epoch, a non-negative integer");
        }
        return t.longValue();
    }

    @Override
    public DeliveryMode mode(DeliveryMode configured) {
        return fireAndForget ? DeliveryMode.ASYNC : configured;
    }

    @Override
    public GatewayResponse encode(IngestResult outcome) {
        if (outcome instanceof IngestResult.Queued q) {
            if (fireAndForget) {
                return new GatewayResponse(204, V2_JSON, new byte[0], List.of(), "produce", false);
            }
            // --delivery async: queued, not yet written, so 202 and no position yet.
            List<Map<String, Object>> offsets = new ArrayList<>(q.count());
            for (int i = 0; i < q.count(); i++) {
                offsets.add(entry(null, null, null, null));
            }
            return new GatewayResponse(202, V2_JSON, body(offsets, null, null), List.of(), "produce", false);
        }
        if (outcome instanceof IngestResult.Refused r) {
            int code = ConfluentErrors.code(r.kind());
            List<Map<String, Object>> offsets = new ArrayList<>(recordCount);
            for (int i = 0; i < recordCount; i++) {
                offsets.add(entry(null, null, code, r.message()));
            }
            return ConfluentErrors.answer(r.kind(), V2_JSON, body(offsets, code, r.message()));
        }
        IngestResult.Acknowledged a = (IngestResult.Acknowledged) outcome;
        List<Map<String, Object>> offsets = new ArrayList<>(a.results().size());
        for (RecordResult result : a.results()) {
            if (result instanceof RecordResult.Written w) {
                offsets.add(entry(w.partition(), w.offset(), null, null));
            } else if (result instanceof RecordResult.Failed f) {
                offsets.add(entry(null, null, ConfluentErrors.code(f.kind()), f.message()));
            }
        }
        RecordResult.Failed first = a.firstFailure();
        if (first == null) {
            return new GatewayResponse(200, V2_JSON, body(offsets, null, null), List.of(), "produce", false);
        }
        int code = ConfluentErrors.code(first.kind());
        return ConfluentErrors.answer(first.kind(), V2_JSON, body(offsets, code, first.message()));
    }

    private static Map<String, Object> entry(Integer partition, Long offset, Integer errorCode, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", partition);
        m.put("offset", offset);
        m.put("error_code", errorCode);
        m.put("error", error);
        return m;
    }

    private static byte[] body(List<Map<String, Object>> offsets, Integer errorCode, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (errorCode != null) {
            m.put("error_code", errorCode);
            m.put("message", message);
        }
        m.put("key_schema_id", null);
        m.put("value_schema_id", null);
        m.put("offsets", offsets);
        return io.sluice.gateway.http.JsonBodies.write(m);
    }

    /** The peers' error shape, {@code {"error_code":status,"message":..}}, in the v2 media type. */
    @Override
    public GatewayResponse reject(RequestRejection rejection) {
        return new GatewayResponse(rejection.status(), V2_JSON, PeerErrors.body(rejection.status(),
                rejection.getMessage()), List.of(), "produce", false);
    }
}

package io.sluice.gateway.http.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.ingest.IngestRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One REST Proxy v3 record ({@code ProduceRequest} / {@code ProduceBatchRequestEntry} of kafka-rest's
 * {@code api/v3/openapi.yaml}): {@code partition_id}, {@code headers} ({@code name}, base64 {@code value}),
 * {@code key} and {@code value} as {@code {"type":"BINARY"|"JSON"|"STRING","data":..}}, and an ISO-8601
 * {@code timestamp}. Immutable.
 *
 * @param record    the record to publish
 * @param keyType   the key's type for the delivery report, or null when the record has no key
 * @param valueType the value's type for the delivery report, or null when the record has no value
 */
record V3Record(IngestRecord record, String keyType, String valueType) {
    private static final List<String> SCHEMA_FIELDS = List.of("schema", "schema_id", "schema_version", "subject",
            "subject_name_strategy");

    /** Parses one record's JSON text; 400 for a syntax error, 422 naming the field for a wrong shape. */
    static V3Record parse(byte[] json) throws RequestRejection {
        JsonNode node;
        try {
            node = PeerJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw PeerJson.syntaxError(e);
        } catch (java.io.IOException e) {
            throw new RequestRejection(400, "bad_request", "cannot read the record: " + e.getMessage());
        }
        return of(node, "");
    }

    /** Reads a record object; {@code field} prefixes the field names in errors (e.g. "entries[2]."). */
    static V3Record of(JsonNode node, String field) throws RequestRejection {
        if (node == null || !node.isObject()) {
            throw PeerJson.shape(field.isEmpty() ? "the record" : field.substring(0, field.length() - 1),
                    "must be a JSON object");
        }
        Integer partition = PeerJson.partition(node, "partition_id", field + "partition_id");
        JsonNode key = node.get("key");
        JsonNode value = node.get("value");
        String keyType = type(key, field + "key");
        String valueType = type(value, field + "value");
        return new V3Record(new IngestRecord(partition, data(key, keyType, field + "key"),
                data(value, valueType, field + "value"),
                PeerJson.headers(node.get("headers"), field + "headers", "name"),
                timestamp(node.get("timestamp"), field + "timestamp")), keyType, valueType);
    }

    /** BINARY, JSON or STRING; null when the key or value is absent; 422 for schema-backed data. */
    private static String type(JsonNode d, String field) throws RequestRejection {
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isObject()) {
            throw PeerJson.shape(field, "must be an object {\"type\":\"BINARY\"|\"JSON\"|\"STRING\",\"data\":..}");
        }
        JsonNode t = d.get("type");
        if (t == null || t.isNull()) {
            for (String s : SCHEMA_FIELDS) {
                if (d.hasNonNull(s)) {
                    throw schemas(field);
                }
            }
            if (d.has("data")) {
                throw schemas(field); // without a type, REST Proxy reads data through a schema
            }
            return null;
        }
        String type = t.asText().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "BINARY", "JSON", "STRING" -> type;
            case "AVRO", "JSONSCHEMA", "PROTOBUF" -> throw schemas(field);
            default -> throw PeerJson.shape(field + ".type", "must be BINARY, JSON or STRING, was " + t);
        };
    }

    private static RequestRejection schemas(String field) {
        return new RequestRejection(422, "unprocessable_entity", field + ": schema formats are not supported yet; "
                + "use type BINARY, JSON or STRING");
    }

    private static byte[] data(JsonNode d, String type, String field) throws RequestRejection {
        if (type == null) {
            return null;
        }
        JsonNode data = d.get("data");
        if (data == null || data.isNull()) {
            return null;
        }
        return switch (type) {
            case "BINARY" -> PeerJson.base64(data, field + ".data");
            case "JSON" -> PeerJson.jsonText(data);
            default -> {
                if (!data.isTextual()) {
                    throw PeerJson.shape(field + ".data", "must be a string for type STRING");
                }
                yield data.textValue().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static Long timestamp(JsonNode t, String field) throws RequestRejection {
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isTextual()) {
            throw PeerJson.shape(field, "must be an ISO-8601 date-time string, e.g. 2021-02-05T19:14:42Z");
        }
        try {
            return OffsetDateTime.parse(t.textValue()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw PeerJson.shape(field, "must be an ISO-8601 date-time string, e.g. 2021-02-05T19:14:42Z; was "
                    + t);
        }
    }
}

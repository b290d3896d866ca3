package io.sluice.gateway.http.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.sluice.gateway.http.RequestRejection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Stateless and thread-safe: reading the peers' JSON envelopes: a syntax error is a 400 that says where, a wrong shape is a 422 that
 * names the field (e.g. {@code records[1].partition}). JSON values embedded as record data are written as
 * their compact JSON text, numbers with the digits sent (never rounded through a double). Stateless and thread-safe.
 */
public final class PeerJson {
    // A trailing comma is tolerated: the Strimzi bridge documents a binary example with one.
    static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PeerJson() {
    }

    /** The body as one JSON document; 400 with line and column when it is not one. */
    static JsonNode parse(ByteBuf body) throws RequestRejection {
        if (!body.isReadable()) {
            throw new RequestRejection(422, "unprocessable_entity", "the request body is empty; a JSON object is "
                    + "required");
        }
        try {
            return MAPPER.readTree(new ByteBufInputStream(body.duplicate()));
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new RequestRejection(400, "bad_request", "cannot read the JSON body: " + e.getMessage());
        }
    }

    static RequestRejection syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + " (byte " + at.getByteOffset() + ")";
        return new RequestRejection(400, "bad_request", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }

    /** A 422 naming the field that has the wrong shape. */
    static RequestRejection shape(String field, String expectation) {
        return new RequestRejection(422, "unprocessable_entity", field + " " + expectation);
    }

    /** The compact JSON text of a value: what a JSON-embedded key or value is written as. */
    static byte[] jsonText(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON value", e);
        }
    }

    /** The bytes of a base64 string field; 422 naming it when it is not a string or not base64. */
    /**
     * Record headers as the peers send them, {@code [{"<nameKey>":"n","value":"<base64>"}]}: Strimzi's and
     * REST Proxy v2's {@code key}, REST Proxy v3's {@code name}; a missing or null value is empty.
     */
    static List<Map.Entry<String, byte[]>> headers(JsonNode h, String field, String nameKey)
            throws RequestRejection {
        if (h == null || h.isNull()) {
            return List.of();
        }
        if (!h.isArray()) {
            throw shape(field, "must be an array of {\"" + nameKey + "\":..,\"value\":<base64>}");
        }
        List<Map.Entry<String, byte[]>> out = new ArrayList<>(h.size());
        for (int i = 0; i < h.size(); i++) {
            String f = field + "[" + i + "]";
            JsonNode name = h.get(i).get(nameKey);
            if (name == null || !name.isTextual()) {
                throw shape(f + "." + nameKey, "is required and must be a string");
            }
            JsonNode value = h.get(i).get("value");
            out.add(Map.entry(name.textValue(), value == null || value.isNull() ? new byte[0]
                    : base64(value, f + ".value")));
        }
        return out;
    }

    static byte[] base64(JsonNode value, String field) throws RequestRejection {
        if (!value.isTextual()) {
            throw shape(field, "must be a base64-encoded string");
        }
        try {
            return Base64.getDecoder().decode(value.textValue()); // strict: "Message$" is not base64
        } catch (IllegalArgumentException e) {
            throw shape(field, "is not valid base64: " + e.getMessage());
        }
    }

    /** An optional non-negative int field, or null when absent or JSON null. */
    static Integer partition(JsonNode record, String name, String field) throws RequestRejection {
        JsonNode p = record.get(name);
        if (p == null || p.isNull()) {
            return null;
        }
        if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 0) {
            throw shape(field, "must be a non-negative integer, was " + p);
        }
        return p.intValue();
    }
}

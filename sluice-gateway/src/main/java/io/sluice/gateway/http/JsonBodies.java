package io.sluice.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.ingest.RecordResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies Sluice answers with. Stateless and thread-safe. The two hot-path bodies (one record's
 * position, an accepted count) are written by hand: they hold only numbers and a topic name, which
 * Kafka restricts to [a-zA-Z0-9._-], so nothing needs escaping. Everything else goes through Jackson.
 */
public final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** {@code {"topic":..,"partition":..,"offset":..}} */
    public static byte[] position(String topic, int partition, long offset) {
        return appendPosition(new StringBuilder(48), topic, partition, offset).toString()
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder appendPosition(StringBuilder json, String topic, int partition, long offset) {
        return json.append("{\"topic\":\"").append(topic).append("\",\"partition\":").append(partition)
                .append(",\"offset\":").append(offset).append('}');
    }

    /** {@code {"accepted":N}} */
    public static byte[] accepted(int count) {
        return ("{\"accepted\":" + count + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code {"error":code,"message":text}} */
    public static byte[] error(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return write(m);
    }

    /** {@code {"error":..,"message":..} plus extra fields}, e.g. per-record results of a failed batch. */
    public static byte[] error(String code, String message, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        m.putAll(extra);
        return write(m);
    }

    /** {@code {"results":[...]}}: one entry per record, a position or an error. */
    public static byte[] results(List<RecordResult> results) {
        StringBuilder json = new StringBuilder(16 + 64 * results.size()).append("{\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            if (!(results.get(i) instanceof RecordResult.Written w)) {
                return write(Map.of("results", resultList(results))); // an error message may need escaping
            }
            // By hand, like position(): 100 positions through maps and Jackson took as long as publishing
            // their records (JFR, NDJSON of 100 records in ack mode, issue 12).
            appendPosition(i == 0 ? json : json.append(','), w.topic(), w.partition(), w.offset());
        }
        return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Per-record entries as plain maps, for embedding in other bodies. */
    public static List<Map<String, Object>> resultList(List<RecordResult> results) {
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (RecordResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (r instanceof RecordResult.Written w) {
                m.put("topic", w.topic());
                m.put("partition", w.partition());
                m.put("offset", w.offset());
            } else if (r instanceof RecordResult.Failed f) {
                m.put("error", f.kind().code());
                m.put("message", f.message());
            }
            out.add(m);
        }
        return out;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}

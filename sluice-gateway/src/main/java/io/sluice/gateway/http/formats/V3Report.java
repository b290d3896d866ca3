package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST Proxy v3 delivery report ({@code ProduceResponse} of kafka-rest's {@code api/v3/openapi.yaml}):
 * {@code error_code} 200 with the record's position and the sizes of its key and value, or the error code and
 * message of why it was not written. Immutable.
 *
 * @param status the HTTP status this report stands for (200; 202 when only queued; else the failure's)
 * @param kind   the failure class, or null for a written or queued record (and a malformed one)
 * @param fields the report's JSON fields, in the documented order
 */
record V3Report(int status, FailureKind kind, Map<String, Object> fields) {

    boolean ok() {
        return status < 300;
    }

    /** The report of one record's outcome ({@code outcome} is of a request holding just that record). */
    static V3Report of(IngestResult outcome, String clusterId, String topic, V3Record record) {
        if (outcome instanceof IngestResult.Queued) {
            // --delivery async: handed to the producer, not yet written; no position to report.
            return new V3Report(202, null, position(202, clusterId, topic, null, null, -1, record));
        }
        if (outcome instanceof IngestResult.Refused r) {
            return failed(r.kind(), r.message());
        }
        RecordResult result = ((IngestResult.Acknowledged) outcome).results().get(0);
        if (result instanceof RecordResult.Failed f) {
            return failed(f.kind(), f.message());
        }
        RecordResult.Written w = (RecordResult.Written) result;
        return new V3Report(200, null, position(200, clusterId, w.topic(), w.partition(), w.offset(), w.timestamp(),
                record));
    }

    static V3Report failed(FailureKind kind, String message) {
        return new V3Report(ConfluentErrors.status(kind), kind, error(ConfluentErrors.v3Code(kind), message));
    }

    /** A record that could not be read (syntax 400, shape 422): its code is the status, as REST Proxy's. */
    static V3Report malformed(RequestRejection r) {
        return new V3Report(r.status(), null, error(r.status(), r.getMessage()));
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_code", code);
        m.put("message", message);
        return m;
    }

    private static Map<String, Object> position(int code, String clusterId, String topic, Integer partition,
                                                Long offset, long timestamp, V3Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_code", code);
        m.put("cluster_id", clusterId);
        m.put("topic_name", topic);
        m.put("partition_id", partition);
        m.put("offset", offset);
        m.put("timestamp", timestamp < 0 ? null : Instant.ofEpochMilli(timestamp).toString());
        if (record.keyType() != null) {
            m.put("key", data(record.keyType(), record.record().key()));
        }
        if (record.valueType() != null) {
            m.put("value", data(record.valueType(), record.record().value()));
        }
        return m;
    }

    private static Map<String, Object> data(String type, byte[] bytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("size", bytes == null ? 0 : bytes.length);
        return m;
    }
}

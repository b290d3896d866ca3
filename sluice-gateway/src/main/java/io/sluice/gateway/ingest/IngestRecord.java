package io.sluice.gateway.ingest;

import java.util.List;
import java.util.Map;

/**
 * One record to publish, as the HTTP layer extracted it. Kafka-free on purpose: the protocol layer
 * does not see producer types.
 *
 * @param partition explicit partition, or null to let the producer's partitioner choose
 * @param key       record key bytes, or null
 * @param value     record value, byte for byte as received
 * @param headers   record headers in request order (name, value)
 */
public record IngestRecord(Integer partition, byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers) {
    public IngestRecord {
        headers = headers == null ? List.of() : headers;
    }

    /** Bytes this record carries (value, key and headers), for metrics. */
    public long sizeInBytes() {
        long n = value.length + (key == null ? 0 : key.length);
        for (Map.Entry<String, byte[]> h : headers) {
            n += h.getKey().length() + h.getValue().length;
        }
        return n;
    }
}

package io.sluice.gateway.ingest;

import java.util.List;
import java.util.Map;

/**
 * One record to publish, as the HTTP layer extracted it. Kafka-free on purpose: the protocol layer
 * does not see producer types.
 *
 * @param partition explicit partition, or null to let the producer's partitioner choose
 * @param key       record key bytes, or null
 * @param value     record value, byte for byte as received; null for a tombstone (the peers' JSON envelopes
 *                  can send one; Sluice's own formats never do)
 * @param headers   record headers in request order (name, value)
 * @param timestamp the record's timestamp in epoch milliseconds as the client gave it, or null to let the
 *                  producer stamp it (the peers' APIs carry one; Sluice's own formats never do)
 */
public record IngestRecord(Integer partition, byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers,
                           Long timestamp) {
    public IngestRecord {
        headers = headers == null ? List.of() : headers;
    }

    /** A record stamped by the producer. */
    public IngestRecord(Integer partition, byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers) {
        this(partition, key, value, headers, null);
    }

    /** Bytes this record carries (value, key and headers), for metrics. */
    public long sizeInBytes() {
        long n = (value == null ? 0 : value.length) + (key == null ? 0 : key.length);
        for (Map.Entry<String, byte[]> h : headers) {
            n += h.getKey().length() + h.getValue().length;
        }
        return n;
    }
}

package io.sluice.gateway.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sluice's Kafka producer defaults and how user properties override them. Pure functions.
 *
 * <p>Why these defaults: {@code acks=all} + idempotence so a 200 means the record is durable and not
 * duplicated by retries; {@code linger.ms=5} and a 256 KiB {@code batch.size} batch across requests
 * (many connections share one producer); lz4 is cheap on CPU; {@code max.block.ms=0} because
 * {@code send} runs on I/O threads and must never block them: a full buffer becomes a 503.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /** Sluice's defaults, in the order they are documented. */
    public static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("acks", "all");
        d.put("enable.idempotence", "true");
        d.put("linger.ms", "5");
        d.put("batch.size", "262144");
        d.put("compression.type", "lz4");
        d.put("buffer.memory", "268435456");
        d.put("max.block.ms", "0");
        d.put("delivery.timeout.ms", "30000");
        d.put("request.timeout.ms", "10000");
        return d;
    }

    /** Defaults, then {@code bootstrap.servers}, then the user's properties (which win). */
    public static Map<String, String> effective(String bootstrapServers, Map<String, String> overrides) {
        Map<String, String> p = defaults();
        p.put("bootstrap.servers", bootstrapServers);
        p.putAll(overrides);
        return p;
    }

    /** A sorted copy fit for logging: values of keys that look secret are replaced by {@code ****}. */
    public static Map<String, String> masked(Map<String, String> props) {
        Map<String, String> out = new TreeMap<>();
        props.forEach((k, v) -> out.put(k, isSecret(k) ? "****" : v));
        return out;
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.endsWith(".key") || k.contains("credential");
    }
}

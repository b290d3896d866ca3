package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.internal.SecretMaskingMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sluice's Kafka producer defaults and how user properties override them. Pure functions.
 *
 * <p>Why these defaults: {@code acks=all} + idempotence so a 200 means the record is durable and not
 * duplicated by retries; a 256 KiB {@code batch.size} batches across requests (many connections share
 * one producer); lz4 is cheap on CPU; {@code max.block.ms=0} because {@code send} runs on I/O threads and
 * must never block them: a full buffer becomes a 503.
 *
 * <p>{@code linger.ms} depends on the delivery mode, because the two modes want opposite things
 * (measured with {@code sluice bench}, epoll + raw, 64 keep-alive connections, 2 cores):
 * <ul>
 *   <li>ack: every client waits for its record, so lingering only adds latency and, in a closed loop,
 *       divides throughput: linger 5 ms gave 9.5k req/s, 1 ms 22.9k, 0 ms 31.3k. Records still batch
 *       while earlier requests are in flight. Default 0.</li>
 *   <li>async: nobody waits, so bigger batches only save CPU (fewer produce requests, less broker work):
 *       linger 0 ms gave 42.3k req/s, 5 ms 59.5k, 20 ms 76.0k, 50 ms 71.9k (single runs). Side by side
 *       (issue 12, io_uring + raw, alternating rounds, medians), 50 ms against 20 ms halved the broker's CPU
 *       per request (2.8 to 1.4 µs on a busy machine, 1.7 to 1.1 on a quiet one); the gateway's was the same
 *       within noise. Default 50, the reference design's.</li>
 * </ul>
 *
 * <p>Ack mode also waits for the produce request in flight before it sends the next one
 * ({@code max.in.flight.requests.per.connection=1}) and does not compress. With {@code linger.ms=0} and five
 * requests in flight, each produce request carried a handful of records, and the producer's thread and the
 * broker paid their per-request and per-batch costs for almost every record; lz4 even allocates two 64 KiB
 * block buffers for every batch, however small. With one request in flight, the records that arrive while it
 * travels form the next one, so batches grow with the load and nobody waits a fixed linger: Nagle's rule,
 * applied to produce requests. Measured side by side (issue 12, 2026-12-02, io_uring + raw, wrk, 3 alternating
 * rounds, medians; gateway / broker CPU per request): 64 connections 11.3k req/s, 51.7 / 25.7 µs with the old
 * defaults against 18.6k, 31.0 / 16.2 µs; 1,000 connections 23.7k, 27.9 / 12.6 µs against 24.9k, 23.7 / 9.5 µs.
 * Async mode keeps lz4 and five in flight: its lingered batches are large.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /** Sluice's defaults for a delivery mode, in the order they are documented. */
    public static Map<String, String> defaults(DeliveryMode mode) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("acks", "all");
        d.put("enable.idempotence", "true");
        d.put("linger.ms", mode == DeliveryMode.ACK ? "0" : "50");
        d.put("batch.size", "262144");
        d.put("compression.type", mode == DeliveryMode.ACK ? "none" : "lz4");
        if (mode == DeliveryMode.ACK) {
            d.put("max.in.flight.requests.per.connection", "1");
        }
        d.put("buffer.memory", "268435456");
        d.put("max.block.ms", "0");
        d.put("delivery.timeout.ms", "30000");
        d.put("request.timeout.ms", "10000");
        return d;
    }

    /** Defaults for the mode, then {@code bootstrap.servers}, then the user's properties (which win). */
    public static Map<String, String> effective(String bootstrapServers, DeliveryMode mode,
                                                Map<String, String> overrides) {
        Map<String, String> p = defaults(mode);
        p.put("bootstrap.servers", bootstrapServers);
        p.putAll(overrides);
        return p;
    }

    /** The {@code delivery.timeout.ms} of effective producer properties (see {@link #effective}). */
    public static Duration deliveryTimeout(Map<String, String> effective) {
        String ms = effective.get("delivery.timeout.ms");
        try {
            return Duration.ofMillis(Long.parseLong(ms.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("delivery.timeout.ms must be a number of milliseconds, was " + ms, e);
        }
    }

    /** A sorted copy fit for logging: values of keys that look secret are replaced by {@code ****}. */
    public static Map<String, String> masked(Map<String, String> props) {
        Map<String, String> out = new TreeMap<>();
        props.forEach((k, v) -> out.put(k, isSecret(k) ? "****" : v));
        return out;
    }

    /**
     * An immutable copy whose {@code toString} masks secret values like {@link #masked}; for configuration
     * records, whose text form would otherwise carry the secrets into whatever prints them.
     */
    public static Map<String, String> maskedWhenPrinted(Map<String, String> props) {
        return new SecretMaskingMap(props, ProducerSettings::isSecret);
    }

    /**
     * Whether a producer property's value is a secret, which must never be logged or given as a command-line
     * flag: passwords ({@code ssl.keystore.password}, {@code ssl.key.password}, ...), JAAS configurations
     * (which hold SASL passwords), OAuth client secrets and tokens, key material ({@code ssl.keystore.key})
     * and passphrases.
     */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.endsWith(".key") || k.contains("credential") || k.contains("passphrase");
    }
}

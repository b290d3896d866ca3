package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.ProducerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The process's Kafka clients: one shared producer (thread-safe, batching across all connections) and
 * one admin client for topic lookups and health probes. Thread-safe.
 */
public final class KafkaConnections {
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final Metric bufferAvailable;

    private KafkaConnections(Producer<byte[], byte[]> producer, Admin admin) {
        this.producer = producer;
        this.admin = admin;
        Metric found = null;
        for (Map.Entry<MetricName, ? extends Metric> e : producer.metrics().entrySet()) {
            if (e.getKey().name().equals("buffer-available-bytes") && e.getKey().group().equals("producer-metrics")) {
                found = e.getValue();
            }
        }
        this.bufferAvailable = found;
    }

    /** Creates the clients; the producer gets Sluice's defaults overridden by {@code producerOverrides}. */
    public static KafkaConnections open(String bootstrapServers, DeliveryMode mode,
                                        Map<String, String> producerOverrides) {
        Properties producerProps = new Properties();
        producerProps.putAll(ProducerSettings.effective(bootstrapServers, mode, producerOverrides));
        Producer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer());
        Properties adminProps = new Properties();
        // The admin client talks to the same cluster with the same security settings.
        producerProps.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains((String) k)) {
                adminProps.put(k, v);
            }
        });
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        adminProps.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-admin");
        try {
            return new KafkaConnections(producer, Admin.create(adminProps));
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    public Admin admin() {
        return admin;
    }

    /** Free bytes in the producer's buffer, from its own metric. */
    public double bufferAvailableBytes() {
        return bufferAvailable == null ? Double.NaN : ((Number) bufferAvailable.metricValue()).doubleValue();
    }

    /** Closes both clients; the producer first sends what it holds, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        producer.close(timeout);
        admin.close(Duration.ofSeconds(1));
    }
}

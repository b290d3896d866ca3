package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.internal.BacklogLimit;
import io.sluice.gateway.ingest.internal.KafkaClusterView;
import io.sluice.gateway.ingest.internal.KafkaConnections;
import io.sluice.gateway.ingest.internal.KafkaHealth;
import io.sluice.gateway.ingest.internal.KafkaSink;
import io.sluice.gateway.ingest.internal.NullSink;
import io.sluice.gateway.ingest.internal.ProducerHealth;
import io.sluice.gateway.ingest.internal.TopicCatalog;
import io.sluice.gateway.ingest.internal.TopicCatalogSettings;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side of a gateway, assembled for one sink: the service the HTTP layer calls, what tells
 * readiness, and how to flush and close. Thread-safe.
 */
public final class IngestBackend {
    private static final Logger log = LoggerFactory.getLogger(IngestBackend.class);

    private final IngestService service;
    private final Availability availability;
    private final Runnable close;

    private IngestBackend(IngestService service, Availability availability, Runnable close) {
        this.service = service;
        this.availability = availability;
        this.close = close;
    }

    /** Kafka: the shared producer, the admin client, health probing and the topic catalog. */
    public static IngestBackend kafka(IngestSettings config, IngestMetrics metrics, LongSupplier clock) {
        KafkaConnections kafka = KafkaConnections.open(config.bootstrapServers(), config.delivery(),
                config.producerProperties());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sluice-kafka-housekeeping");
            t.setDaemon(true);
            return t;
        });
        try {
            ProducerHealth producerHealth = new ProducerHealth(clock, TimeUnit.SECONDS.toNanos(5));
            KafkaHealth health = new KafkaHealth(kafka.admin(), producerHealth, clock, Duration.ofMillis(1500),
                    Duration.ofSeconds(4));
            health.probeAndWait();
            health.start(scheduler, Duration.ofSeconds(1));
            BacklogLimit backlog = new BacklogLimit(config.maxQueuedRecords(), ProducerSettings.deliveryTimeout(
                    ProducerSettings.effective(config.bootstrapServers(), config.delivery(),
                            config.producerProperties())), clock);
            KafkaSink sink = new KafkaSink(kafka.producer(), scheduler, metrics, producerHealth, clock,
                    Duration.ofSeconds(5), backlog);
            TopicCatalog catalog = new TopicCatalog(kafka.admin(), sink::isReadyFor, scheduler, clock,
                    TopicCatalogSettings.defaults(), config.topicFilter());
            KafkaClusterView cluster = new KafkaClusterView(kafka.admin(), config.topicFilter(), clock,
                    Duration.ofSeconds(10), Duration.ofSeconds(5));
            cluster.clusterId();
            cluster.producibleTopics(); // warm both, so the first discovery request finds them cached
            IngestService service = new IngestService(catalog, health, sink, config.delivery(), cluster);
            metrics.gauge("sluice_producer_buffer_available_bytes", "Free bytes in the producer's buffer.memory",
                    kafka::bufferAvailableBytes);
            // Ticks in ack mode too: a request may opt into fire-and-forget (?async=true) under the same bound.
            long period = backlog.tickPeriod().toNanos();
            scheduler.scheduleAtFixedRate(backlog::tick, period, period, TimeUnit.NANOSECONDS);
            if (config.delivery() == DeliveryMode.ASYNC) {
                metrics.gauge("sluice_queued_records", "Fire-and-forget records answered 202 and not yet "
                        + "acknowledged by Kafka", backlog::queued);
                metrics.gauge("sluice_queued_records_limit", "The most fire-and-forget records that may wait for "
                        + "Kafka now: a quarter of what it acknowledged in the last delivery.timeout.ms, within "
                        + "--max-queued-records", backlog::limit);
            }
            metrics.gauge("sluice_kafka_available", "1 while Kafka accepts writes, else 0",
                    () -> health.isAvailable() ? 1 : 0);
            metrics.gauge("sluice_topic_catalog_entries", "Topic answers cached (existing, absent and refused names)",
                    catalog::cachedAnswers);
            metrics.gauge("sluice_topic_lookups_in_flight", "Admin lookups of topics under way",
                    catalog::lookupsInFlight);
            if (!config.defaultTopic().isEmpty()) {
                catalog.whenKnown(config.defaultTopic(), (info, e) -> {
                    if (info != null && !info.exists()) {
                        log.warn("The default topic '{}' does not exist; requests to it will get 404 until it is "
                                + "created", config.defaultTopic());
                    }
                });
            }
            return new IngestBackend(service, health, () -> {
                service.flush();
                kafka.close(Duration.ofSeconds(10));
                health.close();
                scheduler.shutdownNow();
            });
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            kafka.close(Duration.ZERO);
            throw e;
        }
    }

    /** Nowhere: acknowledges at once, needs no Kafka (the HTTP-only ceiling). */
    public static IngestBackend none(IngestSettings config) {
        NullSink sink = new NullSink(config.topicFilter());
        log.warn("--sink none: records are acknowledged and DISCARDED (benchmark baseline only)");
        ClusterView cluster = ClusterView.fixed("sluice-null-sink", config.topicAllowList());
        return new IngestBackend(new IngestService(sink, Availability.ALWAYS, sink, config.delivery(), cluster),
                Availability.ALWAYS, () -> { });
    }

    public IngestService service() {
        return service;
    }

    public Availability availability() {
        return availability;
    }

    /** Flushes every accepted record, then closes the clients. */
    public void flushAndClose() {
        close.run();
    }
}

/**
 * The Kafka machinery behind {@link io.sluice.gateway.ingest.IngestService}, not an API: the shared
 * producer and admin client ({@link io.sluice.gateway.ingest.internal.KafkaConnections}), health
 * ({@link io.sluice.gateway.ingest.internal.KafkaHealth}, {@link io.sluice.gateway.ingest.internal.ProducerHealth}),
 * the bounded topic catalog ({@link io.sluice.gateway.ingest.internal.TopicCatalog}), the non-blocking sink
 * ({@link io.sluice.gateway.ingest.internal.KafkaSink}) with the async backlog bound
 * ({@link io.sluice.gateway.ingest.internal.BacklogLimit}), and the mapping of Kafka's exceptions to what a
 * client is told ({@link io.sluice.gateway.ingest.internal.FailureClassifier}). Assembled by
 * {@link io.sluice.gateway.ingest.IngestBackend}.
 */
package io.sluice.gateway.ingest.internal;

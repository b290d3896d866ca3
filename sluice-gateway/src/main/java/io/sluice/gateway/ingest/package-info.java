/**
 * From a request's records to a delivery outcome, through one shared Kafka producer.
 *
 * <p>The checks before a record reaches the producer, and why:
 * <ol>
 *   <li>Allowed topic ({@code --topics}, {@code --topic-pattern}).</li>
 *   <li>Kafka available ({@link io.sluice.gateway.ingest.internal.KafkaHealth}): while the cluster is unreachable a
 *       request gets 503 at once instead of waiting 30 s for a delivery timeout.</li>
 *   <li>Topic exists ({@link io.sluice.gateway.ingest.internal.TopicCatalog}, via the admin API): a producer's
 *       metadata request may auto-create topics, and a typo in a URL must not create one. Names come from
 *       clients, so the catalog is bounded: a client sending 100,000 made-up names gets at most 100
 *       lookups a second (the rest 503 {@code lookup_throttled} at once), at most 10,000 absent names are
 *       remembered, each for 2 s, and known topics are served from the cache throughout.</li>
 *   <li>Partition exists: with {@code max.block.ms=0} the producer would otherwise wait for a partition
 *       that never appears, then time out.</li>
 * </ol>
 * Then {@link io.sluice.gateway.ingest.internal.KafkaSink} sends without ever blocking the I/O thread: a full
 * buffer is an immediate 503, and a topic the producer has no metadata for yet is retried from a
 * scheduler with backoff (2, 4, 8 ... 100 ms, for up to 5 s). In fire-and-forget (async) delivery a request
 * must first pass {@link io.sluice.gateway.ingest.internal.BacklogLimit}: the producer drops records still queued after
 * {@code delivery.timeout.ms}, so a 202 is given only while the records already queued would clear in a
 * quarter of that time at the pace Kafka kept over the last delivery timeout; otherwise 503.
 */
package io.sluice.gateway.ingest;

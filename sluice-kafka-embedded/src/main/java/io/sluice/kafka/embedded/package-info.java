/**
 * A real Kafka broker that Sluice starts for you: a single KRaft node (broker and controller in one)
 * listening on 127.0.0.1, for {@code sluice kafka}, for {@code sluice serve} without
 * {@code --bootstrap-servers}, for benchmarks and for tests; and a small multi-node cluster of such
 * nodes for failover tests.
 *
 * <h2>Why a real broker</h2>
 * Sluice's promise is that it answers an HTTP request only once it knows what Kafka did with the
 * records. A fake sink can say "accepted" instantly; a real broker has batching, acks, leader
 * election, full disks and restarts, and the gateway must be measured and tested against those. So this
 * module runs Kafka's own server code ({@code kafka_2.13}), not a mock, and formats real storage on
 * disk. A restart on the same data directory keeps the cluster id, the topics and the records, which is
 * what lets a test stop the broker and check that Sluice reports the outage and recovers.
 *
 * <h2>Two ways to run it</h2>
 * <ul>
 *   <li>{@link io.sluice.kafka.embedded.EmbeddedKafkaBroker}: inside the current JVM. Quickest to start
 *   (about 2-3 s the first time on a 2-core machine, well under 1 s for a restart in a warm JVM) and
 *   the simplest for unit-level integration tests.</li>
 *   <li>{@link io.sluice.kafka.embedded.BrokerProcess}: {@link io.sluice.kafka.embedded.BrokerMain} in a
 *   child JVM. The broker gets its own heap and its own process, so a benchmark can report the
 *   gateway's CPU time and memory separately from the broker's (in one JVM, the broker's garbage
 *   collection and request threads would be billed to the gateway), and a fault test can
 *   {@link io.sluice.kafka.embedded.BrokerProcess#kill() SIGKILL} it, which an in-process broker cannot
 *   survive in any realistic way.</li>
 * </ul>
 *
 * <h2>A worked example</h2>
 * A fault test that checks Sluice answers 503 while Kafka is down and 200 again after it comes back:
 * <pre>{@code
 * BrokerProcess kafka = BrokerProcess.builder().dataDir(dir).brokerPort(0).topic("events", 4).start();
 * int port = kafka.brokerPort();              // port 0 was resolved before launching, so it is known
 * // ... start the gateway on kafka.bootstrapServers(), POST, expect 200 ...
 * kafka.kill();                                // no clean shutdown, like a crashed broker
 * // ... POST, expect 503 once the gateway's delivery timeout passes ...
 * kafka = BrokerProcess.builder().dataDir(dir).brokerPort(port).topic("events", 4).start();
 * // ... POST, expect 200; every record acknowledged before the kill is still in "events" ...
 * }</pre>
 *
 * <h2>A cluster, for failover</h2>
 * One node cannot show what happens when a partition leader dies: its partitions simply go away.
 * {@link io.sluice.kafka.embedded.KafkaCluster} starts three (or n) nodes, each broker and controller in
 * one and each in its own child JVM, all voters of one controller quorum with fixed ports picked before
 * any node starts and storage formatted with one cluster id. Every topic gets a replica on every node and
 * {@code min.insync.replicas} = n - 1, so with three nodes an {@code acks=all} write is acknowledged only
 * once two copies exist, and a SIGKILLed node costs neither data nor availability:
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().dataDir(dir).nodes(3).start()) {  // ~7 s on 2 cores
 *     kafka.createTopic("events", 3);
 *     kafka.kill(kafka.leaderOf("events", 0));
 *     // the controller fences the dead node after the 3 s broker session timeout and moves its
 *     // leaderships to in-sync replicas; acks=all writes resume, nothing acknowledged is lost
 * }
 * }</pre>
 *
 * <h2>Footprint and noise</h2>
 * A single node runs with replication factor 1 for every internal topic, a 1-partition offsets topic and a
 * 2 MiB log-cleaner buffer (Kafka's default 128 MiB would sit on the heap), so it fits in a few hundred
 * MiB. Kafka logs about 2,400 INFO lines while it starts; the broker's loggers are set to WARN through
 * logback unless the application's logging configuration sets their level itself.
 */
package io.sluice.kafka.embedded;

/**
 * A real Kafka broker that Sluice starts for you: a single KRaft node (broker and controller in one)
 * listening on 127.0.0.1, for {@code sluice kafka}, for {@code sluice serve} without
 * {@code --bootstrap-servers}, for benchmarks and for tests.
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
 * <h2>Footprint and noise</h2>
 * The node runs with replication factor 1 for every internal topic, a 1-partition offsets topic and a
 * 2 MiB log-cleaner buffer (Kafka's default 128 MiB would sit on the heap), so it fits in a few hundred
 * MiB. Kafka logs about 2,400 INFO lines while it starts; the broker's loggers are set to WARN through
 * logback unless the application's logging configuration sets their level itself.
 */
package io.sluice.kafka.embedded;

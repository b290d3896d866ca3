package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker goes down while the gateway is loaded (ack mode), then comes back: requests are refused
 * fast (503 + Retry-After) or time out at the delivery timeout (504), never hang and never get a 200 for
 * a record that is not in Kafka; service returns without restarting the gateway.
 */
@Timeout(180)
class BrokerOutageUnderLoadTest {

    @Test
    void shouldNeverAcknowledgeALostRecordAndRecoverWhenTheBrokerReturns() throws Exception {
        try (TestBroker kafka = TestBroker.start();
             Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                     .bind("127.0.0.1").delivery(DeliveryMode.ACK)
                     .producerProperty("delivery.timeout.ms", "6000").producerProperty("request.timeout.ms", "2000")
                     .build())) {
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> badRefusals = new ConcurrentLinkedQueue<>();
            AtomicLong slowestMillis = new AtomicLong();
            AtomicLong lastSuccessNanos = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ids = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        try (HttpConnection c = new HttpConnection(gateway.port(), 20_000)) {
                            while (!stop.get()) {
                                String id = "id-" + ids.incrementAndGet();
                                long start = System.nanoTime();
                                Response r = c.exchange(HttpConnection.post("/topics/single",
                                        id.getBytes(StandardCharsets.UTF_8)));
                                long millis = (System.nanoTime() - start) / 1_000_000;
                                slowestMillis.accumulateAndGet(millis, Math::max);
                                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                                if (r.status() == 200) {
                                    acknowledged.add(id);
                                    lastSuccessNanos.set(System.nanoTime());
                                } else if (r.status() == 503 && r.header("Retry-After") == null) {
                                    badRefusals.add(id + " 503 without Retry-After");
                                }
                                if (r.status() == 503) {
                                    Thread.sleep(20); // a polite client honours back-off a little
                                }
                            }
                        } catch (Exception reconnect) {
                            // connection closed: open a new one
                        }
                    }
                }));
            }
            Thread.sleep(2_000);
            int beforeOutage = acknowledged.size();
            kafka.stop();
            Thread.sleep(8_000);
            assertThat(readyStatus(gateway)).as("/readyz while the broker is down").isEqualTo(503);
            long restartedAt = System.nanoTime();
            kafka.restart();
            long deadline = restartedAt + Duration.ofSeconds(20).toNanos();
            while (lastSuccessNanos.get() < restartedAt && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double recoverySeconds = (lastSuccessNanos.get() - restartedAt) / 1e9;
            Thread.sleep(2_000);
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }

            System.out.printf("outage under load: statuses=%s slowest=%d ms recovery=%.1f s acknowledged=%d%n",
                    statuses, slowestMillis.get(), recoverySeconds, acknowledged.size());
            assertThat(beforeOutage).isPositive();
            assertThat(recoverySeconds).as("seconds from broker restart to the next 200").isBetween(0.0, 20.0);
            assertThat(statuses.keySet()).as("only success, refusal or delivery timeout").allMatch(
                    s -> s == 200 || s == 503 || s == 504);
            assertThat(statuses.get(503)).as("fast refusals while down").isNotNull();
            assertThat(badRefusals).isEmpty();
            assertThat(slowestMillis.get()).as("no request hangs past the delivery timeout").isLessThan(10_000);
            Set<String> inKafka = readAll(kafka.bootstrapServers(), "single");
            assertThat(inKafka).as("every acknowledged record is in Kafka").containsAll(acknowledged);
        }
    }

    private static int readyStatus(Gateway gateway) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(HttpConnection.get("/readyz")).status();
        }
    }

    private static Set<String> readAll(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}

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
 * The broker goes down for {@value #OUTAGE_SECONDS} s while the gateway is loaded (ack mode), then comes back:
 * requests are refused within 1 s (503 + Retry-After) or time out at the delivery timeout (504), never hang and
 * never get a 200 for a record that is not in Kafka; /readyz says 503 throughout; full service returns within
 * 5 s of the broker being back, without restarting the gateway.
 */
@Timeout(180)
class BrokerOutageUnderLoadTest {
    private static final int OUTAGE_SECONDS = 30;
    private static final long DELIVERY_TIMEOUT_MILLIS = 6_000;

    @Test
    void shouldNeverAcknowledgeALostRecordAndRecoverWhenTheBrokerReturns() throws Exception {
        try (TestBroker kafka = TestBroker.start();
             Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                     .bind("127.0.0.1").delivery(DeliveryMode.ACK)
                     .producerProperty("delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT_MILLIS)).producerProperty("request.timeout.ms", "2000")
                     .build())) {
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> badRefusals = new ConcurrentLinkedQueue<>();
            AtomicLong slowestMillis = new AtomicLong();
            AtomicLong slowest503Millis = new AtomicLong();
            AtomicLong last503Nanos = new AtomicLong();
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
                                    slowest503Millis.accumulateAndGet(millis, Math::max);
                                    last503Nanos.set(System.nanoTime());
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
            List<Integer> readyWhileDown = new ArrayList<>();
            for (int i = 0; i < OUTAGE_SECONDS / 5; i++) {
                Thread.sleep(5_000);
                readyWhileDown.add(readyStatus(gateway));
            }
            kafka.restart(); // returns once the broker accepts writes again: "the broker returns"
            long backAt = System.nanoTime();
            long deadline = backAt + Duration.ofSeconds(20).toNanos();
            while (lastSuccessNanos.get() < backAt && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double recoverySeconds = (lastSuccessNanos.get() - backAt) / 1e9;
            Thread.sleep(5_000);
            double last503Seconds = (last503Nanos.get() - backAt) / 1e9;
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }

            System.out.printf("outage under load (%d s): statuses=%s slowest=%d ms slowest 503=%d ms readyz=%s "
                            + "first 200 %.2f s and last 503 %.2f s after the broker was back, acknowledged=%d%n",
                    OUTAGE_SECONDS, statuses, slowestMillis.get(), slowest503Millis.get(), readyWhileDown,
                    recoverySeconds, last503Seconds, acknowledged.size());
            assertThat(beforeOutage).isPositive();
            assertThat(readyWhileDown).as("/readyz every 5 s while the broker is down").containsOnly(503);
            assertThat(recoverySeconds).as("seconds from the broker's return to the next 200").isBetween(0.0, 5.0);
            assertThat(last503Seconds).as("seconds from the broker's return to the last refusal: full service")
                    .isLessThan(5.0);
            assertThat(statuses.keySet()).as("only success, refusal or delivery timeout").allMatch(
                    s -> s == 200 || s == 503 || s == 504);
            assertThat(statuses.get(503)).as("fast refusals while down").isNotNull();
            assertThat(badRefusals).isEmpty();
            assertThat(slowest503Millis.get()).as("a refusal is fast").isLessThan(1_000);
            assertThat(slowestMillis.get()).as("no request hangs past the delivery timeout")
                    .isLessThan(DELIVERY_TIMEOUT_MILLIS + 2_000);
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

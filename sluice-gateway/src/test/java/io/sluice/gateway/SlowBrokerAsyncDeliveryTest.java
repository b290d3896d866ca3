package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, defect 7: fire-and-forget answered 202 for records the producer later expired, because the broker
 * was slower than the clients. Against a real broker throttled by a Kafka quota ({@code producer_byte_rate},
 * as {@code sluice soak --broker-quota} does), far more is offered than it takes, for longer than the delivery
 * timeout: the gateway refuses the excess with 503 buffer_full + Retry-After, and every record it answered 202
 * is read back from Kafka.
 */
@Timeout(180)
class SlowBrokerAsyncDeliveryTest {
    private static final long QUOTA_BYTES_PER_SECOND = 16 * 1024;
    /**
     * Shorter than the default 30 s, to keep the test short, but well above the broker's quota window (11 s):
     * a throttled broker mutes a producer for up to about that long after a burst, whatever the gateway does.
     */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_QUEUED_RECORDS = 1_000;
    private static final Duration LOAD = Duration.ofSeconds(22); // longer than the delivery timeout

    @Test
    void shouldRefuseWith503RatherThanAnswer202ForRecordsAThrottledBrokerCannotTakeInTime() throws Exception {
        try (TestBroker kafka = TestBroker.start()) {
            throttleEveryProducer(kafka.bootstrapServers(), QUOTA_BYTES_PER_SECOND);
            Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                    .bind("127.0.0.1").delivery(DeliveryMode.ASYNC).maxQueuedRecords(MAX_QUEUED_RECORDS)
                    .producerProperty("delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT.toMillis()))
                    .producerProperty("request.timeout.ms", "5000")
                    .build());
            ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger refusedWrongly = new AtomicInteger();
            AtomicLong highestLimit = new AtomicLong();
            try {
                long end = System.nanoTime() + LOAD.toNanos();
                List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int client = t;
                    clients.add(Thread.ofPlatform().start(() -> post(gateway.port(), client, end, accepted, statuses,
                            refusedWrongly)));
                }
                while (System.nanoTime() < end) {
                    highestLimit.accumulateAndGet(gauge(gateway.port(), "sluice_queued_records_limit"), Math::max);
                    Thread.sleep(500);
                }
                for (Thread c : clients) {
                    assertThat(c.join(Duration.ofSeconds(30))).as("client finished").isTrue();
                }
            } finally {
                gateway.close(); // flushes: every queued record is delivered or expired by now
            }
            System.out.printf("slow broker: statuses=%s, 202 answered=%d, highest limit=%d%n", statuses,
                    accepted.size(), highestLimit.get());

            Set<String> inKafka = new HashSet<>(KafkaRecords.allValues(kafka.bootstrapServers(), "events",
                    Duration.ofSeconds(60)));
            List<String> lost = accepted.stream().filter(id -> !inKafka.contains(id)).toList();
            assertThat(lost.size()).as("records answered 202 (of %d) but not in Kafka, e.g. %s", accepted.size(),
                    lost.stream().limit(2).toList()).isZero();
            assertThat(statuses.keySet()).containsOnly(202, 503);
            assertThat(statuses.get(503).get()).as("the excess was refused").isPositive();
            assertThat(accepted).as("and Kafka's share accepted").hasSizeGreaterThan(100);
            assertThat(refusedWrongly.get()).as("503s without Retry-After or buffer_full").isZero();
            assertThat(highestLimit.get()).as("the limit followed Kafka's rate, below --max-queued-records")
                    .isBetween((long) MAX_QUEUED_RECORDS / 10, (long) MAX_QUEUED_RECORDS - 1);
        }
    }

    /** One keep-alive client: POSTs unique, incompressible records until {@code end}. */
    private static void post(int port, int client, long end, ConcurrentLinkedQueue<String> accepted,
                             Map<Integer, AtomicInteger> statuses, AtomicInteger refusedWrongly) {
        Random random = new Random(client);
        byte[] padding = new byte[100];
        try (HttpConnection c = new HttpConnection(port)) {
            for (int i = 0; System.nanoTime() < end; i++) {
                random.nextBytes(padding); // random hex: lz4 cannot shrink it, so the byte quota bites in records
                String id = "c" + client + "-" + i + "-" + HexFormat.of().formatHex(padding);
                Response r = c.exchange(HttpConnection.post("/topics/events", id.getBytes(StandardCharsets.UTF_8)));
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() == 202) {
                    accepted.add(id);
                } else if (r.status() == 503) {
                    if (r.header("Retry-After") == null || !r.bodyText().contains("\"buffer_full\"")) {
                        refusedWrongly.incrementAndGet();
                    }
                    Thread.sleep(5); // a client that backs off a little, as Retry-After asks
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gauge's value from GET /metrics. */
    private static long gauge(int port, String name) throws Exception {
        try (HttpConnection c = new HttpConnection(port)) {
            for (String line : c.exchange(HttpConnection.get("/metrics")).bodyText().split("\n")) {
                if (line.startsWith(name + " ")) {
                    return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
                }
            }
        }
        throw new AssertionError(name + " is not in /metrics");
    }

    /** A Kafka quota on the default client entity, as {@code sluice soak --broker-quota} sets it. */
    private static void throttleEveryProducer(String bootstrap, long bytesPerSecond) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        ClientQuotaEntity everyClient = new ClientQuotaEntity(java.util.Collections.singletonMap(
                ClientQuotaEntity.CLIENT_ID, null));
        try (Admin admin = Admin.create(p)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(everyClient, List.of(
                    new ClientQuotaAlteration.Op("producer_byte_rate", (double) bytesPerSecond)))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}

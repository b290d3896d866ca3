package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.TestBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Offered load far above what the producer's buffer can hold: the gateway sheds load at once with 503 +
 * Retry-After (buffer_full) instead of queueing, acknowledges only what Kafka took, and serves normally
 * once the load drops. The buffer (buffer.memory) is the bound on what the gateway holds for Kafka.
 */
@Timeout(120)
class OverloadTest {

    @Test
    void shouldShedLoadFastWhenTheProducerBufferIsFullAndRecover() throws Exception {
        try (TestBroker kafka = TestBroker.start();
             Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                     .bind("127.0.0.1").delivery(DeliveryMode.ACK).maxBodySize(64 * 1024)
                     .producerProperty("batch.size", "16384").producerProperty("buffer.memory", "65536")
                     .build())) {
            long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
            byte[] body = new byte[16_000];
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
            AtomicLong slowestRefusalMillis = new AtomicLong();
            long end = System.nanoTime() + 3_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    try (HttpConnection c = new HttpConnection(gateway.port())) {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            Response r = c.exchange(HttpConnection.post("/topics/single", body));
                            statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                            if (r.status() == 503) {
                                slowestRefusalMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000,
                                        Math::max);
                                if (r.header("Retry-After") == null || !r.bodyText().contains("buffer_full")) {
                                    refusedWithoutRetryAfter.incrementAndGet();
                                }
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : clients) {
                t.join(30_000);
            }
            System.out.printf("overload: statuses=%s slowest refusal=%d ms%n", statuses, slowestRefusalMillis.get());

            assertThat(statuses.keySet()).containsOnly(200, 503);
            assertThat(statuses.get(503).get()).as("load was shed").isPositive();
            assertThat(statuses.get(200).get()).as("and some served").isPositive();
            assertThat(refusedWithoutRetryAfter.get()).isZero();
            assertThat(slowestRefusalMillis.get()).as("refusals are immediate").isLessThan(1_000);
            assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single") - before)
                    .as("records in Kafka = 200 answers").isEqualTo(statuses.get(200).get());
            try (HttpConnection c = new HttpConnection(gateway.port())) {
                assertThat(c.exchange(HttpConnection.post("/topics/single", body)).status())
                        .as("served again once the load dropped").isEqualTo(200);
            }
        }
    }
}

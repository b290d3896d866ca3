package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fire-and-forget delivery: 202 once queued, and every queued record is in Kafka after shutdown. */
@Timeout(120)
class AsyncDeliveryTest {
    private static TestBroker kafka;

    @BeforeAll
    static void start() {
        kafka = TestBroker.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void shouldAnswer202OnceQueuedAndFlushEveryRecordOnClose() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .delivery(DeliveryMode.ASYNC).producerProperty("linger.ms", "200").build());
        int accepted = 0;
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            for (int i = 0; i < 50; i++) {
                Response r = c.exchange(post("/topics/single", ("r" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(r.status()).isEqualTo(202);
                assertThat(r.bodyText()).isEqualTo("{\"accepted\":1}");
                accepted++;
            }
            Response batch = c.exchange(post("/topics/single", "{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8),
                    "Content-Type: application/x-ndjson"));
            assertThat(batch.status()).isEqualTo(202);
            assertThat(batch.bodyText()).isEqualTo("{\"accepted\":3}");
            accepted += 3;
        } finally {
            gateway.close();
        }
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single") - before).isEqualTo(accepted);
    }

    @Test
    void shouldStillAnswer404ForAnUnknownTopicInAsyncMode() throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                .bind("127.0.0.1").delivery(DeliveryMode.ASYNC).build());
             HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/topics/missing", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).isEqualTo(404);
        }
    }
}

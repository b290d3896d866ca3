package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fire-and-forget delivery: 202 once queued, and every queued record is in Kafka after shutdown. On every
 * runtime x HTTP-style combination, one broker for the class; each test starts its own gateway, because the
 * first one proves what closing it flushes.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class AsyncDeliveryTest extends SharedBrokerTest {

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    private Gateway start(GatewayConfig.Builder config) {
        return Gateway.start(config.port(0).bind("127.0.0.1").io(io).http(http).ioThreads(2)
                .delivery(DeliveryMode.ASYNC).build());
    }

    @Test
    void shouldAnswer202OnceQueuedAndFlushEveryRecordOnClose() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        // A long linger keeps the records in the producer until close() flushes them.
        Gateway gateway = start(GatewayConfig.builder(kafka.bootstrapServers()).producerProperty("linger.ms", "200"));
        String run = io + "-" + http + "-";
        List<String> accepted = new ArrayList<>();
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            for (int i = 0; i < 50; i++) {
                Response r = c.exchange(post("/topics/single", (run + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(r.status()).isEqualTo(202);
                assertThat(r.bodyText()).isEqualTo("{\"accepted\":1}");
                accepted.add(run + i);
            }
            Response batch = c.exchange(post("/topics/single",
                    ("\"" + run + "a\"\n\"" + run + "b\"\n\"" + run + "c\"\n").getBytes(StandardCharsets.UTF_8),
                    "Content-Type: application/x-ndjson"));
            assertThat(batch.status()).isEqualTo(202);
            assertThat(batch.bodyText()).isEqualTo("{\"accepted\":3}");
            accepted.addAll(List.of("\"" + run + "a\"", "\"" + run + "b\"", "\"" + run + "c\""));
        } finally {
            gateway.close();
        }
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single") - before)
                .as("records the topic gained").isEqualTo(accepted.size());
        List<String> inKafka = KafkaRecords.read(kafka.bootstrapServers(), "single", 0, before, accepted.size())
                .stream().map(ConsumerRecord::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
        assertThat(inKafka).as("every 202'd record, in request order").containsExactlyElementsOf(accepted);
    }

    @Test
    void shouldStillAnswer404ForAnUnknownTopicInAsyncMode() throws Exception {
        try (Gateway gateway = start(GatewayConfig.builder(kafka.bootstrapServers()));
             HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/topics/missing", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).isEqualTo(404);
        }
    }
}

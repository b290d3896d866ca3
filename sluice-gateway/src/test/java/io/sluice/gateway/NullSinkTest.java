package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** --sink none: the benchmark's HTTP-only baseline answers like the real thing and needs no Kafka. */
@Timeout(60)
class NullSinkTest {

    private static Gateway start(DeliveryMode delivery) {
        // Nothing listens on port 1: the null sink must not need Kafka at all.
        return Gateway.start(GatewayConfig.builder("127.0.0.1:1").port(0).bind("127.0.0.1").sink(SinkKind.NONE)
                .delivery(delivery).build());
    }

    @Test
    void shouldAcknowledgeWithoutKafkaInAckMode() throws Exception {
        try (Gateway gateway = start(DeliveryMode.ACK); HttpConnection c = new HttpConnection(gateway.port())) {
            assertThat(c.exchange(get("/readyz")).status()).isEqualTo(200);
            HttpConnection.Response first = c.exchange(post("/topics/anything", "a".getBytes(StandardCharsets.UTF_8)));
            HttpConnection.Response second = c.exchange(post("/payload", "b".getBytes(StandardCharsets.UTF_8)));
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).contains("\"topic\":\"anything\"", "\"offset\":0");
            assertThat(second.bodyText()).contains("\"topic\":\"events\"", "\"offset\":1");
        }
    }

    @Test
    void shouldAnswer202InAsyncMode() throws Exception {
        try (Gateway gateway = start(DeliveryMode.ASYNC); HttpConnection c = new HttpConnection(gateway.port())) {
            HttpConnection.Response r = c.exchange(post("/topics/t", "{}\n{}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type: application/x-ndjson"));
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.bodyText()).isEqualTo("{\"accepted\":2}");
        }
    }
}

package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Readiness and produce answers follow the broker going down and coming back, without a restart. */
@Timeout(120)
class ReadinessTest {
    private static TestBroker kafka;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        kafka = TestBroker.start();
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1").build());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        kafka.close();
    }

    private static Response send(byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }

    /** Polls /readyz until its status matches, at most {@code seconds}; returns the seconds it took. */
    private static double awaitReadiness(IntPredicate status, int seconds) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            if (status.test(send(get("/readyz")).status())) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not change within " + seconds + " s");
    }

    @Test
    void shouldTurnUnreadyAndRefuseFastWhileTheBrokerIsDownThenRecover() throws Exception {
        assertThat(send(get("/readyz")).status()).isEqualTo(200);
        assertThat(send(post("/topics/events", "before".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);

        kafka.stop();
        awaitReadiness(s -> s == 503, 15);
        Response ready = send(get("/readyz"));
        assertThat(ready.header("Retry-After")).isNotNull();
        assertThat(ready.bodyText()).contains("not_ready");

        long start = System.nanoTime();
        Response refused = send(post("/topics/events", "during".getBytes(StandardCharsets.UTF_8)));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.bodyText()).contains("kafka_unavailable");
        assertThat(send(get("/healthz")).status()).isEqualTo(200);

        kafka.restart();
        awaitReadiness(s -> s == 200, 20);
        assertThat(send(post("/topics/events", "after".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
    }
}

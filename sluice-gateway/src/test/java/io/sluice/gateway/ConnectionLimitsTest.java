package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Limits that keep slow, idle or too many clients from pinning resources, and topic restrictions, on
 * every runtime x HTTP-style combination (accept and timeouts are runtime-specific code).
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class ConnectionLimitsTest extends SharedBrokerTest {
    private static Gateway gateway;

    /** The combination under test (field injection; the lifecycle methods receive it as arguments). */
    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2)
                .headerReadTimeout(Duration.ofMillis(300)).idleTimeout(Duration.ofMillis(600))
                .defaultTopic("").topicAllowList(List.of("events")).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void shouldAnswer408AndCloseWhenTheHeadArrivesTooSlowly() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\n");
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.bodyText()).contains("request_timeout");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldCloseAnIdleKeepAliveConnection() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port(), 5_000)) {
            assertThat(c.exchange(get("/healthz")).status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(c.isClosedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(300L, 4_000L);
        }
    }

    @Test
    void shouldRefuseConnectionsBeyondTheLimit() throws Exception {
        // A gateway of its own: connections other tests just closed may not be counted down yet.
        try (Gateway limited = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                .bind("127.0.0.1").io(io).http(http).ioThreads(2).maxConnections(3).build());
             HttpConnection a = new HttpConnection(limited.port());
             HttpConnection b = new HttpConnection(limited.port());
             HttpConnection c = new HttpConnection(limited.port())) {
            for (HttpConnection conn : List.of(a, b, c)) {
                conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(conn.readResponse().status()).isEqualTo(200);
            }
            try (HttpConnection refused = new HttpConnection(limited.port(), 2_000)) {
                assertThat(refused.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void shouldAnswer404ForOtherPathsWhenTheDefaultTopicIsDisabled() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/payload", "{\"data\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).isEqualTo(404);
        }
    }

    @Test
    void shouldAnswer404ForATopicOutsideTheAllowList() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/topics/single", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.bodyText()).contains("--topics");
            assertThat(c.exchange(post("/topics/events", "x".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(200);
        }
    }
}

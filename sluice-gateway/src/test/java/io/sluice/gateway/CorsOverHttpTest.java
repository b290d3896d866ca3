package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.ApiKeys;
import io.sluice.gateway.access.Authorizer;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CORS (issue 11) on every runtime x HTTP style, byte for byte, against a real broker, with API-key
 * authentication on: a preflight carries no credentials and is answered, not refused with 401; answers
 * to an allowed origin (successes, 404, and the gate's 401) carry the CORS headers; an unlisted origin
 * gets none. The browser's side of it is {@link BrowserTest}.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(60)
class CorsOverHttpTest extends SharedBrokerTest {
    private static final String ALLOWED = "https://app.example.com";
    private static Path keys;
    private static String key;
    private static Gateway gateway;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    @BeforeAll
    static void keys() throws Exception {
        keys = Files.createTempFile("sluice-cors-keys", ".txt");
        ApiKeys.NewKey k = ApiKeys.newKey("web", Instant.now(), new SecureRandom());
        Files.writeString(keys, ApiKeys.format(List.of(k.entry())));
        key = k.key();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Files.deleteIfExists(keys);
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        AccessSettings access = new AccessSettings(List.of(), keys, null, null, null, null, false,
                Authorizer.ALLOW_ALL, QuotaGate.UNLIMITED, 1000, Duration.ofMinutes(1));
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).access(access).corsOrigins(List.of(ALLOWED, "http://localhost:3000"))
                .build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    private static Response send(byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }

    private static byte[] preflight(String origin, String requestHeaders) {
        return ("OPTIONS /topics/events HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
                + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: " + requestHeaders
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldAnswerAPreflightWithoutCredentialsDespiteAuthentication() throws Exception {
        Response r = send(preflight(ALLOWED, "content-type,x-api-key,kafka-key,x-not-read"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-api-key, kafka-key");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(r.header("Vary")).contains("Origin");
        assertThat(r.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS"); // discovery, and produce
        assertThat(r.body()).isEmpty();
    }

    @Test
    void shouldAddCorsHeadersToAPublishedAnswerForAnAllowedOrigin() throws Exception {
        Response r = send(post("/topics/events", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "Origin: " + ALLOWED, "Content-Type: application/json", "X-API-Key: " + key));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(r.header("Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(r.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void shouldAddCorsHeadersToErrorsIncludingTheGatesRefusal() throws Exception {
        Response unknown = send(post("/topics/no-such-topic", "x".getBytes(StandardCharsets.UTF_8),
                "Origin: " + ALLOWED, "X-API-Key: " + key));
        Response unauthenticated = send(post("/topics/events", "x".getBytes(StandardCharsets.UTF_8),
                "Origin: " + ALLOWED));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(unauthenticated.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
    }

    @Test
    void shouldGiveAnUnlistedOriginNoCorsHeaders() throws Exception {
        Response pre = send(preflight("https://evil.example", "content-type"));
        Response post = send(post("/topics/events", "x".getBytes(StandardCharsets.UTF_8),
                "Origin: https://evil.example", "X-API-Key: " + key));

        assertThat(pre.status()).isEqualTo(200);
        assertThat(pre.header("Access-Control-Allow-Origin")).isNull();
        assertThat(pre.header("Access-Control-Allow-Methods")).isNull();
        assertThat(post.header("Access-Control-Allow-Origin")).isNull();
        assertThat(post.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void shouldAnswerOptionsWithAllowPerPathAnd404ForNoPath() throws Exception {
        Response health = send("OPTIONS /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Response server = send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Response topics = send("OPTIONS /topics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Response partition = send("OPTIONS /topics/events/partitions/0 HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        Response none = send("OPTIONS /v3/no-such-path HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(server.status()).isEqualTo(200);
        assertThat(server.header("Allow")).isEqualTo("GET, HEAD, POST, PUT, OPTIONS"); // PUT: v3 streamed records
        assertThat(topics.header("Allow")).isEqualTo("GET, HEAD, OPTIONS"); // discovery only
        assertThat(partition.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(none.status()).isEqualTo(404);
    }
}

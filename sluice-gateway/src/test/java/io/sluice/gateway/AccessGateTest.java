package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.concat;
import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.ApiKeys;
import io.sluice.gateway.access.Authorizer;
import io.sluice.gateway.access.BasicUsers;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.http.OpenApiDocument;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
 * The access gate at head time on every runtime x HTTP style, against a real broker: API keys (Bearer and
 * X-API-Key), 401 with a challenge, 403 before any topic lookup, 429 from the quota with its Retry-After,
 * nothing published for a refused request, pipelined requests behind a refusal not processed, and the
 * principal header that a client cannot spoof; HTTP Basic, whose password check runs off the I/O thread
 * (a pending admission), with pipelined requests behind it answered in order. The ACL and quota here are tiny in-test implementations
 * of {@link Authorizer} and {@link QuotaGate}.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(60)
class AccessGateTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "sluice-principal";
    private static Path dir;
    private static String aliceKey;
    private static String slowKey;
    private static Gateway gateway;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    /** alice may produce to "events" only; "slow" may produce anywhere and is always over quota. */
    static final Authorizer ACL = (who, topic) -> who.name().equals("slow") || topic.equals("events");
    static final QuotaGate QUOTA = new QuotaGate() {
        @Override
        public long tryAcquire(Principal who, long bytes) {
            return who.name().equals("slow") ? TimeUnit.MILLISECONDS.toNanos(1_500) : 0;
        }

        @Override
        public void charge(Principal who, long bytes) {
            CHARGED.add(who.name() + " " + bytes);
        }
    };
    static final java.util.Queue<String> CHARGED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    static void keys() throws Exception {
        dir = Files.createTempDirectory("sluice-access");
        SecureRandom r = new SecureRandom();
        ApiKeys.NewKey alice = ApiKeys.newKey("alice", Instant.now(), r);
        ApiKeys.NewKey slow = ApiKeys.newKey("slow", Instant.now(), r);
        Files.writeString(dir.resolve("keys.txt"), ApiKeys.format(List.of(alice.entry(), slow.entry())));
        aliceKey = alice.key();
        Files.writeString(dir.resolve("users.txt"), BasicUsers.line("alice", "pa55".toCharArray(), 1000, r) + "\n");
        slowKey = slow.key();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        AccessSettings access = new AccessSettings(List.of(), dir.resolve("keys.txt"), null, null,
                dir.resolve("users.txt"), HEADER,
                false, ACL, QUOTA, 1000, Duration.ofMinutes(1));
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).access(access).build());
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

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPublishWithABearerKeyAndStampThePrincipalOverASpoofedHeader() throws Exception {
        Response r = send(post("/topics/events", body("hi"), "Authorization: Bearer " + aliceKey,
                "Kafka-Header-" + HEADER + ": mallory", "Kafka-Header-trace: t1"));

        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        JsonNode pos = JSON.readTree(r.body());
        ConsumerRecord<byte[], byte[]> rec = KafkaRecords.at(kafka.bootstrapServers(), "events",
                pos.get("partition").asInt(), pos.get("offset").asLong());
        List<String> principals = new java.util.ArrayList<>();
        for (Header h : rec.headers().headers(HEADER)) {
            principals.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(principals).containsExactly("alice");
        assertThat(new String(rec.headers().lastHeader("trace").value(), StandardCharsets.UTF_8)).isEqualTo("t1");
    }

    @Test
    void shouldAcceptTheKeyInXApiKey() throws Exception {
        assertThat(send(post("/topics/events", body("x"), "X-API-Key: " + aliceKey)).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401WithAChallengeAndOnlyMissingOrInvalidAndPublishNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events");

        Response missing = send(post("/topics/events", body("no key")));
        Response wrong = send(post("/topics/events", body("bad key"), "Authorization: Bearer " + aliceKey + "x"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).as("the last of two challenges")
                .isEqualTo("Basic realm=\"sluice\", charset=\"UTF-8\"");
        assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("unauthorized");
        assertThat(JSON.readTree(missing.body()).get("reason").asText()).isEqualTo("missing");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("reason").asText()).isEqualTo("invalid");
        assertThat(wrong.bodyText()).doesNotContain(aliceKey).doesNotContain("alice");
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events")).isEqualTo(before);
    }

    @Test
    void shouldAnswer403NamingTheTopicBeforeRevealingWhetherItExists() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");

        Response existing = send(post("/topics/single", body("x"), "Authorization: Bearer " + aliceKey));
        Response absent = send(post("/topics/no-such-topic", body("x"), "Authorization: Bearer " + aliceKey));

        assertThat(existing.status()).isEqualTo(403);
        assertThat(JSON.readTree(existing.body()).get("error").asText()).isEqualTo("forbidden");
        assertThat(JSON.readTree(existing.body()).get("message").asText()).contains("'single'");
        assertThat(absent.status()).as("not 404").isEqualTo(403);
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldAnswer429WithARetryAfterFromTheQuota() throws Exception {
        Response r = send(post("/topics/single", body("x"), "Authorization: Bearer " + slowKey));

        assertThat(r.status()).isEqualTo(429);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("quota_exceeded");
        assertThat(r.header("Retry-After")).as("1.5 s rounded up").isEqualTo("2");
    }

    @Test
    void shouldAnswerAndCloseOnARefusalWithoutProcessingThePipelinedRequestsBehindIt() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events");
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(concat(post("/topics/events", body("first"), "Authorization: Bearer " + aliceKey),
                    post("/topics/events", body("refused")),
                    post("/topics/events", body("behind"), "Authorization: Bearer " + aliceKey)));

            assertThat(c.readResponse().status()).isEqualTo(200);
            Response refused = c.readResponse();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(c.isClosedByServer()).isTrue();
        }
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events")).isEqualTo(before + 1);
    }

    @Test
    void shouldServeHealthAndMetricsWithoutCredentialsAndNeverShowAKeyInMetrics() throws Exception {
        send(post("/topics/events", body("x"), "Authorization: Bearer " + aliceKey + "typo"));

        assertThat(send(get("/healthz")).status()).isEqualTo(200);
        Response metrics = send(get("/metrics"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.bodyText()).contains("sluice_auth_failures_total{method=\"api-key\",reason=\"invalid\"}")
                .contains("sluice_forbidden_total").doesNotContain(aliceKey).doesNotContain(slowKey);
    }

    @Test
    void shouldServeTheOpenApiDocumentWithoutCredentials() throws Exception {
        Response r = send(get("/openapi.json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(OpenApiDocument.bytes());
        assertThat(send(post("/topics/events", body("x"))).status()).isEqualTo(401); // the gate is on
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAcceptBasicCredentialsCheckedOffTheIoThreadAndRefuseAWrongPassword() throws Exception {
        assertThat(send(post("/topics/events", body("basic"), basic("alice", "pa55"))).status()).isEqualTo(200);
        Response wrong = send(post("/topics/events", body("basic"), basic("alice", "guess")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("reason").asText()).isEqualTo("invalid");
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrderBehindAPasswordCheck() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events");
        String fresh = "fresh-" + System.nanoTime(); // a wrong password is never cached: always checked off-thread
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(concat(post("/topics/events", body("one"), basic("alice", "pa55")),
                    post("/topics/events", body("two"), "X-API-Key: " + aliceKey),
                    get("/healthz"),
                    post("/topics/events", new byte[0], basic("alice", fresh)),
                    post("/topics/events", body("never"), "X-API-Key: " + aliceKey)));

            assertThat(c.readResponse().status()).isEqualTo(200);
            assertThat(c.readResponse().status()).isEqualTo(200);
            assertThat(c.readResponse().status()).isEqualTo(200);
            assertThat(c.readResponse().status()).isEqualTo(401);
            assertThat(c.isClosedByServer()).isTrue();
        }
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events")).isEqualTo(before + 2);
    }

    @Test
    void shouldChargeTheBytesOfAChunkedBodyToThePrincipalOnceRead() throws Exception {
        CHARGED.clear();
        byte[] chunked = ("POST /topics/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + aliceKey
                + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(send(chunked).status()).isEqualTo(200);
        assertThat(CHARGED).containsExactly("alice 11");
    }
}

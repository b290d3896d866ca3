package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.AuthMethod;
import io.sluice.gateway.access.Authorizer;
import io.sluice.gateway.access.JwtAuthenticator;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JWT bearer tokens end to end, with the JWKS served over HTTP by the test: the groups claim decides
 * (through an in-test {@link Authorizer}: group "writers" may produce to "events"), the principal header
 * carries the subject into Kafka, and wrong tokens get 401 with only "invalid" or "expired". Then the
 * failed-authentication throttle: 429 with Retry-After, and recovery when its window ends.
 */
@ParameterizedClass(name = "{0} + {1}")
@CsvSource({"NIO, CODEC", "VIRTUAL, RAW", "EPOLL, RAW"})
@Timeout(90)
class JwtOverHttpTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Authorizer WRITERS = (who, topic) -> who.groups().contains("writers") && topic.equals("events");
    private static RSAKey key;
    private static HttpServer jwks;
    private static Gateway gateway;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    @BeforeAll
    static void serveJwks() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] set = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", ex -> {
            ex.sendResponseHeaders(200, set.length);
            ex.getResponseBody().write(set);
            ex.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stopJwks() {
        jwks.stop(0);
    }

    private static AccessSettings settings(int failureLimit, Duration window) {
        return new AccessSettings(List.of(AuthMethod.JWT), null,
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                new JwtAuthenticator.Settings("https://idp.example", "sluice", "sub", "groups", Duration.ofSeconds(5)),
                null, "sluice-principal", false, WRITERS, QuotaGate.UNLIMITED, failureLimit, window);
    }

    private static Gateway start(IoMode io, HttpStyle http, AccessSettings access) {
        return Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).access(access).build());
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        gateway = start(io, http, settings(1000, Duration.ofMinutes(1)));
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        gateway.close();
    }

    private static JWTClaimsSet.Builder claims(List<String> groups) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().subject("svc-orders").issuer("https://idp.example").audience("sluice")
                .expirationTime(new Date(now + 300_000)).claim("groups", groups);
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Response produce(Gateway g, String token) throws Exception {
        try (HttpConnection c = new HttpConnection(g.port())) {
            return c.exchange(post("/topics/events", "hi".getBytes(StandardCharsets.UTF_8),
                    "Authorization: Bearer " + token));
        }
    }

    private static String reason(Response r) throws Exception {
        return JSON.readTree(r.body()).get("reason").asText();
    }

    @Test
    void shouldProduceWithAValidTokenAsItsSubject() throws Exception {
        Response r = produce(gateway, signed(claims(List.of("writers")).build()));

        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        JsonNode pos = JSON.readTree(r.body());
        ConsumerRecord<byte[], byte[]> rec = KafkaRecords.at(kafka.bootstrapServers(), "events",
                pos.get("partition").asInt(), pos.get("offset").asLong());
        assertThat(new String(rec.headers().lastHeader("sluice-principal").value(), StandardCharsets.UTF_8))
                .isEqualTo("svc-orders");
    }

    @Test
    void shouldAnswer403WhenTheGroupsClaimLacksTheGroupTheRulesName() throws Exception {
        assertThat(produce(gateway, signed(claims(List.of("readers")).build())).status()).isEqualTo(403);
    }

    @Test
    void shouldAnswer401ExpiredOrInvalidAndNothingMoreSpecific() throws Exception {
        long now = System.currentTimeMillis();
        Response expired = produce(gateway, signed(claims(List.of("writers"))
                .expirationTime(new Date(now - 60_000)).build()));
        Response audience = produce(gateway, signed(claims(List.of("writers")).audience("other").build()));
        Response none = produce(gateway, new PlainJWT(claims(List.of("writers")).build()).serialize());
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims(List.of("writers")).build());
        hs.sign(new MACSigner(key.toPublicKey().getEncoded()));
        Response confused = produce(gateway, hs.serialize());

        assertThat(expired.status()).isEqualTo(401);
        assertThat(reason(expired)).isEqualTo("expired");
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sluice\"");
        for (Response r : List.of(audience, none, confused)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(reason(r)).isEqualTo("invalid");
            assertThat(r.bodyText()).doesNotContain("aud").doesNotContain("alg").doesNotContain("signature");
        }
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            assertThat(c.exchange(get("/metrics")).bodyText())
                    .contains("sluice_auth_failures_total{method=\"jwt\",reason=\"expired\"}");
        }
    }

    @Test
    void shouldThrottleAnAddressAfterRepeatedFailuresAndLetItBackAfterTheWindow() throws Exception {
        Gateway g = start(io, http, settings(3, Duration.ofSeconds(2)));
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(produce(g, "not-a-token-" + i).status()).isEqualTo(401);
            }
            Response throttled = produce(g, signed(claims(List.of("writers")).build()));
            assertThat(throttled.status()).as("even with a good token, from this address").isEqualTo(429);
            assertThat(JSON.readTree(throttled.body()).get("error").asText()).isEqualTo("too_many_failures");
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);

            Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000 + 100);
            assertThat(produce(g, signed(claims(List.of("writers")).build())).status()).isEqualTo(200);
            try (HttpConnection c = new HttpConnection(g.port())) {
                assertThat(c.exchange(get("/metrics")).bodyText()).contains("sluice_throttled_total{kind=\"auth\"} 1.0");
            }
        } finally {
            g.close();
        }
    }
}

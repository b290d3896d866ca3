package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.AclAuthorizer;
import io.sluice.gateway.access.ApiKeys;
import io.sluice.gateway.access.AuthMethod;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identity, authorization and the principal header together over real TLS handshakes on every runtime:
 * a TLS-only gateway accepting mTLS and API keys, with an ACL file. The principal of a client certificate
 * (its CN) and of an API key are both authorized by the ACL and stamped on the record read back from
 * Kafka; a topic outside the caller's rules is 403; neither certificate nor key is 401.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("runtimes")
@Timeout(120)
class IdentityOverTlsTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "sluice-principal";
    private static final String ACL = """
            rules:
              - principal: alice          # the client certificate's CN
                topics: ["events"]
                allow: [produce]
              - principal: bob            # an API key's principal
                topics: ["ev*"]
                allow: [produce]
            """;

    @TempDir
    static Path dir;
    static TestPki pki;
    static Issued alice;
    static String bobKey;
    static Gateway gateway;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    static Stream<Arguments> runtimes() {
        return Stream.of(Arguments.of(IoMode.NIO, HttpStyle.CODEC), Arguments.of(IoMode.EPOLL, HttpStyle.RAW),
                Arguments.of(IoMode.IO_URING, HttpStyle.RAW), Arguments.of(IoMode.VIRTUAL, HttpStyle.RAW));
    }

    @BeforeAll
    static void createIdentities() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        alice = pki.client("alice");
        ApiKeys.NewKey bob = ApiKeys.newKey("bob", Instant.now(), new SecureRandom());
        Files.writeString(dir.resolve("keys.txt"), ApiKeys.format(List.of(bob.entry())));
        bobKey = bob.key();
        Files.writeString(dir.resolve("acl.yaml"), ACL);
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) throws Exception {
        Issued server = pki.server("server-" + io.cliName());
        TlsSettings tls = TlsSettings.pem(pki.chainFile(server, "server-" + io.cliName()), server.keyFile())
                .withReloadInterval(Duration.ZERO)
                .withClientAuth(pki.ca().certFile(), ClientAuth.OPTIONAL, PrincipalSource.CN);
        AclAuthorizer acl = AclAuthorizer.fromFile(dir.resolve("acl.yaml"));
        AccessSettings access = new AccessSettings(List.of(AuthMethod.MTLS, AuthMethod.API_KEY),
                dir.resolve("keys.txt"), null, null, null, HEADER, false, acl, QuotaGate.UNLIMITED,
                AccessSettings.DEFAULT_FAILURE_LIMIT, AccessSettings.DEFAULT_FAILURE_WINDOW);
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).bind("127.0.0.1").port(0)
                .plaintext(false).tlsPort(0).tls(tls).io(io).http(http).ioThreads(2).access(access).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    private static HttpResponse<String> post(SSLContext ctx, String topic, String body, String... headers)
            throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest.Builder req = HttpRequest.newBuilder(
                    URI.create("https://localhost:" + gateway.tlsPort() + "/topics/" + topic))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                req.headers(headers);
            }
            return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ConsumerRecord<byte[], byte[]> recordOf(HttpResponse<String> answer) throws Exception {
        JsonNode position = JSON.readTree(answer.body());
        return KafkaRecords.at(kafka.bootstrapServers(), position.get("topic").asText(),
                position.get("partition").asInt(), position.get("offset").asLong());
    }

    private static String header(ConsumerRecord<byte[], byte[]> rec) {
        return new String(rec.headers().lastHeader(HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldAuthorizeTheClientCertificatesPrincipalAndStampItOnTheRecord() throws Exception {
        HttpResponse<String> r = post(pki.clientContext(alice), "events", "mtls-" + io,
                "Kafka-Header-" + HEADER, "mallory");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ConsumerRecord<byte[], byte[]> rec = recordOf(r);
        assertThat(new String(rec.value(), StandardCharsets.UTF_8)).isEqualTo("mtls-" + io);
        assertThat(header(rec)).isEqualTo("alice");
        assertThat(rec.headers().headers(HEADER)).hasSize(1);
    }

    @Test
    void shouldRefuseATopicOutsideTheCertificatePrincipalsRulesWith403() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");

        HttpResponse<String> r = post(pki.clientContext(alice), "single", "not-allowed");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("forbidden");
        assertThat(r.body()).contains("single");
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldAcceptAnApiKeyOverTlsWithoutAClientCertificate() throws Exception {
        HttpResponse<String> r = post(pki.clientContext(null), "events", "key-" + io, "X-API-Key", bobKey);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(header(recordOf(r))).isEqualTo("bob");
    }

    @Test
    void shouldAnswer401WithAChallengeWhenNeitherCertificateNorKeyIsPresented() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events");

        HttpResponse<String> r = post(pki.clientContext(null), "events", "anonymous");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "events")).isEqualTo(before);
    }
}

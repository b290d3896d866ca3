package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.kafka.embedded.BrokerTls;
import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import io.sluice.kafka.embedded.KeyStorePki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The gateway produces to a secured cluster with nothing but producer properties: SASL_SSL with SCRAM, and
 * mTLS; a wrong password keeps it unready and never shows the password. One real broker for the class,
 * with both secured listeners; every record is read back through the secured listener it was written to.
 */
@Timeout(120)
class SecuredKafkaTest {
    private static final String USER = "sluice-gateway";
    private static final String PASSWORD = "s3cret-Scram-pw";
    private static final String WRONG_PASSWORD = "wrong-Scram-pw-123";

    @TempDir
    static Path dir;

    private static KeyStorePki pki;
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        pki = KeyStorePki.create(dir, USER);
        kafka = EmbeddedKafkaBroker.builder()
                .dataDir(dir.resolve("kafka"))
                .brokerPort(0)
                .topic("events", 2)
                .config("auto.create.topics.enable", "false")
                .saslSslListener(BrokerTls.keyStoreOnly(pki.serverStore(), KeyStorePki.PASSWORD))
                .sslListener(new BrokerTls(pki.serverStore(), KeyStorePki.PASSWORD, pki.caStore(), KeyStorePki.PASSWORD))
                .scramUser(USER, PASSWORD)
                .build()
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldDeliverEveryRecordThroughSaslSslWithScramSha512() throws Exception {
        Map<String, String> client = scram(PASSWORD);
        try (Gateway gateway = Gateway.start(config(kafka.saslSslBootstrapServers(), client))) {
            awaitReady(gateway);

            List<String> sent = postRecords(gateway, "scram");

            assertThat(KafkaRecords.allValues(kafka.saslSslBootstrapServers(), "events", Duration.ofSeconds(20), client))
                    .containsAll(sent);
        }
    }

    @Test
    void shouldDeliverEveryRecordThroughMutualTls() throws Exception {
        Map<String, String> client = mutualTls();
        try (Gateway gateway = Gateway.start(config(kafka.sslBootstrapServers(), client))) {
            awaitReady(gateway);

            List<String> sent = postRecords(gateway, "mtls");

            assertThat(KafkaRecords.allValues(kafka.sslBootstrapServers(), "events", Duration.ofSeconds(20), client))
                    .containsAll(sent);
        }
    }

    @Test
    void shouldStayUnreadyAndRefuseWritesWithoutRevealingAWrongPassword() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        List<String> bodies = new ArrayList<>();
        try (Gateway gateway = Gateway.start(config(kafka.saslSslBootstrapServers(), scram(WRONG_PASSWORD)))) {
            Thread.sleep(3000); // several health probes, each refused by the broker

            Response ready = send(gateway, get("/readyz"));
            Response produce = send(gateway, post("/topics/events", "never".getBytes(StandardCharsets.UTF_8)));
            Response metrics = send(gateway, get("/metrics"));
            bodies.add(ready.bodyText());
            bodies.add(produce.bodyText());
            bodies.add(metrics.bodyText());

            assertThat(ready.status()).isEqualTo(503);
            assertThat(produce.status()).isEqualTo(503);
            assertThat(ready.bodyText()).contains("credentials");
        } finally {
            root.detachAppender(logs);
        }
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.contains("Kafka refused the gateway's credentials"));
        assertThat(lines).noneMatch(l -> l.contains(WRONG_PASSWORD));
        assertThat(bodies).noneMatch(b -> b.contains(WRONG_PASSWORD));
    }

    @Test
    void shouldStayUnreadyWithoutAClientCertificateOnTheMutualTlsListener() throws Exception {
        Map<String, String> noCertificate = trusting();
        noCertificate.put("security.protocol", "SSL");
        try (Gateway gateway = Gateway.start(config(kafka.sslBootstrapServers(), noCertificate))) {
            Thread.sleep(3000);

            Response ready = send(gateway, get("/readyz"));
            Response produce = send(gateway, post("/topics/events", "never".getBytes(StandardCharsets.UTF_8)));

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.bodyText()).contains("credentials");
            assertThat(produce.status()).isEqualTo(503);
        }
    }

    private static GatewayConfig config(String bootstrap, Map<String, String> producerProperties) {
        return GatewayConfig.builder(bootstrap).port(0).bind("127.0.0.1")
                .producerProperties(producerProperties).build();
    }

    private static Map<String, String> scram(String password) {
        Map<String, String> p = trusting();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + password + "\";");
        return p;
    }

    private static Map<String, String> mutualTls() {
        Map<String, String> p = trusting();
        p.put("security.protocol", "SSL");
        p.put("ssl.keystore.location", pki.clientStore().toString());
        p.put("ssl.keystore.password", KeyStorePki.PASSWORD);
        p.put("ssl.keystore.type", "PKCS12");
        return p;
    }

    private static Map<String, String> trusting() {
        Map<String, String> p = new HashMap<>();
        p.put("ssl.truststore.location", pki.caStore().toString());
        p.put("ssl.truststore.password", KeyStorePki.PASSWORD);
        p.put("ssl.truststore.type", "PKCS12");
        return p;
    }

    /** Posts 20 records with distinct values and checks each was acknowledged with 200. */
    private static List<String> postRecords(Gateway gateway, String prefix) throws Exception {
        List<String> values = IntStream.range(0, 20).mapToObj(i -> prefix + "-" + i).toList();
        for (String v : values) {
            Response r = send(gateway, post("/topics/events", v.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        }
        return values;
    }

    private static void awaitReady(Gateway gateway) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!gateway.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not become ready within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static Response send(Gateway gateway, byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }
}

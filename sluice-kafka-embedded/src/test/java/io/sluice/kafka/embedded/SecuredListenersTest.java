package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One broker with both secured listeners for the whole class, driven with kafka-clients' Admin. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecuredListenersTest {

    @TempDir
    static Path dir;

    private static KeyStorePki pki;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        pki = KeyStorePki.create(dir, "sluice-gateway");
        broker = EmbeddedKafkaBroker.builder()
                .dataDir(dir.resolve("kafka"))
                .brokerPort(0)
                .topic("events", 1)
                .saslSslListener(BrokerTls.keyStoreOnly(pki.serverStore(), KeyStorePki.PASSWORD))
                .sslListener(new BrokerTls(pki.serverStore(), KeyStorePki.PASSWORD, pki.caStore(), KeyStorePki.PASSWORD))
                .scramUser("alice", "alice-secret")
                .build()
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldAcceptScramSha512AndScramSha256OverTls() throws Exception {
        for (String mechanism : List.of("SCRAM-SHA-512", "SCRAM-SHA-256")) {
            assertThat(topicNames(scram(mechanism, "alice", "alice-secret"))).as(mechanism).contains("events");
        }
    }

    @Test
    void shouldRefuseScramWithWrongPassword() {
        assertThatThrownBy(() -> topicNames(scram("SCRAM-SHA-512", "alice", "not-her-password")))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldAcceptClientWithCertificateFromTrustedCa() throws Exception {
        assertThat(topicNames(mutualTls(true))).contains("events");
    }

    @Test
    void shouldRefuseClientWithoutCertificateOnMutualTlsListener() {
        assertThatThrownBy(() -> topicNames(mutualTls(false)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void shouldKeepPlaintextListenerAndReportDistinctSecuredPorts() throws Exception {
        assertThat(topicNames(new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))))
                .contains("events");
        assertThat(List.of(broker.bootstrapServers(), broker.saslSslBootstrapServers(), broker.sslBootstrapServers()))
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseScramUsersWithoutSaslSslListener() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(dir.resolve("other"))
                .scramUser("bob", "secret").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saslSslListener");
    }

    private static Map<String, Object> scram(String mechanism, String user, String password) {
        Map<String, Object> c = trusting(broker.saslSslBootstrapServers());
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        c.put(SaslConfigs.SASL_MECHANISM, mechanism);
        c.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        return c;
    }

    private static Map<String, Object> mutualTls(boolean withCertificate) {
        Map<String, Object> c = trusting(broker.sslBootstrapServers());
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        if (withCertificate) {
            c.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, pki.clientStore().toString());
            c.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, KeyStorePki.PASSWORD);
            c.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        }
        return c;
    }

    private static Map<String, Object> trusting(String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, pki.caStore().toString());
        c.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, KeyStorePki.PASSWORD);
        c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        return c;
    }

    private static java.util.Set<String> topicNames(Map<String, Object> config) throws Exception {
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS);
        }
    }
}

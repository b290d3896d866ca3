package io.sluice.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.DeliveryMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void shouldApplyUserPropertiesOverSluiceDefaults() {
        Map<String, String> p = ProducerSettings.effective("h:9092", DeliveryMode.ASYNC,
                Map.of("linger.ms", "30", "acks", "1"));
        assertThat(p).containsEntry("bootstrap.servers", "h:9092").containsEntry("linger.ms", "30")
                .containsEntry("acks", "1").containsEntry("max.block.ms", "0")
                .containsEntry("enable.idempotence", "true").containsEntry("batch.size", "262144")
                .containsEntry("compression.type", "lz4").containsEntry("buffer.memory", "268435456")
                .containsEntry("delivery.timeout.ms", "30000");
    }

    @Test
    void shouldBatchAckModeByWaitingForTheProduceRequestInFlightWithoutCompressingItsSmallBatches() {
        assertThat(ProducerSettings.effective("h:9092", DeliveryMode.ACK, Map.of()))
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .containsEntry("compression.type", "none").containsEntry("linger.ms", "0");
        assertThat(ProducerSettings.effective("h:9092", DeliveryMode.ASYNC, Map.of()))
                .containsEntry("compression.type", "lz4").doesNotContainKey("max.in.flight.requests.per.connection");
        assertThat(ProducerSettings.effective("h:9092", DeliveryMode.ACK,
                Map.of("compression.type", "zstd", "max.in.flight.requests.per.connection", "5")))
                .containsEntry("compression.type", "zstd").containsEntry("max.in.flight.requests.per.connection", "5");
    }

    @Test
    void shouldNotLingerInAckModeButBatchInAsyncMode() {
        assertThat(ProducerSettings.effective("h:9092", DeliveryMode.ACK, Map.of())).containsEntry("linger.ms", "0");
        assertThat(ProducerSettings.effective("h:9092", DeliveryMode.ASYNC, Map.of()))
                .containsEntry("linger.ms", "50");
    }

    @Test
    void shouldMaskSecretsWhenLogging() {
        Map<String, String> m = ProducerSettings.masked(Map.of("sasl.jaas.config", "user pass",
                "ssl.truststore.password", "pw", "linger.ms", "5"));
        assertThat(m).containsEntry("sasl.jaas.config", "****").containsEntry("ssl.truststore.password", "****")
                .containsEntry("linger.ms", "5");
    }

    @Test
    void shouldTreatEveryCredentialBearingKafkaPropertyAsSecret() {
        assertThat(java.util.List.of("sasl.jaas.config", "ssl.key.password", "ssl.keystore.password",
                "ssl.truststore.password", "sasl.oauthbearer.client.credentials.client.secret", "ssl.keystore.key",
                "sasl.oauthbearer.assertion.private.key.passphrase", "listener.name.x.scram-sha-512.sasl.jaas.config"))
                .allMatch(ProducerSettings::isSecret);
        assertThat(java.util.List.of("security.protocol", "sasl.mechanism", "ssl.keystore.location",
                "ssl.truststore.location", "ssl.keystore.type", "linger.ms"))
                .noneMatch(ProducerSettings::isSecret);
    }

    @Test
    void shouldMaskSecretsInTheTextOfAConfigurationButKeepTheRealValuesReadable() {
        Map<String, String> m = ProducerSettings.maskedWhenPrinted(Map.of("ssl.keystore.password", "hunter2",
                "linger.ms", "5"));

        assertThat(m.toString()).isEqualTo("{linger.ms=5, ssl.keystore.password=****}");
        assertThat(m.get("ssl.keystore.password")).isEqualTo("hunter2");
        assertThat(m).isEqualTo(Map.of("ssl.keystore.password", "hunter2", "linger.ms", "5"));
        assertThat(io.sluice.gateway.GatewayConfig.builder("k:1").producerProperty("sasl.jaas.config", "hunter2")
                .build().toString()).doesNotContain("hunter2");
    }

    @Test
    void shouldReadTheDeliveryTimeoutFromEffectivePropertiesWhichTheBacklogLimitFollows() {
        assertThat(ProducerSettings.deliveryTimeout(ProducerSettings.effective("k:1", DeliveryMode.ASYNC, Map.of())))
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(ProducerSettings.deliveryTimeout(ProducerSettings.effective("k:1", DeliveryMode.ASYNC,
                Map.of("delivery.timeout.ms", "120000")))).isEqualTo(java.time.Duration.ofMinutes(2));
    }
}

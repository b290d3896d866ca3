package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StartupReportTest {

    private final GatewayConfig config = GatewayConfig.builder("kafka:9092")
            .producerProperty("sasl.jaas.config", "secret-stuff")
            .producerProperty("linger.ms", "10")
            .build();

    @Test
    void shouldMaskSecretProducerPropertiesAndShowEffectiveOnes() {
        String producer = new StartupReport(config, 8080, "external", OptionalLong.empty()).producer();

        assertThat(producer).doesNotContain("secret-stuff").contains("sasl.jaas.config=****")
                .contains("linger.ms=10").contains("acks=all").contains("bootstrap.servers=kafka:9092");
    }

    @Test
    void shouldShowListeningAddressAndCurlExampleToLoopbackWhenBoundToAllInterfaces() {
        String listening = new StartupReport(config, 18080, "external", OptionalLong.empty()).listening();

        assertThat(listening).contains("http://0.0.0.0:18080").contains("curl").contains("http://127.0.0.1:18080/topics/events");
    }

    @Test
    void shouldDescribeEmbeddedKafkaWithAddressAndDataDir() {
        assertThat(StartupReport.embeddedKafka("127.0.0.1:9092", java.nio.file.Path.of("/data/kafka")))
                .isEqualTo("embedded broker at 127.0.0.1:9092, data in /data/kafka");
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCommandTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void shouldPrintBootstrapAddressAndReturnZeroAfterStop() {
        int code = cli.run("kafka", "--data-dir", dir.toString(), "--broker-port", "19093");

        assertThat(code).isZero();
        assertThat(cli.out).contains("bootstrap.servers=127.0.0.1:19093");
        assertThat(cli.events).containsExactly("broker started", "stop requested", "broker closed");
        assertThat(cli.brokerDataDir).isEqualTo(dir.resolve("kafka"));
        assertThat(cli.brokerTopics).isEqualTo(Map.of("events", 4));
    }

    @Test
    void shouldTakeBrokerOptionsFromTheEnvironmentLikeServe() {
        cli.env.put("SLUICE_BROKER_PORT", "29092");
        cli.env.put("SLUICE_DEFAULT_TOPIC", "clicks");
        cli.env.put("SLUICE_DATA_DIR", dir.toString());

        cli.run("kafka");

        assertThat(cli.brokerPort).isEqualTo(29092);
        assertThat(cli.brokerTopics).isEqualTo(Map.of("clicks", 4));
        assertThat(cli.brokerDataDir).isEqualTo(dir.resolve("kafka"));
    }

    @Test
    void shouldReturnOneWithMessageWhenBrokerCannotStart() {
        cli.brokerFailure = new IllegalStateException("port 9092 in use");

        int code = cli.run("kafka", "--data-dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err).contains("cannot start the embedded Kafka broker").contains("port 9092 in use");
    }

    @Test
    void shouldRejectGatewayOnlyOptions() {
        assertThat(cli.run("kafka", "--port", "8080")).isEqualTo(2);
        assertThat(cli.err).contains("--port");
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets of the Kafka producer come from a file or the environment, never from a flag, and are never printed. */
class ProducerSecretsTest {
    private static final String JAAS = "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
            + "required username=\"gw\" password=\"hunter2-pw\";";

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @ParameterizedTest
    @ValueSource(strings = {JAAS, "ssl.keystore.password=hunter2-pw", "ssl.key.password=hunter2-pw",
        "ssl.truststore.password=hunter2-pw", "sasl.oauthbearer.client.credentials.client.secret=hunter2-pw"})
    void shouldRefuseSecretAsProducerPropertyFlagAndPointToFileOrEnvironment(String flag) {
        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--producer-property", flag);

        assertThat(code).isEqualTo(2);
        assertThat(cli.startedWith).isNull();
        assertThat(cli.err).contains("--producer-property " + flag.substring(0, flag.indexOf('=')))
                .contains("--producer-config FILE").contains("SLUICE_PRODUCER_PROPERTY")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void shouldStillAcceptOrdinaryProducerPropertyFlags() {
        GatewayConfig c = cli.serve("--bootstrap-servers", "k:1", "--producer-property", "security.protocol=SASL_SSL",
                "--producer-property", "ssl.truststore.location=/etc/ca.p12");

        assertThat(c.producerProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/ca.p12");
    }

    @Test
    void shouldTakeSecretsFromProducerConfigFile() throws IOException {
        Path file = dir.resolve("producer.properties");
        Files.write(file, List.of("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", JAAS.replace("\"", "\\\"")));

        GatewayConfig c = cli.serve("--bootstrap-servers", "k:1", "--producer-config", file.toString());

        assertThat(c.producerProperties().get("sasl.jaas.config")).contains("password=\"hunter2-pw\"");
    }

    @Test
    void shouldTakeSecretsFromEnvironment() {
        cli.env.put("SLUICE_PRODUCER_PROPERTY", "ssl.keystore.password=hunter2-pw,ssl.keystore.type=PKCS12");

        GatewayConfig c = cli.serve("--bootstrap-servers", "k:1");

        assertThat(c.producerProperties()).containsEntry("ssl.keystore.password", "hunter2-pw");
    }

    @Test
    void shouldNotEchoAMalformedEnvironmentEntryWhichMayHoldASecret() {
        cli.env.put("SLUICE_PRODUCER_PROPERTY", "hunter2-pw,linger.ms=5");

        int code = cli.run("serve", "--bootstrap-servers", "k:1");

        assertThat(code).isNotZero();
        assertThat(cli.err).contains("SLUICE_PRODUCER_PROPERTY entry 1 of 2 is not key=value")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void shouldNeverPrintSecretsInStartupReportOrConfigurationText() throws IOException {
        Path file = dir.resolve("producer.properties");
        Files.write(file, List.of(JAAS.replace("\"", "\\\""), "ssl.key.password=hunter2-pw"));
        GatewayConfig c = cli.serve("--bootstrap-servers", "k:1", "--producer-config", file.toString());

        StartupReport report = new StartupReport(c, 8080, "external", OptionalLong.empty());

        assertThat(report.producer()).doesNotContain("hunter2-pw").contains("sasl.jaas.config=****")
                .contains("ssl.key.password=****");
        assertThat(c.toString()).doesNotContain("hunter2-pw").contains("sasl.jaas.config=****");
        assertThat(c.ingestSettings().toString()).doesNotContain("hunter2-pw");
        assertThat(cli.out + cli.err).doesNotContain("hunter2-pw");
    }
}

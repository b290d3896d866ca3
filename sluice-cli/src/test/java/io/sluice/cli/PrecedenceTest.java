package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecedenceTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    private String configFile(String... lines) throws IOException {
        Path file = dir.resolve("sluice.properties");
        Files.write(file, List.of(lines));
        return file.toString();
    }

    private GatewayConfig serveExternal(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--bootstrap-servers=kafka:9092";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.serve(all);
    }

    @Test
    void shouldUseBuiltInDefaultsWhenNothingIsSet() {
        GatewayConfig c = serveExternal();

        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.bind()).isEqualTo("0.0.0.0");
        assertThat(c.delivery()).isEqualTo(DeliveryMode.ACK);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(c.maxHeaderSize()).isEqualTo(16 * 1024);
        assertThat(c.maxConnections()).isEqualTo(10_000);
        assertThat(c.maxQueuedRecords()).isEqualTo(100_000);
        assertThat(c.defaultTopic()).isEqualTo("events");
        assertThat(c.ioThreads()).isEqualTo(8);
        assertThat(c.producerProperties()).isEmpty();
    }

    @Test
    void shouldPreferConfigFileOverDefault() throws IOException {
        GatewayConfig c = serveExternal("--config", configFile("port=8081", "delivery=async", "idle-timeout=2m",
                "max-body-size=10MB", "producer-property.linger.ms=10", "topics=a,b"));

        assertThat(c.port()).isEqualTo(8081);
        assertThat(c.delivery()).isEqualTo(DeliveryMode.ASYNC);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.maxBodySize()).isEqualTo(10_000_000);
        assertThat(c.producerProperties()).containsEntry("linger.ms", "10");
        assertThat(c.topicAllowList()).containsExactly("a", "b");
    }

    @Test
    void shouldPreferEnvironmentOverConfigFile() throws IOException {
        cli.env.put("SLUICE_PORT", "8082");
        cli.env.put("SLUICE_DELIVERY", "ack");
        cli.env.put("SLUICE_IDLE_TIMEOUT", "500ms");
        cli.env.put("SLUICE_MAX_BODY_SIZE", "512KiB");
        cli.env.put("SLUICE_PRODUCER_PROPERTY", "linger.ms=20,ssl.enabled.protocols=TLSv1.2,TLSv1.3");

        GatewayConfig c = serveExternal("--config", configFile("port=8081", "delivery=async", "idle-timeout=2m",
                "max-body-size=10MB", "producer-property.linger.ms=10", "producer-property.acks=1"));

        assertThat(c.port()).isEqualTo(8082);
        assertThat(c.delivery()).isEqualTo(DeliveryMode.ACK);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.maxBodySize()).isEqualTo(512 * 1024);
        assertThat(c.producerProperties())
                .containsEntry("linger.ms", "20")
                .containsEntry("acks", "1")
                .containsEntry("ssl.enabled.protocols", "TLSv1.2,TLSv1.3");
    }

    @Test
    void shouldPreferFlagOverEnvironmentAndConfigFile() throws IOException {
        cli.env.put("SLUICE_PORT", "8082");
        cli.env.put("SLUICE_DELIVERY", "ack");
        cli.env.put("SLUICE_IDLE_TIMEOUT", "500ms");
        cli.env.put("SLUICE_MAX_BODY_SIZE", "512KiB");
        cli.env.put("SLUICE_PRODUCER_PROPERTY", "linger.ms=20");

        GatewayConfig c = serveExternal("--config", configFile("port=8081", "producer-property.acks=1"),
                "--port", "8083", "--delivery", "async", "--idle-timeout", "PT3S", "--max-body-size", "2048",
                "--producer-property", "linger.ms=30");

        assertThat(c.port()).isEqualTo(8083);
        assertThat(c.delivery()).isEqualTo(DeliveryMode.ASYNC);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.maxBodySize()).isEqualTo(2048);
        assertThat(c.producerProperties()).containsEntry("linger.ms", "30").containsEntry("acks", "1");
    }

    @Test
    void shouldLetProducerPropertyFlagsWinOverProducerConfigFile() throws IOException {
        Path producer = dir.resolve("producer.properties");
        Files.write(producer, List.of("acks=1", "linger.ms=50"));

        GatewayConfig c = serveExternal("--producer-config", producer.toString(), "--producer-property", "linger.ms=7");

        assertThat(c.producerProperties()).containsEntry("acks", "1").containsEntry("linger.ms", "7");
    }

    @Test
    void shouldReadConfigFilePathFromEnvironment() throws IOException {
        cli.env.put("SLUICE_CONFIG", configFile("port=9001", "bootstrap-servers=kafka:1"));

        GatewayConfig c = cli.serve();

        assertThat(c.port()).isEqualTo(9001);
        assertThat(c.bootstrapServers()).isEqualTo("kafka:1");
    }

    @Test
    void shouldPreferConfigFlagOverConfigEnvironmentVariable() throws IOException {
        Path other = dir.resolve("other.properties");
        Files.write(other, List.of("port=9002"));
        cli.env.put("SLUICE_CONFIG", configFile("port=9001"));

        assertThat(serveExternal("--config", other.toString()).port()).isEqualTo(9002);
    }

    @Test
    void shouldTakeMaxQueuedRecordsFromConfigFileEnvironmentAndFlagInThatOrderOfPrecedence() throws IOException {
        String file = configFile("max-queued-records=5000");
        assertThat(serveExternal("--config", file).maxQueuedRecords()).isEqualTo(5_000);

        cli.env.put("SLUICE_MAX_QUEUED_RECORDS", "6000");
        assertThat(serveExternal("--config", file).maxQueuedRecords()).isEqualTo(6_000);
        assertThat(serveExternal("--config", file, "--max-queued-records", "7000").maxQueuedRecords())
                .isEqualTo(7_000);
    }

    @Test
    void shouldRejectAMaxQueuedRecordsThatIsNotPositive() {
        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--max-queued-records", "0");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("invalid option value").contains("--max-queued-records must be positive");
    }

    @Test
    void shouldAllowEmptyDefaultTopicFromEnvironmentToDisableIt() {
        cli.env.put("SLUICE_DEFAULT_TOPIC", "");

        assertThat(serveExternal().defaultTopic()).isEmpty();
    }

    @Test
    void shouldRejectUnknownConfigFileKeyWithUsageError() throws IOException {
        int code = cli.run("serve", "--config", configFile("prot=8081"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("unknown key 'prot'").contains("port=8081");
    }

    @Test
    void shouldRejectMissingConfigFileNamingWhereItCameFrom() {
        cli.env.put("SLUICE_CONFIG", dir.resolve("nope.properties").toString());

        int code = cli.run("serve", "--bootstrap-servers", "k:1");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("nope.properties").contains("SLUICE_CONFIG").contains("does not exist");
    }

    @Test
    void shouldSayWhichEnvironmentVariableHeldAnInvalidValue() {
        cli.env.put("SLUICE_IDLE_TIMEOUT", "30");

        int code = cli.run("serve", "--bootstrap-servers", "k:1");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("--idle-timeout").contains("has no unit")
                .contains("environment variable SLUICE_IDLE_TIMEOUT");
    }
}

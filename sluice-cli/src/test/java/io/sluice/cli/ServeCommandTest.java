package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.transport.ListenFailedException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void shouldStartEmbeddedBrokerWithDefaultTopicOfFourPartitionsWhenNoBootstrapServersAreGiven() {
        int code = cli.run("serve", "--data-dir", dir.toString(), "--broker-port", "19092");

        assertThat(code).isZero();
        assertThat(cli.brokerDataDir).isEqualTo(dir.resolve("kafka"));
        assertThat(cli.brokerPort).isEqualTo(19092);
        assertThat(cli.brokerTopics).isEqualTo(Map.of("events", 4));
        assertThat(cli.startedWith.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void shouldCreateNoTopicWhenDefaultTopicIsDisabled() {
        cli.run("serve", "--data-dir", dir.toString(), "--default-topic=");

        assertThat(cli.brokerTopics).isEmpty();
        assertThat(cli.startedWith.defaultTopic()).isEmpty();
    }

    @Test
    void shouldNotStartBrokerWhenBootstrapServersAreGiven() {
        cli.run("serve", "--bootstrap-servers", "kafka-1:9092,kafka-2:9092");

        assertThat(cli.events).doesNotContain("broker started");
        assertThat(cli.startedWith.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    }

    @Test
    void shouldCloseGatewayBeforeBrokerOnStopAndReturnZero() {
        int code = cli.run("serve", "--data-dir", dir.toString());

        assertThat(code).isZero();
        assertThat(cli.events).containsExactly(
                "broker started", "gateway started", "stop requested", "gateway closed", "broker closed");
    }

    @Test
    void shouldPassRuntimeAndTopicOptionsToTheGateway() {
        var c = cli.serve("--bootstrap-servers", "k:1", "--io", "io_uring", "--http", "raw", "--io-threads", "3",
                "--topics", "a,b", "--topic-pattern", "logs-.*", "--max-connections", "5", "--bind", "127.0.0.1",
                "--header-read-timeout", "2s", "--drain-timeout", "1m", "--max-header-size", "8KiB");

        assertThat(c.io().cliName()).isEqualTo("io_uring");
        assertThat(c.http().cliName()).isEqualTo("raw");
        assertThat(c.ioThreads()).isEqualTo(3);
        assertThat(c.topicAllowList()).isEqualTo(List.of("a", "b"));
        assertThat(c.topicPattern().pattern()).isEqualTo("logs-.*");
        assertThat(c.maxConnections()).isEqualTo(5);
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.headerReadTimeout()).hasSeconds(2);
        assertThat(c.drainTimeout()).hasMinutes(1);
        assertThat(c.maxHeaderSize()).isEqualTo(8192);
    }

    @Test
    void shouldRejectUnknownIoValueWithClearErrorAndUsageExitCode() {
        int code = cli.run("serve", "--io", "kqueue");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("--io").contains("'kqueue'").contains("nio, epoll, io_uring, virtual")
                .contains("sluice serve --help");
        assertThat(cli.events).isEmpty();
    }

    @Test
    void shouldRejectOutOfRangePortBeforeStartingAnything() {
        int code = cli.run("serve", "--port", "70000");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("port must be 0..65535");
        assertThat(cli.events).isEmpty();
    }

    @Test
    void shouldReportBindFailureInOneLineWithoutStackTraceAndStopTheBroker() {
        cli.gatewayFailure = ListenFailedException.of("0.0.0.0", 8080, new BindException("Address already in use"));

        int code = cli.run("serve", "--data-dir", dir.toString(), "--port", "8080");

        assertThat(code).isEqualTo(1);
        assertThat(cli.err.strip()).doesNotContain("\n").doesNotContain("at io.sluice")
                .contains("HTTP port 8080 on 0.0.0.0 is already in use").contains("--port");
        assertThat(cli.events).containsExactly("broker started", "broker closed");
    }

    @Test
    void shouldPrintStackTraceWhenVerbose() {
        cli.gatewayFailure = ListenFailedException.of("0.0.0.0", 8080, new BindException("Address already in use"));

        int code = cli.run("serve", "--bootstrap-servers", "k:1", "-v");

        assertThat(code).isEqualTo(1);
        assertThat(cli.err).contains("BindException").contains("\tat ");
    }

    @Test
    void shouldExplainBrokerStartFailureAndSuggestExternalKafka() {
        cli.brokerFailure = new IllegalStateException("Kafka broker port 9092 is already in use on 127.0.0.1");

        int code = cli.run("serve", "--data-dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err).contains("cannot start the embedded Kafka broker")
                .contains("already in use").contains("--bootstrap-servers");
    }

    @Test
    void shouldRefuseATakenBrokerPortBeforeLaunchingAChildJvm() throws Exception {
        var launcher = new BrokerProcessLauncher();
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> launcher.start(dir, taken.getLocalPort(), Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use").hasMessageContaining("--broker-port");
        }
    }

    @Test
    void shouldReportMissingProducerConfigFile() {
        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--producer-config", dir.resolve("p.properties").toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err).contains("p.properties").contains("--producer-config").contains("does not exist");
    }

    @Test
    void shouldSuggestTheRightOptionForATypo() {
        int code = cli.run("serve", "--idle-timout", "5s");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("Unknown options: '--idle-timout'").contains("Possible solutions: --idle-timeout");
    }

    @Test
    void shouldReadOpenFilesLimitWithoutFailingWhenProcIsMissing() throws Exception {
        Path limits = dir.resolve("limits");
        Files.writeString(limits, "Max open files            1024                 4096                 files\n");
        cli.procLimits = limits;

        assertThat(cli.run("serve", "--bootstrap-servers", "k:1")).isZero();
    }
}

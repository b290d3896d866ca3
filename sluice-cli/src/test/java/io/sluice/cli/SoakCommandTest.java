package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.soak.SoakOptions;
import io.sluice.bench.soak.Topology;
import io.sluice.gateway.transport.NettyTransport;
import io.sluice.loadgen.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakCommandTest {

    private static SoakOptions parse(String... args) {
        SoakCommand command = new SoakCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void shouldDefaultToTenMinutesOfKeepaliveAndConnectInAckModeOnTheServeDefaultRuntime() {
        SoakOptions o = parse();

        assertThat(o.runtimes()).containsExactly(NettyTransport.preferredIo().cliName());
        assertThat(o.http()).isEqualTo("raw");
        assertThat(o.modes()).containsExactly(Scenario.KEEPALIVE, Scenario.CONNECT);
        assertThat(o.delivery()).isEqualTo("ack");
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.bootstrapServers()).isNull();
        assertThat(o.bounds().rssGrowth()).isEqualTo(0.10);
        assertThat(o.bounds().maxErrorRate()).isEqualTo(0.001);
        assertThat(o.brokerQuota()).isZero();
        assertThat(o.rate()).as("closed loop").isZero();
    }

    @Test
    void shouldOfferAFixedRateInKeepaliveModeOnly() {
        assertThat(parse("--mode", "keepalive", "--rate", "300").rate()).isEqualTo(300.0);
        assertThatThrownBy(() -> parse("--rate", "300")).isInstanceOf(CliException.class)
                .hasMessageContaining("add --mode keepalive");
        assertThatThrownBy(() -> parse("--mode", "keepalive", "--rate", "-1")).isInstanceOf(CliException.class)
                .hasMessageContaining("--rate must be at least 0");
    }

    @Test
    void shouldExpandAllToTheFourRuntimesInOrder() {
        SoakOptions o = parse("--io", "all", "--mode", "connect", "--duration", "60s", "--delivery", "async",
                "--max-rss-growth", "20", "--max-error-rate", "1", "--broker-quota", "1MiB");

        assertThat(o.runtimes()).containsExactly("nio", "epoll", "io_uring", "virtual");
        assertThat(o.modes()).containsExactly(Scenario.CONNECT);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.bounds().rssGrowth()).isEqualTo(0.20);
        assertThat(o.bounds().maxErrorRate()).isEqualTo(0.01);
        assertThat(o.brokerQuota()).isEqualTo(1 << 20);
    }

    @Test
    void shouldRefuseWhatCannotBeSoakedWithAClearMessage() {
        assertThatThrownBy(() -> parse("--io", "kqueue")).isInstanceOf(CliException.class)
                .hasMessageContaining("unknown runtime 'kqueue'");
        assertThatThrownBy(() -> parse("--io", "all", "--http", "codec")).isInstanceOf(CliException.class)
                .hasMessageContaining("virtual");
        assertThatThrownBy(() -> parse("--mode", "burst")).isInstanceOf(CliException.class)
                .hasMessageContaining("not a soak mode");
        assertThatThrownBy(() -> parse("--delivery", "maybe")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> parse("--payload-bytes", "10")).isInstanceOf(CliException.class)
                .hasMessageContaining("44");
    }

    @Test
    void shouldRunTheTopologyAtAModestFixedRateForTwoMinutesInKeepaliveAckMode() {
        SoakCommand command = new SoakCommand();
        new CommandLine(command).parseArgs("--topology", "3x3");
        SoakOptions o = command.options();

        assertThat(command.topology()).isEqualTo(new Topology(3, 3));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.rate()).isEqualTo(100.0);
        assertThat(o.modes()).containsExactly(Scenario.KEEPALIVE);
        assertThat(o.delivery()).isEqualTo("ack");
        assertThat(o.runtimes()).hasSize(1);
        assertThat(parse("--topology", "3x3", "--duration", "90s", "--rate", "150").rate()).isEqualTo(150.0);
        assertThat(parse("--topology", "3x3", "--duration", "90s").duration()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldRefuseWhatATopologyRunCannotDoWithAClearMessage() {
        assertThatThrownBy(() -> parse("--topology", "3by3")).isInstanceOf(CliException.class)
                .hasMessageContaining("GATEWAYSxBROKERS");
        assertThatThrownBy(() -> parse("--topology", "3x2")).isInstanceOf(CliException.class)
                .hasMessageContaining("at least 3 Kafka nodes");
        assertThatThrownBy(() -> parse("--topology", "3x3", "--duration", "30s")).isInstanceOf(CliException.class)
                .hasMessageContaining("at least 60s with --topology");
        assertThatThrownBy(() -> parse("--topology", "3x3", "--bootstrap-servers", "k:9092"))
                .isInstanceOf(CliException.class).hasMessageContaining("its own Kafka cluster");
        assertThatThrownBy(() -> parse("--topology", "3x3", "--delivery", "async")).isInstanceOf(CliException.class)
                .hasMessageContaining("proves ack delivery");
        assertThatThrownBy(() -> parse("--topology", "3x3", "--io", "all")).isInstanceOf(CliException.class)
                .hasMessageContaining("more than one runtime");
        assertThatThrownBy(() -> parse("--topology", "3x3", "--rate", "0")).isInstanceOf(CliException.class)
                .hasMessageContaining("fixed rate");
    }

    @Test
    void shouldRenderTheBoundsInItsHelpWithPercentSigns() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        String help;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            help = new CommandLine(new SoakCommand()).getUsageMessage().replaceAll("\\s+", " "); // unwrap lines
        } finally {
            System.setErr(err);
        }

        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's format warnings")
                .doesNotContain("Could not format");
        assertThat(help).contains("RSS +10% + 32 MiB", "from 10-20% into the run", "back to 80% of its level before")
                .contains("apt-get install -y haproxy").doesNotContain("%%");
    }
}

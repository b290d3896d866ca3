package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.SoakPhase;
import io.sluice.bench.model.SoakRun;
import io.sluice.bench.report.JsonReport;
import io.sluice.bench.soak.SoakRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end, briefly: embedded broker, a gateway JVM per phase, keepalive and connect load with unique ids,
 * the per-second samples, SIGTERM, the read-back from Kafka, and the reports.
 */
@Timeout(240)
class SoakSmokeTest {
    @TempDir
    Path dir;

    @Test
    void shouldSoakBothModesProveEveryAcknowledgedIdInKafkaAndWriteTheReports() throws Exception {
        SoakCommand command = new SoakCommand();
        new CommandLine(command).parseArgs("--io", "nio", "--duration", "3s", "--connections", "8",
                "--output", dir.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new SoakRunner(command.options(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("nio/raw/ack/keepalive", "nio/raw/ack/connect", "Soak passed.");
        Path run;
        try (Stream<Path> runs = Files.list(dir)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        SoakRun soak = JsonReport.readValue(run.resolve("soak.json"), SoakRun.class);
        assertThat(soak.phases()).hasSize(2).allSatisfy(p -> {
            assertThat(p.passed()).as(p.failures().toString()).isTrue();
            assertThat(p.deliveryCheck().acknowledged()).isPositive();
            assertThat(p.deliveryCheck().missing()).isZero();
            assertThat(p.deliveryCheck().duplicatedAcknowledged()).isZero();
            assertThat(p.timeline()).hasSize(3);
            assertThat(p.timeline()).allSatisfy(s -> assertThat(s.succeeded()).isPositive());
            assertThat(p.gatewayExit()).isZero();
        });
        SoakPhase keepalive = soak.phases().get(0);
        assertThat(keepalive.timeline().get(1).rssBytes()).as("sampled from /proc").isPositive();
        assertThat(keepalive.timeline().get(1).heapUsedBytes()).as("scraped from /metrics").isPositive();
        assertThat(keepalive.timeline().get(1).openFiles()).isPositive();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve("soak.html").toFile());
    }

    @Test
    void shouldReportAPhaseWhoseGatewayCannotStartAsFailedAndExitOne() throws Exception {
        SoakCommand command = new SoakCommand();
        new CommandLine(command).parseArgs("--io", "nio", "--mode", "keepalive", "--duration", "1s",
                "--gateway-arg=--no-such-option", "--output", dir.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new SoakRunner(command.options(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output).contains("FAILED nio/raw/ack/keepalive: the phase did not run", "Soak FAILED.");
        Path run;
        try (Stream<Path> runs = Files.list(dir)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        SoakRun soak = JsonReport.readValue(run.resolve("soak.json"), SoakRun.class);
        assertThat(soak.phases()).singleElement().satisfies(p -> assertThat(p.passed()).isFalse());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve("soak.html").toFile());
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.report.JsonReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on a tiny matrix: embedded broker, a real gateway JVM per cell, the load generator, the
 * verification in Kafka and the three reports.
 */
@Timeout(240)
class BenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunATinyMatrixVerifyItInKafkaAndWriteTheReports() throws Exception {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--io", "epoll", "--http", "raw", "--delivery", "async,ack",
                "--scenario", "keepalive", "--connections", "8", "--warmup", "1s", "--duration", "2s", "--broker-warmup", "1s",
                "--output", dir.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new io.sluice.bench.run.BenchRunner(command.options(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(dir)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        BenchRun results = JsonReport.read(run.resolve("results.json"));
        List<CellResult> cells = results.cells();
        // 2 Kafka cells + 2 null-sink baselines + 1 producer baseline
        assertThat(cells).hasSize(5).allMatch(c -> c.status().equals("OK"));
        assertThat(cells).filteredOn(c -> c.sink().equals("kafka"))
                .allSatisfy(c -> {
                    assertThat(c.verification().ok()).isTrue();
                    assertThat(c.verification().records()).isEqualTo(c.verification().successes()).isPositive();
                    assertThat(c.throughput().lower()).isPositive().isLessThanOrEqualTo(c.throughput().estimate());
                    assertThat(c.latency().p99()).isPositive();
                });
        assertThat(results.environment()).containsKeys("cpu", "kernel", "jdk", "netty", "io_uring", "somaxconn");
        assertThat(output).contains("verify: 2xx=", "OK");
        assertThat(Files.readString(run.resolve("report.md"))).contains("epoll");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve("report.html").toFile());
    }
}

package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.model.BenchRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @Test
    void shouldReadBackTheRunItWrote(@TempDir Path dir) throws IOException {
        BenchRun run = Runs.sample();
        Path file = dir.resolve(JsonReport.FILE_NAME);

        JsonReport.write(run, file);
        BenchRun back = JsonReport.read(file);

        assertThat(back).isEqualTo(run);
        assertThat(back.environment().keySet()).containsExactly("cpu", "kernel", "jdk");
        assertThat(back.cells().get(2).cpu().broker()).isNaN();
    }

    @Test
    void shouldReadBackTheHandshakeFiguresOfATlsCell() throws IOException {
        BenchRun sample = Runs.sample();
        var c = sample.cells().get(0);
        var tlsCell = new io.sluice.bench.model.CellResult(c.id() + "/tls", c.runtime(), c.http(), c.delivery(),
                c.scenario(), c.sink(), c.payloadBytes(), c.concurrency(), c.throughput(), c.latency(), c.statuses(),
                c.errors(), c.cpu(), c.verification(), c.outliers(), c.perSecond(), c.status(), c.note(),
                new io.sluice.bench.model.TlsFigures("tls", 12, 3400, 850.5));
        BenchRun run = new BenchRun(sample.startedAt(), sample.environment(), sample.settings(),
                java.util.List.of(c, tlsCell));

        BenchRun back = JsonReport.fromJson(JsonReport.toJson(run));

        assertThat(back).isEqualTo(run);
        assertThat(back.cells().get(0).tls()).isNull();
        assertThat(back.cells().get(1).tls().resumedHandshakes()).isEqualTo(3400);
    }

    @Test
    void shouldReadBackEveryRoundAndTheCpuPerRequest() throws IOException {
        BenchRun sample = Runs.sample();
        var c = sample.cells().get(0);
        var merged = c.reporting(new io.sluice.bench.model.Rounds(java.util.List.of(81_432.0, 79_000.0, 84_000.0),
                java.util.List.of(18.7, Double.NaN, 18.1), java.util.List.of("OK", "FAILED", "OK"), 1), "FAILED",
                "round 2 of 3 failed: verification failed");
        BenchRun run = new BenchRun(sample.startedAt(), sample.environment(), sample.settings(),
                java.util.List.of(merged));

        String json = JsonReport.toJson(run);
        BenchRun back = JsonReport.fromJson(json);

        assertThat(back).isEqualTo(run);
        assertThat(json).contains("\"gatewayMicrosPerRequest\" : 18.66", "\"requestsPerSecond\" : [ 81432.0, 79000.0",
                "\"reported\" : 1");
        assertThat(back.cells().get(0).rounds().gatewayMicrosPerRequest().get(1)).isNaN();
    }

    @Test
    void shouldReadResultsWrittenBeforeRoundsAndCpuPerRequest() throws IOException {
        String older = JsonReport.toJson(Runs.sample()).replaceAll(",\\s*\"rounds\" : null", "")
                .replaceAll(",\\s*\"gatewayMicrosPer(Request|Record)\" : [0-9.]+", "");
        assertThat(older).doesNotContain("rounds", "gatewayMicrosPer");

        BenchRun back = JsonReport.fromJson(older);

        assertThat(back.cells().get(0).rounds()).isNull();
        assertThat(CellFacts.cpuPerRequest(back.cells().get(0))).isEqualTo("-");
    }

    @Test
    void shouldWriteReadableFieldNames() {
        String json = JsonReport.toJson(Runs.sample());

        assertThat(json).contains("\"throughput\"", "\"lower\" : 80910.0", "\"verification\"", "\"p999\"");
        assertThat(json).doesNotContain("relativeHalfWidth", "\"ok\"");
    }

    @Test
    void shouldIgnorePropertiesItDoesNotKnow() throws IOException {
        String json = JsonReport.toJson(Runs.sample()).replaceFirst("\\{", "{ \"addedLater\" : 1,");

        assertThat(JsonReport.fromJson(json)).isEqualTo(Runs.sample());
    }

    @Test
    void shouldNameTheFileWhenItIsNotResults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), "not json");

        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("results.json is not a sluice bench results file");
    }
}

package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceSummaryTest {

    /** A cell at {@code reqPerSecond} whose server used {@code cores}. */
    private static CellResult cell(String runtime, String http, String delivery, String scenario, String sink,
                                   int concurrency, double reqPerSecond, double cores, String status, int batch) {
        String format = batch > 1 ? "ndjson" : "raw";
        String id = runtime + "/" + http + "/" + delivery + "/" + scenario + "/" + sink + "/34B/c" + concurrency
                + (batch > 1 ? "/ndjson/b" + batch : "");
        return new CellResult(id, runtime, http, delivery, scenario, sink, 34, concurrency,
                new Estimate(reqPerSecond * 0.98, reqPerSecond, reqPerSecond * 1.02),
                new LatencySummary(1, 2, 3, 4, 5), Map.of("200", 1000L), Map.of(),
                new CpuUsage(cores, 0.3, 0.6).per(reqPerSecond, batch),
                new Verification(1000, "reference".equals(runtime) ? 990 : 1000L * batch, !"reference".equals(runtime),
                        batch),
                new OutlierSummary(0, 0, 0, 0, 0), List.of(), status, "", null, format, batch);
    }

    private static CellResult reference(String scenario, int concurrency, double reqPerSecond, double cores) {
        return cell("reference", "-", "-", scenario, "kafka", concurrency, reqPerSecond, cores, "OK", 1);
    }

    private static CellResult sluice(String delivery, String scenario, int concurrency, double reqPerSecond,
                                     double cores) {
        return cell("io_uring", "raw", delivery, scenario, "kafka", concurrency, reqPerSecond, cores, "OK", 1);
    }

    @Test
    void shouldGiveEachSluiceCellsThroughputAndCpuPerRequestAgainstItsReferenceCell() {
        List<String> lines = ReferenceSummary.lines(List.of(
                reference("keepalive", 64, 100_000, 2.0),              // 20 us/req
                sluice("async", "keepalive", 64, 112_000, 1.904),     // 17 us/req
                sluice("ack", "keepalive", 64, 60_000, 1.5),          // 25 us/req
                reference("keepalive", 1000, 80_000, 2.0),
                sluice("async", "keepalive", 1000, 40_000, 2.0)));

        assertThat(lines).containsExactly(
                "vs reference (same scenario and connections, same run; CPU/req: the server's CPU microseconds per "
                        + "request)",
                "  reference keepalive c64: 100,000 req/s, 20.0 us CPU/req",
                "  io_uring/raw/async keepalive c64: 1.12x req/s, 0.85x CPU/req",
                "  io_uring/raw/ack keepalive c64: 0.60x req/s, 1.25x CPU/req",
                "  reference keepalive c1000: 80,000 req/s, 25.0 us CPU/req",
                "  io_uring/raw/async keepalive c1000: 0.50x req/s, 2.00x CPU/req");
    }

    @Test
    void shouldMatchOnScenarioAndConnectionsAndCompareTheHttpCeilingToo() {
        List<String> lines = ReferenceSummary.lines(List.of(
                reference("burst", 1000, 5_000, 1.0),
                sluice("async", "burst", 1000, 15_000, 1.5),
                cell("io_uring", "raw", "async", "keepalive", "none", 64, 150_000, 1.5, "OK", 1),
                cell("-", "-", "ack", "keepalive", "producer", 64, 3_000_000, 1.5, "OK", 1)));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("  io_uring/raw/async burst c1000: 3.00x req/s, 0.50x CPU/req");
    }

    @Test
    void shouldCompareRecordsForBatchesAndMarkAFailedSluiceCell() {
        List<String> lines = ReferenceSummary.lines(List.of(
                reference("keepalive", 64, 100_000, 2.0),
                cell("io_uring", "raw", "ack", "keepalive", "kafka", 64, 30_000, 1.5, "OK", 10),
                cell("io_uring", "raw", "async", "keepalive", "kafka", 64, 90_000, 1.8, "FAILED", 1)));

        // 300,000 records/s at 5 us per record against 100,000 at 20 us
        assertThat(lines.get(2)).isEqualTo("  io_uring/raw/ack ndjson x10 keepalive c64: 3.00x records/s, "
                + "0.25x CPU/record");
        assertThat(lines.get(3)).endsWith("0.90x req/s, 1.00x CPU/req (FAILED)");
    }

    @Test
    void shouldNotCompareWithAReferenceCellThatFailed() {
        List<String> lines = ReferenceSummary.lines(List.of(
                cell("reference", "-", "-", "keepalive", "kafka", 64, 0, Double.NaN, "FAILED", 1),
                sluice("async", "keepalive", 64, 90_000, 1.8)));

        assertThat(lines.get(1)).isEqualTo("  reference keepalive c64: FAILED");
        assertThat(lines.get(2)).endsWith("n/a (the reference cell failed)");
    }

    @Test
    void shouldShowTheReferencesRecordsAsUnchecked() {
        assertThat(CellFacts.verification(reference("keepalive", 64, 100_000, 2.0)))
                .isEqualTo("2xx=1,000 records=990 (unchecked) OK");
    }

    @Test
    void shouldSayNothingWithoutAReferenceAndPutTheSummaryInTheMarkdownReport() {
        assertThat(ReferenceSummary.lines(Runs.sample().cells())).isEmpty();
        assertThat(MarkdownReport.render(Runs.sample())).doesNotContain("Against the reference");

        String md = MarkdownReport.render(new BenchRun("2026-12-03T10:00:00Z", Map.of(), Map.of(), List.of(
                reference("keepalive", 64, 100_000, 2.0), sluice("async", "keepalive", 64, 112_000, 1.904))));

        assertThat(md).contains("## Against the reference", "io_uring/raw/async keepalive c64: 1.12x req/s, 0.85x "
                + "CPU/req");
    }
}

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

class RecordsPerSecondTest {

    private static CellResult cell(String format, int batch, long successes, long records) {
        return new CellResult("epoll/raw/ack/keepalive/kafka/34B/c64" + (batch > 1 ? "/" + format + "/b" + batch : ""),
                "epoll", "raw", "ack", "keepalive", "kafka", 34, 64, new Estimate(990, 1000, 1010),
                new LatencySummary(100, 200, 300, 400, 500), Map.of("200", successes), Map.of(),
                new CpuUsage(1, 0.5, 0.5).per(1000, batch), new Verification(successes, records, true, batch),
                new OutlierSummary(0, 0, 0, 0, 0), List.of(), "OK", "", null, format, batch);
    }

    @Test
    void shouldMultiplyRequestsPerSecondByTheRecordsEachCarries() {
        assertThat(cell("v2-json", 10, 5, 50).recordsPerSecond()).isEqualTo(10_000);
        assertThat(cell("raw", 1, 5, 5).recordsPerSecond()).isEqualTo(1_000);
    }

    @Test
    void shouldVerifyTwoXxTimesTheBatchAgainstKafka() {
        assertThat(cell("ndjson", 10, 5, 50).verification().ok()).isTrue();
        assertThat(cell("ndjson", 10, 5, 5).verification().ok()).isFalse();
        assertThat(new Verification(5, 5, true).ok()).isTrue(); // results.json from before batches
        assertThat(CellFacts.verification(cell("ndjson", 10, 5, 50))).isEqualTo("2xx=5 x10 records=50 OK");
    }

    @Test
    void shouldShowRecordsPerSecondInTheTerminalAndAMarkdownSectionForBatches() {
        List<CellResult> cells = List.of(cell("raw", 1, 5, 5), cell("v2-json", 10, 5, 50));

        assertThat(TerminalTable.cells(cells)).contains("records/s").contains("v2-json x10").contains("10,000")
                .contains("1000.0 (100.0/rec)"); // 1 core at 1,000 req/s of 10 records
        String md = MarkdownReport.render(new BenchRun("2026-12-02T01:45:00Z", Map.of(), Map.of(), cells));
        assertThat(md).contains("## Records",
                "| `epoll/raw/ack/keepalive/kafka/34B/c64/v2-json/b10` | v2-json | 10 | 1,000.0 | 10,000 |");
        assertThat(MarkdownReport.render(new BenchRun("x", Map.of(), Map.of(), List.of(cell("raw", 1, 5, 5)))))
                .doesNotContain("## Records");
    }
}

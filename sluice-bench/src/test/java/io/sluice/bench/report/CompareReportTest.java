package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.Verification;
import io.sluice.bench.stats.Comparison.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareReportTest {
    private static final String FASTER = "epoll/raw/async/keepalive/kafka/34B";
    private static final String SAME = "nio/raw/async/keepalive/kafka/34B";
    private static final String SLOWER = "virtual/raw/async/keepalive/kafka/34B";
    private static final String GONE = "io_uring/raw/async/burst/kafka/34B";
    private static final String NEW = "io_uring/codec/async/burst/kafka/34B";

    private static CellResult cell(String id, double lower, double estimate, double upper) {
        return Runs.cell(id, id.split("/")[0], "kafka", new Estimate(lower, estimate, upper),
                new Verification(1, 1, true), "OK", "");
    }

    private static BenchRun run(CellResult... cells) {
        return new BenchRun("2025-06-01T10:00:00Z", Map.of(), Map.of(), List.of(cells));
    }

    private final BenchRun previous = run(cell(FASTER, 79_000, 80_000, 81_000), cell(SAME, 50_000, 51_000, 52_000),
            cell(SLOWER, 40_000, 41_000, 42_000), cell(GONE, 3_900, 3_930, 3_960));
    private final BenchRun current = run(cell(NEW, 4_000, 4_100, 4_200), cell(FASTER, 84_000, 85_000, 86_000),
            cell(SAME, 50_500, 51_200, 51_900), cell(SLOWER, 30_000, 31_000, 32_000));

    @Test
    void shouldGiveAVerdictForEveryCellInBothRuns() {
        CompareReport report = CompareReport.of(previous, current);

        assertThat(report.common()).extracting(CompareReport.Change::id).containsExactly(FASTER, SAME, SLOWER);
        assertThat(report.common()).extracting(c -> c.comparison().verdict())
                .containsExactly(Verdict.IMPROVED, Verdict.NO_CHANGE, Verdict.REGRESSED);
    }

    @Test
    void shouldListCellsOnlyInOneRunAsAddedOrRemoved() {
        CompareReport report = CompareReport.of(previous, current);

        assertThat(report.added()).containsExactly(NEW);
        assertThat(report.removed()).containsExactly(GONE);
    }

    @Test
    void shouldPrintOldNewAndTheChangeInterval() {
        String text = CompareReport.of(previous, current).render();

        assertThat(line(text, FASTER)).contains("80,000", "85,000", "change: [+3.7% +6.3% +8.9%]", "improved");
        assertThat(line(text, SLOWER)).contains("regressed");
        assertThat(line(text, SAME)).contains("no change");
        assertThat(text).contains("added:   " + NEW + "\n", "removed: " + GONE + "\n");
    }

    @Test
    void shouldNotCompareACellWithoutThroughput() {
        CellResult skipped = new CellResult(SAME, "nio", "raw", "async", "keepalive", "kafka", 34, 64, null, null,
                Map.of(), Map.of(), null, null, null, List.of(), "SKIPPED", "io_uring is not available");

        CompareReport report = CompareReport.of(previous, run(skipped));

        assertThat(report.common().get(0).comparison()).isNull();
        assertThat(line(report.render(), SAME)).contains("not comparable");
    }

    private static String line(String text, String id) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
    }
}

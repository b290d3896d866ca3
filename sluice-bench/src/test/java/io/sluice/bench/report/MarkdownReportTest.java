package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private final String markdown = MarkdownReport.render(Runs.sample());

    @Test
    void shouldHoldTheEnvironmentSettingsAndBothTables() {
        assertThat(markdown).contains("## Environment", "| kernel | 6.8.0-1015-gcp |", "## Settings",
                "| duration | 30s |", "## Throughput", "## Latency");
        assertThat(markdown).contains("| cell | runtime | http |", "| cell | p50 | p90 | p99 | p99.9 | max |");
    }

    @Test
    void shouldWriteOneRowPerCellInEachTable() {
        long rowsWithOkCell = Arrays.stream(markdown.split("\n")).filter(l -> l.startsWith("| `" + Runs.OK_ID))
                .count();

        assertThat(rowsWithOkCell).isEqualTo(2);
        assertThat(markdown).contains("| 80,910 | 81,432 | 81,977 | 0.7% |", "| 812us | 1.5ms | 4.0ms |");
    }

    @Test
    void shouldMarkFailedCellsAndSayWhy() {
        assertThat(markdown).contains("| `" + Runs.FAILED_ID + "` **FAILED** |",
                "2xx=117,936 records=117,900 **FAILED**", "## Failed and skipped cells",
                "36 acknowledged records missing in &lt;topic>");
    }

    @Test
    void shouldKeepEveryTableRowOnOneLineWithTheSameNumberOfColumns() {
        long[] pipes = Arrays.stream(markdown.split("\n")).filter(l -> l.startsWith("| cell | runtime")
                || l.startsWith("| `")).filter(l -> l.contains("verify") || l.contains("2xx="))
                .mapToLong(l -> l.replace("\\|", "").chars().filter(c -> c == '|').count()).distinct().toArray();

        assertThat(pipes).containsExactly(18);
    }

    @Test
    void shouldGiveTheGatewaysCpuPerRequestInTheThroughputTable() {
        assertThat(markdown).contains("| gw µs/req |", "| 1.52/0.40/0.81 | 18.7 |", "| 1.52/-/0.81 | 9.92 |");
    }

    @Test
    void shouldMarkASkippedCellInBothTables() {
        String withSkipped = MarkdownReport.render(Runs.withSkipped());

        assertThat(withSkipped.lines().filter(l -> l.startsWith("| `io_uring/codec") && l.contains("**SKIPPED**")))
                .hasSize(2);
    }
}

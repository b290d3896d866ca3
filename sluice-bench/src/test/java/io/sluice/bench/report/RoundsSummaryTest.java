package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Rounds;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsSummaryTest {

    private static BenchRun withRounds() {
        BenchRun sample = Runs.sample();
        CellResult merged = sample.cells().get(0).reporting(new Rounds(List.of(84_000.0, 62_100.0, 81_432.0),
                List.of(18.1, 25.3, 18.7), List.of("OK", "FAILED", "OK"), 3), "FAILED", "round 2 of 3 failed: x");
        return new BenchRun(sample.startedAt(), sample.environment(), sample.settings(),
                List.of(merged, sample.cells().get(2)));
    }

    @Test
    void shouldListEveryRoundStarringTheReportedOneAndMarkingFailedOnes() {
        List<String> lines = RoundsSummary.lines(withRounds().cells());

        assertThat(lines).containsExactly(
                "rounds (req/s and gateway us CPU/req of each round; * = the round the cell reports, the median)",
                "  " + Runs.OK_ID + ": 84,000 (18.1)  62,100 (25.3) FAILED  81,432* (18.7)");
    }

    @Test
    void shouldSayNothingWhenEveryCellRanOnce() {
        assertThat(RoundsSummary.lines(Runs.sample().cells())).isEmpty();
        assertThat(MarkdownReport.render(Runs.sample())).doesNotContain("## Rounds");
    }

    @Test
    void shouldPutTheRoundsInTheMarkdownReport() {
        assertThat(MarkdownReport.render(withRounds())).contains("## Rounds", "81,432* (18.7)");
    }
}

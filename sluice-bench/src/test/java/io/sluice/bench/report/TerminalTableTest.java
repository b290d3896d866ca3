package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTableTest {
    private final String text = TerminalTable.render(Runs.sample());

    @Test
    void shouldPrintEachCellsIntervalWithThousandsSeparators() {
        assertThat(text).contains("80,910", "81,432", "81,977", "3,924.6", "3,931.2", "3,939.5", "153,210");
    }

    @Test
    void shouldPrintLatencyErrorsAndCpuPerCell() {
        assertThat(text).contains("812us", "1.5ms", "4.0ms", "12.3ms", "48.1ms");
        assertThat(text).contains("1.52/0.40/0.81", "1.52/-/0.81");
        assertThat(lineOf(Runs.OK_ID.split("/")[0])).containsPattern("\\s15\\s"); // 3 timeouts + 12 x 503
    }

    @Test
    void shouldGiveTheGatewaysCpuMicrosecondsPerRequest() {
        assertThat(text).contains("gw us/req");
        assertThat(lineOf("epoll")).containsPattern("1\\.52/0\\.40/0\\.81 +18\\.7 "); // 1.52 cores x 1e6 / 81,432 req/s
        assertThat(lineOf("io_uring")).contains("386.7");
        assertThat(lineOf("nio")).contains("9.92");
    }

    @Test
    void shouldShowAnUnknownCpuPerRequestAsADash() {
        var c = Runs.sample().cells().get(0);
        var older = new io.sluice.bench.model.CellResult(c.id(), c.runtime(), c.http(), c.delivery(), c.scenario(),
                c.sink(), c.payloadBytes(), c.concurrency(), c.throughput(), c.latency(), c.statuses(), c.errors(),
                new io.sluice.bench.model.CpuUsage(1.52, 0.4, 0.81, 0, 0), c.verification(), c.outliers(),
                c.perSecond(), c.status(), c.note());

        assertThat(CellFacts.cpuPerRequest(older)).isEqualTo("-"); // results.json from before the figure: 0
    }

    @Test
    void shouldMarkACellWhoseRecordsDoNotMatchAsFailed() {
        assertThat(lineOf("io_uring")).contains("verify: 2xx=117,936 records=117,900 FAILED");
        assertThat(lineOf("epoll")).contains("verify: 2xx=2,443,000 records=2,443,000 OK");
        assertThat(text).contains("FAILED " + Runs.FAILED_ID + ": 36 acknowledged records missing");
    }

    @Test
    void shouldNotClaimRecordsForASinkThatWritesNowhere() {
        assertThat(lineOf("nio")).contains("records=n/a OK");
    }

    @Test
    void shouldAlignTheColumns() {
        List<String> rows = Arrays.stream(text.split("\n")).filter(l -> l.contains("verify:")).toList();

        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(l -> l.indexOf("verify:")).distinct()).hasSize(1);
        assertThat(rows.stream().map(l -> l.indexOf("81,432") + "81,432".length()).findFirst().orElseThrow())
                .isEqualTo(rows.get(1).indexOf("3,931.2") + "3,931.2".length());
    }

    @Test
    void shouldListTheEnvironmentAsAlignedKeyValues() {
        assertThat(text).contains("cpu:    Intel Xeon @ 2.20GHz, 2 cores\n", "kernel: 6.8.0-1015-gcp\n",
                "duration: 30s\n");
    }

    @Test
    void shouldShowASkippedCellWithDashesAndItsReason() {
        String withSkipped = TerminalTable.render(Runs.withSkipped());

        assertThat(withSkipped).contains("verify: 2xx=- records=- SKIPPED",
                "SKIPPED io_uring/codec/async/keepalive/kafka/34B: io_uring is not available");
    }

    private String lineOf(String runtime) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(runtime + " ")).findFirst().orElseThrow();
    }
}

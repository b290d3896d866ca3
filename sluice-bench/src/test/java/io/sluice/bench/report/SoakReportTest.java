package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.SoakPhase;
import io.sluice.bench.model.SoakRun;
import io.sluice.bench.model.SoakSecond;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakReportTest {
    @TempDir
    Path dir;

    private static SoakPhase phase(String id, List<String> failures, Long rss) {
        List<SoakSecond> timeline = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            timeline.add(new SoakSecond(s, 1000, 1000, 990, 0, 64, s == 2 ? null : rss, 50L << 20,
                    s == 1 ? 20L << 20 : null, 1.5, 140, 40, 2000 + s));
        }
        return new SoakPhase(id, "epoll", "raw", "ack", "keepalive", 64, 5, 990.0,
                new LatencySummary(500, 900, 2_000, 5_000, 12_000), Map.of("200", 4950L, "503", 50L),
                Map.of("timeout", 2L), List.of(), 0,
                new DeliveryReport("t", "exactly once", 4950, 4950, failures.isEmpty() ? 0 : 3, List.of(1L, 2L, 3L), 0, 0,
                        0, 0, failures.isEmpty()),
                List.of(new GrowthCheck("rss bytes", 1000.0 * (1 << 20), 1010.0 * (1 << 20), 1132.0 * (1 << 20),
                        "baseline + 10% + 32 MiB", true)),
                failures.isEmpty() ? 0 : 1, failures.isEmpty() ? List.of() : List.of("2026 WARN <something> & more"),
                0, failures, timeline);
    }

    private static SoakRun run(boolean failing) {
        return new SoakRun("2026-11-26T12:00:00Z", Map.of("cores", "2"), Map.of("duration per phase", "PT10M"),
                List.of(phase("epoll/raw/ack/keepalive", List.of(), 1200L << 20),
                        phase("epoll/raw/ack/connect", failing ? List.of("delivery (exactly once): 3 acknowledged id(s) "
                                + "missing") : List.of(), null)));
    }

    @Test
    void shouldPrintOneRowPerPhaseWithItsVerdictAndEachFailure() {
        String table = SoakReport.terminal(run(true));

        assertThat(table).contains("epoll/raw/ack/keepalive", "PASSED", "FAILED", "1,000 -> 1,010",
                "2 (timeout 2)", "2,004", "ok: 4,950 acked, 0 missing")
                .contains("FAILED epoll/raw/ack/connect: delivery (exactly once): 3 acknowledged id(s) missing")
                .endsWith("Soak FAILED.\n");
        assertThat(SoakReport.terminal(run(false))).endsWith("Soak passed.\n");
    }

    @Test
    void shouldWriteWellFormedHtmlWithTimelinesAndEscapedText() throws Exception {
        String html = SoakReport.html(run(true));

        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("<h3>epoll/raw/ack/connect: <span class=\"verdict-failed\">FAILED</span></h3>",
                "2xx per second", "rss MiB", "TIME_WAIT", "&lt;something&gt; &amp; more", "<polyline");
    }

    @Test
    void shouldRoundTripThroughJson() throws Exception {
        SoakRun run = run(true);
        Path file = dir.resolve(SoakReport.JSON_FILE);

        JsonReport.writeValue(run, file);
        SoakRun back = JsonReport.readValue(file, SoakRun.class);

        assertThat(back).usingRecursiveComparison().isEqualTo(run);
        assertThat(back.passed()).isFalse();
    }
}

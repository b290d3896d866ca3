package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.SoakSecond;
import io.sluice.bench.model.TopologyEvent;
import io.sluice.bench.model.TopologyRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyReportTest {
    @TempDir
    Path dir;

    private static TopologyRun run(List<String> failures) {
        List<SoakSecond> timeline = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            long ok = s == 7 ? 20 : 100;
            timeline.add(new SoakSecond(s, 100, ok, ok, 0, 3, null, null, null, null, null, null, null));
        }
        List<TopologyEvent> events = List.of(
                new TopologyEvent("gw1 SIGTERM", 2.4, true, 100, 0, 10, true),
                new TopologyEvent("gw1 exited 0", 3.1, false, Double.NaN, null, 0, true),
                new TopologyEvent("kafka 2 SIGKILL", 6.8, true, 100, 2, 5, true));
        return new TopologyRun("2026-12-02T01:30:00Z", "3x3", Map.of("cores", "2"),
                Map.of("haproxy", "retry-on conn-failure empty-response 503 | and more"), 12, 100, 1200, 98.5,
                new LatencySummary(1_500, 3_000, 9_000, 40_000, 2_100_000), Map.of("200", 1180L, "503", 4L),
                Map.of("reset", 0L), Map.of("2xx", 1180L, "503", 4L), Map.of(),
                new DeliveryReport("t", "exactly once", 1180, 1183, 0, List.of(), 0, 0, 0, 3, true),
                new java.util.LinkedHashMap<>(Map.of("retries", 7L)), events,
                "a second is low below 80% of the level", 80, List.of(0, 0, 0, 0), failures, timeline);
    }

    @Test
    void shouldSummariseVerdictFiguresAndEveryEventWithItsRecovery() {
        String text = TopologyReport.terminal(run(List.of()));

        assertThat(text).contains("3x3", "PASS", "2xx 1,180, 503 4", "none", "ok: 1,180 acked, 0 missing")
                .contains("gw1 SIGTERM", "kafka 2 SIGKILL", "gw1 exited 0").endsWith("Topology run passed.\n")
                .contains("HAProxy's own figures (what it absorbed for the clients): retries 7.");
        assertThat(TopologyReport.terminal(run(List.of("3 request(s) ended with status 502"))))
                .contains("FAILED: 3 request(s) ended with status 502").endsWith("Topology run FAILED.\n");
    }

    @Test
    void shouldMarkEachEventInTheSecondItHappenedInTheMarkdownTimeline() {
        String md = TopologyReport.markdown(run(List.of()));

        assertThat(md).startsWith("# sluice soak --topology 3x3\n").contains("Verdict: **PASS**")
                .contains("| 2 | 100 | 100 | 0 | 0 | 3 | 1 gw1 SIGTERM |")
                .contains("| 3 | 100 | 100 | 0 | 0 | 3 | 2 gw1 exited 0 |")
                .contains("| 6 | 100 | 100 | 0 | 0 | 3 | 3 kafka 2 SIGKILL |")
                .contains("| 7 | 100 | 20 | 0 | 0 | 3 |  |")
                .contains("- **haproxy**: retry-on conn-failure empty-response 503 | and more\n");
    }

    @Test
    void shouldDrawTheTimelineWithANumberedLinePerEventInWellFormedHtml() throws Exception {
        String html = TopologyReport.html(run(List.of("a <failure> & more")));

        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("<polyline", "<title>gw1 SIGTERM</title>", "<title>kafka 2 SIGKILL</title>",
                "stroke=\"#c0392b\"", "stroke=\"#999\"", "a &lt;failure&gt; &amp; more", "class=\"threshold\"");
        assertThat(html.split("class=\"event\"", -1)).as("one line per event").hasSize(4);
    }

    @Test
    void shouldRoundTripThroughJson() throws Exception {
        TopologyRun run = run(List.of("x"));
        Path file = dir.resolve(TopologyReport.JSON_FILE);

        JsonReport.writeValue(run, file);
        TopologyRun back = JsonReport.readValue(file, TopologyRun.class);

        assertThat(back).usingRecursiveComparison()
                .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class).isEqualTo(run);
        assertThat(back.passed()).isFalse();
    }
}

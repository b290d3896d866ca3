package io.sluice.bench.report;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.SoakSecond;
import io.sluice.bench.model.TopologyEvent;
import io.sluice.bench.model.TopologyRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a {@code sluice soak --topology} run: a terminal summary, {@code topology.md} (summary, events with
 * their recovery times, the per-second timeline with the events marked in it) and {@code topology.html} (the
 * same, with the timeline drawn and the events as numbered lines). Stateless; thread-safe.
 */
public final class TopologyReport {
    public static final String JSON_FILE = "topology.json";
    public static final String MARKDOWN_FILE = "topology.md";
    public static final String HTML_FILE = "topology.html";

    private TopologyReport() {
    }

    /** The summary table, the events table, and why the run failed, if it did. */
    public static String terminal(TopologyRun run) {
        StringBuilder out = new StringBuilder(summaryTable(run).render()).append('\n');
        out.append(balancer(run)).append("\n\n");
        out.append(eventTable(run).render());
        for (String f : run.failures()) {
            out.append("FAILED: ").append(f).append('\n');
        }
        out.append(run.passed() ? "Topology run passed." : "Topology run FAILED.").append('\n');
        return out.toString();
    }

    /** {@code topology.md}. */
    public static String markdown(TopologyRun run) {
        StringBuilder md = new StringBuilder("# sluice soak --topology ").append(run.topology()).append("\n\n");
        md.append("Started ").append(run.startedAt()).append(". Verdict: **")
                .append(run.passed() ? "PASS" : "FAIL").append("**.\n\n");
        run.failures().forEach(f -> md.append("- FAIL: ").append(f).append('\n'));
        if (!run.failures().isEmpty()) {
            md.append('\n');
        }
        md.append("## Summary\n\n").append(markdownTable(summaryTable(run)));
        md.append('\n').append(balancer(run)).append('\n');
        md.append("\n## Events\n\nRecovery: ").append(run.recoveryRule()).append(".\n\n")
                .append(markdownTable(eventTable(run)));
        md.append("\n## Settings\n\n");
        run.settings().forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append("\n## Environment\n\n");
        run.environment().forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append("\n## Timeline\n\nOne row per second of the load; `event` names what happened in that second "
                + "(numbered as above).\n\n").append(markdownTable(timelineTable(run)));
        return md.toString();
    }

    /** {@code topology.html}. */
    public static String html(TopologyRun run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        html.append("<meta charset=\"utf-8\"/>\n<title>sluice soak --topology ").append(Xml.escape(run.topology()))
                .append("</title>\n<style>\n").append(HtmlReport.CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>sluice soak --topology ").append(Xml.escape(run.topology())).append("</h1>\n<p>Started ")
                .append(Xml.escape(run.startedAt())).append(". Verdict: ")
                .append(run.passed() ? "passed" : "<span class=\"verdict-failed\">FAILED</span>").append(".</p>\n");
        if (!run.failures().isEmpty()) {
            html.append("<ul>\n");
            run.failures().forEach(f -> html.append("<li>").append(Xml.escape(f)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Summary</h2>\n").append(htmlTable(summaryTable(run)));
        html.append("<p>").append(Xml.escape(balancer(run))).append("</p>\n");
        List<Number> succeeded = new ArrayList<>();
        run.timeline().forEach(s -> succeeded.add(s.succeeded()));
        List<SvgCharts.Marker> markers = run.events().stream()
                .map(e -> new SvgCharts.Marker(e.atSecond(), e.label(), e.judged())).toList();
        html.append("<h2>2xx per second</h2>\n<figure>")
                .append(SvgCharts.timelineWithMarkers("2xx per second with the events marked", succeeded, markers,
                        run.recoveryThreshold(), "/s"))
                .append("<figcaption>2xx answers per second; numbered lines are the events below</figcaption>"
                        + "</figure>\n");
        html.append("<h2>Events</h2>\n<p>").append(Xml.escape(run.recoveryRule())).append(".</p>\n")
                .append(htmlTable(eventTable(run)));
        html.append("<h2>Settings</h2>\n").append(HtmlReport.keyValues(run.settings()));
        html.append("<h2>Environment</h2>\n").append(HtmlReport.keyValues(run.environment()));
        html.append("<h2>Timeline</h2>\n").append(htmlTable(timelineTable(run)));
        return html.append("</body>\n</html>\n").toString();
    }

    /** What HAProxy did on the clients' behalf, in one sentence. */
    static String balancer(TopologyRun run) {
        if (run.balancer() == null || run.balancer().isEmpty()) {
            return "HAProxy's own figures: not read.";
        }
        return "HAProxy's own figures (what it absorbed for the clients): " + run.balancer().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", ")) + ".";
    }

    static TextTable summaryTable(TopologyRun run) {
        TextTable t = new TextTable("topology", "verdict", ">seconds", ">offered/s", ">2xx/s", ">p50", ">p99", ">max",
                ">sent", "allowed", "refused", "errors by kind", "delivery");
        t.row(run.topology(), run.passed() ? "PASS" : "FAIL", Integer.toString(run.seconds()),
                Formats.rate(run.offeredRate()), Formats.rate(run.throughput()), Formats.micros(run.latency().p50()),
                Formats.micros(run.latency().p99()), Formats.micros(run.latency().max()), Formats.count(run.sent()),
                counts(run.allowed()), run.refused().isEmpty() ? "none" : counts(run.refused()),
                errorKinds(run.errors()), delivery(run.deliveryCheck()));
        return t;
    }

    static TextTable eventTable(TopologyRun run) {
        TextTable t = new TextTable(">#", ">at s", "event", "judged", ">level 2xx/s", ">recovery s", ">window s",
                "verdict");
        for (int i = 0; i < run.events().size(); i++) {
            TopologyEvent e = run.events().get(i);
            t.row(Integer.toString(i + 1), String.format(Locale.ROOT, "%.1f", e.atSecond()), e.label(),
                    e.judged() ? "yes" : "no", Double.isNaN(e.level()) ? "" : Formats.rate(e.level()),
                    !e.judged() ? "" : e.recoverySeconds() < 0 ? "not recovered" : e.recoverySeconds().toString(),
                    e.judged() ? Integer.toString(e.windowSeconds()) : "", !e.judged() ? "" : e.passed() ? "ok" : "FAIL");
        }
        return t;
    }

    static TextTable timelineTable(TopologyRun run) {
        TextTable t = new TextTable(">s", ">started", ">2xx", ">other answers", ">no answer", ">outstanding", "event");
        for (SoakSecond s : run.timeline()) {
            List<String> here = new ArrayList<>();
            for (int i = 0; i < run.events().size(); i++) {
                if ((int) Math.floor(run.events().get(i).atSecond()) == s.second()) {
                    here.add((i + 1) + " " + run.events().get(i).label());
                }
            }
            t.row(Integer.toString(s.second()), Long.toString(s.started()), Long.toString(s.succeeded()),
                    Long.toString(s.answered() - s.succeeded()), Long.toString(s.failed()),
                    Long.toString(s.outstanding()), String.join("; ", here));
        }
        return t;
    }

    private static String counts(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String errorKinds(Map<String, Long> errors) {
        String s = new TreeMap<>(errors).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }

    private static String delivery(DeliveryReport d) {
        if (d == null) {
            return Formats.UNKNOWN;
        }
        return String.format(Locale.ROOT, "%s: %,d acked, %d missing, %d acked twice", d.passed() ? "ok" : "FAILED",
                d.acknowledged(), d.missing(), d.duplicatedAcknowledged());
    }

    private static String markdownTable(TextTable table) {
        return table.markdown();
    }

    private static String htmlTable(TextTable table) {
        return table.html();
    }
}

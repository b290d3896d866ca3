package io.sluice.bench.report;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.SoakPhase;
import io.sluice.bench.model.SoakRun;
import io.sluice.bench.model.SoakSecond;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The reports of a {@code sluice soak}: a terminal table (one row per phase), and {@code soak.html}, a
 * self-contained page (inline CSS and SVG, no scripts, well-formed XML) with each phase's verdict and its
 * per-second timelines. The JSON twin is written by {@link JsonReport#writeValue}. Stateless; thread-safe.
 */
public final class SoakReport {
    public static final String JSON_FILE = "soak.json";
    public static final String HTML_FILE = "soak.html";
    private static final double MIB = 1 << 20;

    private SoakReport() {
    }

    /**
     * One row per phase: verdict, throughput, latency, errors, stalls, resources start to end, the gateway's
     * WARN/ERROR log lines (accept failures land there), delivery.
     */
    public static String terminal(SoakRun run) {
        TextTable t = new TextTable(header());
        for (SoakPhase p : run.phases()) {
            t.row(row(p));
        }
        StringBuilder out = new StringBuilder(t.render());
        for (SoakPhase p : run.phases()) {
            for (String f : p.failures()) {
                out.append("FAILED ").append(p.id()).append(": ").append(f).append('\n');
            }
        }
        out.append(run.passed() ? "Soak passed." : "Soak FAILED.").append('\n');
        return out.toString();
    }

    private static String[] header() {
        return new String[] {"phase", "verdict", ">req/s", ">p50", ">p99", ">max", ">2xx", ">non-2xx", ">no answer",
            ">stalls", ">rss MiB start->end", ">live heap MiB", ">open files", ">TIME_WAIT max", ">GC max ms/s",
            ">gateway WARN/ERROR", "delivery"};
    }

    private static String[] row(SoakPhase p) {
        long ok = 0;
        long other = 0;
        for (Map.Entry<String, Long> e : p.statuses().entrySet()) {
            if (e.getKey().startsWith("2")) {
                ok += e.getValue();
            } else {
                other += e.getValue();
            }
        }
        long errors = p.errors().values().stream().mapToLong(Long::longValue).sum();
        return new String[] {p.id(), p.passed() ? "PASSED" : "FAILED", Formats.rate(p.throughput()),
            Formats.micros(p.latency().p50()), Formats.micros(p.latency().p99()), Formats.micros(p.latency().max()),
            Formats.count(ok), Formats.count(other), Formats.count(errors) + errorKinds(p.errors()),
            p.stallSeconds().size() + (p.longestStall() > 1 ? " (" + p.longestStall() + " s)" : ""),
            span(growth(p, "rss bytes"), MIB), span(growth(p, "live heap bytes"), MIB),
            span(growth(p, "open files"), 1), max(p.timeline(), s -> s.timeWait()),
            max(p.timeline(), s -> s.gcMillis()), Formats.count(p.gatewayWarnings()), delivery(p.deliveryCheck())};
    }

    private static String errorKinds(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        List<String> kinds = new ArrayList<>();
        errors.forEach((k, v) -> kinds.add(k + " " + v));
        return " (" + String.join(", ", kinds) + ")";
    }

    private static GrowthCheck growth(SoakPhase p, String resource) {
        return p.growth().stream().filter(g -> g.resource().equals(resource)).findFirst().orElse(null);
    }

    private static String span(GrowthCheck g, double unit) {
        if (g == null || Double.isNaN(g.baseline()) || Double.isNaN(g.end())) {
            return Formats.UNKNOWN;
        }
        return String.format(Locale.ROOT, "%,.0f -> %,.0f", g.baseline() / unit, g.end() / unit);
    }

    private static String max(List<SoakSecond> timeline, Function<SoakSecond, Number> figure) {
        double max = Double.NaN;
        for (SoakSecond s : timeline) {
            Number v = figure.apply(s);
            if (v != null) {
                max = Double.isNaN(max) ? v.doubleValue() : Math.max(max, v.doubleValue());
            }
        }
        return Double.isNaN(max) ? Formats.UNKNOWN : String.format(Locale.ROOT, "%,.0f", max);
    }

    private static String delivery(DeliveryReport d) {
        if (d == null) {
            return Formats.UNKNOWN;
        }
        return String.format(Locale.ROOT, "%s: %,d acked, %d missing, %d acked twice%s", d.passed() ? "ok" : "FAILED",
                d.acknowledged(), d.missing(), d.duplicatedAcknowledged(),
                d.unacknowledgedDelivered() > 0 ? ", " + d.unacknowledgedDelivered() + " unacked delivered" : "");
    }

    /** {@code soak.html}. */
    public static String html(SoakRun run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        html.append("<meta charset=\"utf-8\"/>\n<title>sluice soak ").append(Xml.escape(run.startedAt()))
                .append("</title>\n<style>\n").append(HtmlReport.CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>sluice soak</h1>\n<p>Started ").append(Xml.escape(run.startedAt())).append(". Verdict: ")
                .append(run.passed() ? "passed" : "<span class=\"verdict-failed\">FAILED</span>").append(".</p>\n");
        html.append("<h2>Environment</h2>\n").append(HtmlReport.keyValues(run.environment()));
        html.append("<h2>Settings</h2>\n").append(HtmlReport.keyValues(run.settings()));
        html.append("<h2>Phases</h2>\n").append(phaseTable(run.phases()));
        for (int i = 0; i < run.phases().size(); i++) {
            html.append(phaseSection(run.phases().get(i), i));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String phaseTable(List<SoakPhase> phases) {
        StringBuilder t = new StringBuilder("<table>\n<tr>");
        for (String h : header()) {
            t.append("<th>").append(Xml.escape(h.startsWith(">") ? h.substring(1) : h)).append("</th>");
        }
        t.append("</tr>\n");
        for (SoakPhase p : phases) {
            t.append(p.passed() ? "<tr>" : "<tr class=\"failed\">");
            String[] cells = row(p);
            for (int i = 0; i < cells.length; i++) {
                t.append(i >= 2 && i < cells.length - 1 ? "<td class=\"num\">" : "<td>").append(Xml.escape(cells[i]))
                        .append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String phaseSection(SoakPhase p, int index) {
        StringBuilder h = new StringBuilder("<h3>").append(Xml.escape(p.id())).append(": ")
                .append(p.passed() ? "passed" : "<span class=\"verdict-failed\">FAILED</span>").append("</h3>\n");
        if (!p.failures().isEmpty()) {
            h.append("<ul>\n");
            p.failures().forEach(f -> h.append("<li>").append(Xml.escape(f)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<table>\n<tr><th>resource</th><th>baseline</th><th>end</th><th>bound</th><th>rule</th></tr>\n");
        for (GrowthCheck g : p.growth()) {
            h.append(g.passed() ? "<tr>" : "<tr class=\"failed\">").append("<td>").append(Xml.escape(g.resource()))
                    .append("</td><td class=\"num\">").append(number(g.baseline())).append("</td><td class=\"num\">")
                    .append(number(g.end())).append("</td><td class=\"num\">").append(number(g.allowed()))
                    .append("</td><td>").append(Xml.escape(g.rule())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (p.gatewayWarnings() > 0) {
            h.append("<p>").append(p.gatewayWarnings()).append(" WARN/ERROR line(s) in the gateway's log; the first:</p>\n<pre>");
            p.warningExamples().forEach(w -> h.append(Xml.escape(w)).append('\n'));
            h.append("</pre>\n");
        }
        List<SoakSecond> t = p.timeline();
        h.append("<div class=\"timelines\">\n");
        chart(h, p, "2xx per second", t, s -> s.succeeded(), index, "/s");
        chart(h, p, "outstanding requests", t, s -> s.outstanding(), index, "");
        chart(h, p, "no answer per second", t, s -> s.failed(), index, "/s");
        chart(h, p, "rss MiB", t, s -> s.rssBytes() == null ? null : s.rssBytes() / MIB, index, " MiB");
        chart(h, p, "heap used MiB", t, s -> s.heapUsedBytes() == null ? null : s.heapUsedBytes() / MIB, index, " MiB");
        chart(h, p, "GC pause ms per second", t, s -> s.gcMillis(), index, " ms");
        chart(h, p, "open files", t, s -> s.openFiles(), index, "");
        chart(h, p, "threads", t, s -> s.threads(), index, "");
        chart(h, p, "TIME_WAIT sockets (machine)", t, s -> s.timeWait(), index, "");
        return h.append("</div>\n").toString();
    }

    private static void chart(StringBuilder h, SoakPhase p, String what, List<SoakSecond> timeline,
                              Function<SoakSecond, Number> figure, int index, String unit) {
        List<Number> values = new ArrayList<>(timeline.size());
        timeline.forEach(s -> values.add(figure.apply(s)));
        h.append("<figure>").append(SvgCharts.series(what + ": " + p.id(), values, index, unit))
                .append("<figcaption>").append(Xml.escape(what)).append("</figcaption></figure>\n");
    }

    private static String number(double v) {
        return Double.isNaN(v) ? Formats.UNKNOWN : String.format(Locale.ROOT, "%,.0f", v);
    }
}

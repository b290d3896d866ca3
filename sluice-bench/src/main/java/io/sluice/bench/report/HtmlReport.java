package io.sluice.bench.report;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page that works offline (inline CSS, charts as inline SVG, no
 * scripts, fonts or links to fetch). It holds the environment and settings, throughput bars with their 95%
 * intervals, latency percentile curves, a per-second timeline per cell, and the tables of
 * {@link MarkdownReport}. Every piece of text is escaped and the markup is well-formed XML, so it can be
 * checked with any XML parser.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    /** The style of every HTML report (the soak report shares it). */
    static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            h1, h2 { font-weight: 600; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td { background: #fde2e2; }
            tr.skipped td { color: #888; }
            .chart text { font-size: 11px; fill: #222; }
            .bar { fill: #4c78a8; }
            .bar.failed { fill: #d62728; }
            .whisker { stroke: #222; stroke-width: 1.5; }
            .axis { stroke: #888; }
            .grid { stroke: #e4e4e4; }
            .curve, .timeline { stroke-width: 1.8; }
            .timelines { display: flex; flex-wrap: wrap; gap: 1em; }
            .timelines figure { margin: 0; }
            figcaption { font-size: 0.8em; font-family: monospace; }
            .verdict-failed { color: #d62728; font-weight: 600; }
            """;

    private HtmlReport() {
    }

    public static String render(BenchRun run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        html.append("<meta charset=\"utf-8\"/>\n<title>sluice bench ").append(Xml.escape(run.startedAt()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>sluice bench</h1>\n<p>Started ").append(Xml.escape(run.startedAt())).append(".</p>\n");
        html.append("<h2>Environment</h2>\n").append(keyValues(run.environment()));
        html.append("<h2>Settings</h2>\n").append(keyValues(run.settings()));
        List<CellResult> cells = run.cells();
        html.append("<h2>Throughput</h2>\n<p>Requests per second; whiskers: 95% bootstrap confidence interval.")
                .append(" Red bars: failed cells.</p>\n").append(SvgCharts.throughputBars(cells)).append('\n')
                .append(throughputTable(cells));
        html.append("<h2>Latency</h2>\n<p>Percentiles of answered requests, log scale.</p>\n")
                .append(SvgCharts.latencyCurves(cells)).append('\n').append(latencyTable(cells));
        html.append("<h2>Throughput per second</h2>\n<div class=\"timelines\">\n");
        for (int i = 0; i < cells.size(); i++) {
            html.append("<figure>").append(SvgCharts.timeline(cells.get(i), i)).append("<figcaption>")
                    .append(Xml.escape(cells.get(i).id())).append("</figcaption></figure>\n");
        }
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    private static String throughputTable(List<CellResult> cells) {
        StringBuilder t = new StringBuilder("<table>\n<tr><th>cell</th><th>scenario</th><th>lower</th>"
                + "<th>req/s</th><th>upper</th><th>outliers</th><th>errors</th><th>cpu gw/broker/lg</th>"
                + "<th>gw µs/req</th><th>verify</th><th>note</th></tr>\n");
        for (CellResult cell : cells) {
            Estimate e = cell.throughput();
            openRow(t, cell);
            cell(t, cell.id(), false);
            cell(t, cell.scenario(), false);
            cell(t, e == null ? Formats.UNKNOWN : Formats.rate(e.lower()), true);
            cell(t, e == null ? Formats.UNKNOWN : Formats.rate(e.estimate()), true);
            cell(t, e == null ? Formats.UNKNOWN : Formats.rate(e.upper()), true);
            cell(t, CellFacts.outliers(cell), true);
            cell(t, Formats.count(CellFacts.errors(cell)), true);
            cell(t, CellFacts.cpu(cell), false);
            cell(t, CellFacts.cpuPerRequest(cell), true);
            t.append(CellFacts.failed(cell) ? "<td class=\"verdict-failed\">" : "<td>")
                    .append(Xml.escape(CellFacts.verification(cell))).append("</td>");
            cell(t, cell.note() == null ? "" : cell.note(), false);
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String latencyTable(List<CellResult> cells) {
        StringBuilder t = new StringBuilder("<table>\n<tr><th>cell</th><th>p50</th><th>p90</th><th>p99</th>"
                + "<th>p99.9</th><th>max</th></tr>\n");
        for (CellResult cell : cells) {
            LatencySummary l = cell.latency();
            openRow(t, cell);
            cell(t, cell.id(), false);
            if (l == null) {
                for (int i = 0; i < 5; i++) {
                    cell(t, Formats.UNKNOWN, true);
                }
            } else {
                for (double v : new double[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max()}) {
                    cell(t, Formats.micros(v), true);
                }
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    static String keyValues(Map<String, String> entries) {
        StringBuilder t = new StringBuilder("<table class=\"kv\">\n");
        if (entries != null) {
            entries.forEach((k, v) -> t.append("<tr><th>").append(Xml.escape(k)).append("</th><td>")
                    .append(Xml.escape(v)).append("</td></tr>\n"));
        }
        return t.append("</table>\n").toString();
    }

    private static void openRow(StringBuilder t, CellResult cell) {
        String outcome = CellFacts.outcome(cell);
        t.append(CellFacts.OK.equals(outcome) ? "<tr>" : "<tr class=\"" + outcome.toLowerCase() + "\">");
    }

    private static void cell(StringBuilder t, String text, boolean numeric) {
        t.append(numeric ? "<td class=\"num\">" : "<td>").append(Xml.escape(text)).append("</td>");
    }
}

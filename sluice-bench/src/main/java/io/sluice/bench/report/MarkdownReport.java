package io.sluice.bench.report;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.md}: environment, settings, a throughput table (and records per second when requests carry
 * batches) and a latency table, then the summaries that apply (TLS, against the reference design, every round),
 * failed cells marked in bold with the reason below. GitHub-flavoured Markdown.
 */
public final class MarkdownReport {
    public static final String FILE_NAME = "report.md";

    private MarkdownReport() {
    }

    public static String render(BenchRun run) {
        StringBuilder out = new StringBuilder();
        out.append("# sluice bench\n\nStarted ").append(escape(run.startedAt())).append(".\n\n");
        out.append("## Environment\n\n").append(keyValues(run.environment())).append('\n');
        out.append("## Settings\n\n").append(keyValues(run.settings())).append('\n');
        out.append("## Throughput\n\nRequests per second with the 95% bootstrap confidence interval. ")
                .append("Verification: records the topic gained against 2xx answers. gw µs/req: the gateway's ")
                .append("CPU microseconds per request (cores x 1e6 / req/s; per record too for batches).\n\n")
                .append(throughputTable(run.cells())).append('\n');
        if (run.cells().stream().anyMatch(c -> c.recordsPerRequest() > 1)) {
            out.append("## Records\n\nRecords per second: requests per second times the records each request ")
                    .append("carries (raw: 1; ndjson and v2-json: --batch).\n\n")
                    .append(recordsTable(run.cells())).append('\n');
        }
        out.append("## Latency\n\nPercentiles of answered requests (RATE: from the intended start time).\n\n")
                .append(latencyTable(run.cells()));
        block(out, "TLS", TlsSummary.lines(run.cells()));
        block(out, "Against the reference", ReferenceSummary.lines(run.cells()));
        block(out, "Rounds", RoundsSummary.lines(run.cells()));
        String notes = notes(run.cells());
        if (!notes.isEmpty()) {
            out.append("\n## Failed and skipped cells\n\n").append(notes);
        }
        return out.toString();
    }

    static String throughputTable(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        row(out, "cell", "runtime", "http", "delivery", "scenario", "sink", "payload", "conc", "lower", "req/s",
                "upper", "+-", "outliers", "errors", "cpu gw/broker/lg", "gw µs/req", "verify");
        out.append("|---|---|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|\n");
        for (CellResult cell : cells) {
            Estimate t = cell.throughput();
            String verify = CellFacts.verification(cell);
            row(out, marked(cell), cell.runtime(), cell.http(), cell.delivery(), cell.scenario(), cell.sink(),
                    CellFacts.payload(cell), String.valueOf(cell.concurrency()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.lower()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.estimate()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.upper()),
                    t == null || Double.isNaN(t.relativeHalfWidth()) ? Formats.UNKNOWN
                            : String.format(Locale.ROOT, "%.1f%%", t.relativeHalfWidth() * 100),
                    CellFacts.outliers(cell), Formats.count(CellFacts.errors(cell)), CellFacts.cpu(cell),
                    CellFacts.cpuPerRequest(cell),
                    CellFacts.failed(cell) ? verify.replace(CellFacts.FAILED, "**FAILED**") : verify);
        }
        return out.toString();
    }

    static String recordsTable(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        row(out, "cell", "format", "records/request", "req/s", "records/s");
        out.append("|---|---|--:|--:|--:|\n");
        for (CellResult cell : cells) {
            Estimate t = cell.throughput();
            row(out, marked(cell), cell.formatName(), String.valueOf(cell.recordsPerRequest()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.estimate()),
                    t == null ? Formats.UNKNOWN : Formats.rate(cell.recordsPerSecond()));
        }
        return out.toString();
    }

    static String latencyTable(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        row(out, "cell", "p50", "p90", "p99", "p99.9", "max");
        out.append("|---|--:|--:|--:|--:|--:|\n");
        for (CellResult cell : cells) {
            LatencySummary l = cell.latency();
            if (l == null) {
                row(out, marked(cell), "-", "-", "-", "-", "-");
            } else {
                row(out, marked(cell), Formats.micros(l.p50()), Formats.micros(l.p90()), Formats.micros(l.p99()),
                        Formats.micros(l.p999()), Formats.micros(l.max()));
            }
        }
        return out.toString();
    }

    /** A section holding summary lines as they are printed in the terminal; nothing when there are none. */
    private static void block(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n## ").append(title).append("\n\n```\n").append(String.join("\n", lines)).append("\n```\n");
        }
    }

    private static String marked(CellResult cell) {
        String outcome = CellFacts.outcome(cell);
        String id = "`" + cell.id().replace("`", "'") + "`";
        return CellFacts.OK.equals(outcome) ? id : id + " **" + outcome + "**";
    }

    private static String notes(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        for (CellResult cell : cells) {
            String outcome = CellFacts.outcome(cell);
            if (!CellFacts.OK.equals(outcome)) {
                out.append("- **").append(outcome).append("** `").append(cell.id().replace("`", "'")).append('`');
                if (cell.note() != null && !cell.note().isEmpty()) {
                    out.append(": ").append(escape(cell.note()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String keyValues(Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return "(none)\n";
        }
        StringBuilder out = new StringBuilder("| key | value |\n|---|---|\n");
        entries.forEach((k, v) -> row(out, escape(k), escape(v)));
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell == null ? Formats.UNKNOWN : cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    /** Keeps text from turning into Markdown markup or breaking a table line. */
    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")
                .replace("\r", " ").replace("\n", " ");
    }
}

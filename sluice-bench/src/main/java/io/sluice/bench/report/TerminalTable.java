package io.sluice.bench.report;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * The human summary of a run for the terminal: the environment as {@code key: value} lines, then one aligned
 * line per cell with its throughput interval, latency percentiles, errors, CPU and verification, then why
 * any cell failed or was skipped. Returns text; printing is the caller's business.
 */
public final class TerminalTable {
    private TerminalTable() {
    }

    /** Environment, settings and the cell table. */
    public static String render(BenchRun run) {
        StringBuilder out = new StringBuilder();
        out.append("sluice bench, started ").append(run.startedAt()).append("\n\n");
        out.append(environment(run.environment()));
        if (run.settings() != null && !run.settings().isEmpty()) {
            out.append('\n').append(TextTable.keyValues(run.settings()));
        }
        out.append('\n').append(cells(run.cells()));
        return out.toString();
    }

    /** {@code key: value} lines, values aligned. */
    public static String environment(Map<String, String> environment) {
        return environment == null ? "" : TextTable.keyValues(environment);
    }

    /**
     * One line per cell: runtime, http, delivery, scenario, sink, payload, concurrency, body format with its
     * records per request, the throughput's 95% interval in req/s (lower, estimate, upper), records/s, latency
     * p50 p90 p99 p99.9 max, errors (no answer or non-2xx), CPU cores of gateway/broker/load generator, the
     * gateway's CPU microseconds per request (and per record for batches), and the verification against Kafka.
     */
    public static String cells(List<CellResult> cells) {
        TextTable table = new TextTable("runtime", "http", "delivery", "scenario", "sink", ">payload", ">conc",
                "format", ">lower", ">estimate", ">upper", ">records/s", ">p50", ">p90", ">p99", ">p99.9", ">max",
                ">errors", "cpu gw/broker/lg", ">gw us/req", "verify");
        StringBuilder notes = new StringBuilder();
        for (CellResult cell : cells) {
            Estimate t = cell.throughput();
            LatencySummary l = cell.latency();
            table.row(cell.runtime(), cell.http(), cell.delivery(), cell.scenario(), cell.sink(),
                    CellFacts.payload(cell), String.valueOf(cell.concurrency()), CellFacts.format(cell),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.lower()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.estimate()),
                    t == null ? Formats.UNKNOWN : Formats.rate(t.upper()),
                    t == null ? Formats.UNKNOWN : Formats.rate(cell.recordsPerSecond()),
                    l == null ? Formats.UNKNOWN : Formats.micros(l.p50()),
                    l == null ? Formats.UNKNOWN : Formats.micros(l.p90()),
                    l == null ? Formats.UNKNOWN : Formats.micros(l.p99()),
                    l == null ? Formats.UNKNOWN : Formats.micros(l.p999()),
                    l == null ? Formats.UNKNOWN : Formats.micros(l.max()),
                    Formats.count(CellFacts.errors(cell)), CellFacts.cpu(cell), CellFacts.cpuPerRequest(cell),
                    "verify: " + CellFacts.verification(cell));
            String outcome = CellFacts.outcome(cell);
            if (!CellFacts.OK.equals(outcome)) {
                notes.append(outcome).append(' ').append(cell.id());
                if (cell.note() != null && !cell.note().isEmpty()) {
                    notes.append(": ").append(cell.note());
                }
                notes.append('\n');
            }
        }
        return "throughput: req/s, 95% bootstrap CI (lower estimate upper), and records/s (estimate x records per "
                + "request); latency: percentiles; gw us/req: the gateway's CPU microseconds per request\n"
                + table.render() + (notes.isEmpty() ? "" : "\n" + notes);
    }
}

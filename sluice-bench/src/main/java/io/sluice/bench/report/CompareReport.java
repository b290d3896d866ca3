package io.sluice.bench.report;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.stats.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput of the current run against a previous {@code results.json}, cell by cell (matched by
 * {@link CellResult#id()}): old and new estimates and Criterion's {@code change: [lo est hi] verdict}
 * (see {@link Comparison} for how the interval is bounded without the old samples). Cells only in one run
 * are listed as added or removed. Immutable.
 *
 * @param common  cells in both runs, in the current run's order
 * @param added   ids only in the current run
 * @param removed ids only in the previous run
 */
public record CompareReport(List<Change> common, List<String> added, List<String> removed) {

    /**
     * One cell in both runs.
     *
     * @param comparison null when either run has no throughput for the cell (skipped or broken)
     */
    public record Change(String id, Estimate previous, Estimate current, Comparison comparison) {
    }

    public static CompareReport of(BenchRun previous, BenchRun current) {
        Map<String, CellResult> before = byId(previous.cells());
        Map<String, CellResult> now = byId(current.cells());
        List<Change> common = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (CellResult cell : now.values()) {
            CellResult old = before.get(cell.id());
            if (old == null) {
                added.add(cell.id());
            } else {
                Estimate o = old.throughput();
                Estimate n = cell.throughput();
                common.add(new Change(cell.id(), o, n, o == null || n == null ? null : Comparison.of(o, n)));
            }
        }
        List<String> removed = before.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        return new CompareReport(List.copyOf(common), List.copyOf(added), removed);
    }

    /** The human form: an aligned table of common cells, then the added and removed ones. */
    public String render() {
        TextTable table = new TextTable("cell", ">old req/s", ">new req/s", "change (95% CI)", "verdict");
        for (Change c : common) {
            String old = c.previous() == null ? Formats.UNKNOWN : Formats.rate(c.previous().estimate());
            String now = c.current() == null ? Formats.UNKNOWN : Formats.rate(c.current().estimate());
            if (c.comparison() == null) {
                table.row(c.id(), old, now, "-", "not comparable");
            } else {
                Estimate ch = c.comparison().change();
                table.row(c.id(), old, now, "change: [" + Comparison.percent(ch.lower()) + " "
                        + Comparison.percent(ch.estimate()) + " " + Comparison.percent(ch.upper()) + "]",
                        c.comparison().verdict().label());
            }
        }
        StringBuilder out = new StringBuilder(table.render());
        added.forEach(id -> out.append("added:   ").append(id).append('\n'));
        removed.forEach(id -> out.append("removed: ").append(id).append('\n'));
        return out.toString();
    }

    private static Map<String, CellResult> byId(List<CellResult> cells) {
        Map<String, CellResult> byId = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            byId.put(cell.id(), cell);
        }
        return byId;
    }
}

package io.sluice.bench.run;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.TlsFigures;
import io.sluice.bench.model.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns what one cell measured into its {@link CellResult}, with its verdict. Pure. */
final class CellResults {
    private CellResults() {
    }

    /**
     * A finished cell: FAILED when {@code problem} is set (e.g. the gateway's exit code), when Kafka holds
     * a different number of records than the 2xx answers promise, or when nothing succeeded. The CPU gets its
     * per-request figures from the throughput.
     */
    static CellResult of(CellSpec cell, Estimate throughput, LatencySummary latency, Map<String, Long> statuses,
                         Map<String, Long> errors, CpuUsage cpu, Verification verification, OutlierSummary outliers,
                         long[] perSecond, String problem, String note, TlsFigures tls) {
        if (problem == null && !verification.ok()) {
            problem = "verification failed: " + verification.successes() + " successes ("
                    + verification.expectedRecords() + " records), " + verification.records() + " records in Kafka";
        } else if (problem == null && verification.successes() == 0) {
            problem = "no successful request";
        }
        boolean ok = problem == null;
        List<Long> timeline = new ArrayList<>(perSecond.length);
        for (long v : perSecond) {
            timeline.add(v);
        }
        return new CellResult(cell.id(), cell.runtime(), cell.http(), cell.delivery(), cell.scenario().cliName(),
                cell.sink(), cell.payloadBytes(), cell.concurrency(), throughput, latency, statuses, errors,
                cpu.per(throughput.estimate(), cell.batch()), verification, outliers, timeline, ok ? "OK" : "FAILED",
                ok ? note : problem, tls, cell.format().cliName(), cell.batch());
    }

    /** A cell that broke before it measured anything: nothing but the reason. */
    static CellResult failed(CellSpec cell, String why) {
        return new CellResult(cell.id(), cell.runtime(), cell.http(), cell.delivery(), cell.scenario().cliName(),
                cell.sink(), cell.payloadBytes(), cell.concurrency(), new Estimate(0, 0, 0),
                new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), Map.of(), Map.of(),
                new CpuUsage(Double.NaN, Double.NaN, Double.NaN), new Verification(0, 0, false),
                new OutlierSummary(0, 0, 0, 0, 0), List.of(), "FAILED", why, null, cell.format().cliName(),
                cell.batch());
    }
}

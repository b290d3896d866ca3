package io.sluice.bench.stats;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Rounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Merges the rounds of one cell ({@code sluice bench --rounds N}) into the cell the reports show. Pure.
 *
 * <p>On a shared 2-core machine one round can be disturbed by a neighbour, and its figures (throughput, latency,
 * CPU) belong together, so averaging them would describe no round that happened. The cell therefore reports one
 * whole round: the one with the median throughput, the lower middle one for an even count. Rounds 81,400,
 * 62,100 and 79,800 req/s report the third round (79,800). Every round's throughput, CPU per request and outcome
 * are kept beside it ({@link Rounds}), and the cell is FAILED if any round failed, whichever round it reports,
 * since a round that lost acknowledged records is a finding however the others went.
 */
public final class MedianRound {
    private static final String FAILED = "FAILED";

    private MedianRound() {
    }

    /** The cell to report for these rounds (in round order); a single round is returned as it is. */
    public static CellResult of(List<CellResult> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one round");
        }
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        List<Integer> bySpeed = IntStream.range(0, rounds.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> throughput(rounds.get(i)))).toList();
        int reported = bySpeed.get((rounds.size() - 1) / 2);
        List<Double> perSecond = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            CellResult r = rounds.get(i);
            perSecond.add(throughput(r));
            cpu.add(r.cpu() == null ? Double.NaN : r.cpu().gatewayMicrosPerRequest());
            boolean failed = failed(r);
            outcomes.add(failed ? FAILED : "OK");
            if (failed) {
                failures.add("round " + (i + 1) + " of " + rounds.size() + " failed"
                        + (r.note() == null || r.note().isEmpty() ? "" : ": " + r.note()));
            }
        }
        CellResult chosen = rounds.get(reported);
        Rounds all = new Rounds(List.copyOf(perSecond), List.copyOf(cpu), List.copyOf(outcomes), reported + 1);
        if (failures.isEmpty()) {
            return chosen.reporting(all, chosen.status(), chosen.note());
        }
        return chosen.reporting(all, FAILED, String.join("; ", failures));
    }

    private static boolean failed(CellResult r) {
        return FAILED.equalsIgnoreCase(r.status()) || r.verification() != null && !r.verification().ok();
    }

    /** The round's throughput estimate; 0 for a round that broke before measuring anything. */
    private static double throughput(CellResult r) {
        double t = r.throughput() == null ? 0 : r.throughput().estimate();
        return Double.isNaN(t) ? 0 : t;
    }
}

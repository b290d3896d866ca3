package io.sluice.bench.report;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Rounds;
import java.util.ArrayList;
import java.util.List;

/**
 * Every round of every cell of a {@code sluice bench --rounds N} run, one line per cell: each round's req/s and
 * the gateway's CPU per request, the round the cell reports (its median) starred, failed rounds marked. Pure.
 *
 * <p>Example:
 * <pre>
 * rounds (req/s and gateway us CPU/req of each round; * = the round the cell reports, the median)
 *   io_uring/raw/async/keepalive/kafka/34B/c64: 81,400 (20.1)  62,100 (25.3)  79,800* (20.4)
 * </pre>
 */
public final class RoundsSummary {
    private RoundsSummary() {
    }

    /** The lines, or an empty list when every cell ran once. */
    public static List<String> lines(List<CellResult> cells) {
        List<String> out = new ArrayList<>();
        for (CellResult cell : cells) {
            Rounds r = cell.rounds();
            if (r == null || r.count() < 2) {
                continue;
            }
            StringBuilder line = new StringBuilder("  ").append(cell.id()).append(':');
            for (int i = 0; i < r.count(); i++) {
                line.append(i == 0 ? " " : "  ").append(Formats.rate(r.requestsPerSecond().get(i)));
                if (i + 1 == r.reported()) {
                    line.append('*');
                }
                line.append(" (").append(Formats.cpuMicros(r.gatewayMicrosPerRequest().get(i))).append(')');
                if (CellFacts.FAILED.equals(r.outcomes().get(i))) {
                    line.append(" FAILED");
                }
            }
            out.add(line.toString());
        }
        if (!out.isEmpty()) {
            out.add(0, "rounds (req/s and gateway us CPU/req of each round; * = the round the cell reports, the "
                    + "median)");
        }
        return out;
    }
}

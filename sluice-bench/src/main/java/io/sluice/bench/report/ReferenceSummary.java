package io.sluice.bench.report;

import io.sluice.bench.model.CellResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sluice bench --reference} answers, in a few lines: each Sluice cell's throughput and CPU per request
 * as multiples of the reference design's cell of the same scenario and connection count, measured in the same
 * run. Pure.
 *
 * <p>Example (figures illustrative):
 * <pre>
 * vs reference (same scenario and connections, same run; CPU/req: the server's CPU microseconds per request)
 *   reference keepalive c64: 95,100 req/s, 21.0 us CPU/req
 *   io_uring/raw/async keepalive c64: 1.12x req/s, 0.85x CPU/req
 *   io_uring/raw/ack keepalive c64: 0.61x req/s, 1.40x CPU/req
 * </pre>
 * Above 1x throughput and below 1x CPU per request are better for Sluice. Cells that carry batches compare
 * records/s and CPU per record instead (the reference carries one record per request). The reference answers
 * before it publishes, so its cell is the yardstick of an async server that skips verification.
 */
public final class ReferenceSummary {
    private static final String REFERENCE = "reference";

    private ReferenceSummary() {
    }

    /** The summary lines, or an empty list when the run has no reference cells. */
    public static List<String> lines(List<CellResult> cells) {
        List<CellResult> references = cells.stream().filter(c -> REFERENCE.equals(c.runtime())).toList();
        if (references.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("vs reference (same scenario and connections, same run; CPU/req: the server's CPU microseconds per "
                + "request)");
        for (CellResult ref : references) {
            out.add("  reference " + ref.scenario() + " c" + ref.concurrency() + ": "
                    + (CellFacts.failed(ref) ? "FAILED" : Formats.rate(rate(ref)) + " req/s, "
                    + Formats.cpuMicros(cpuPerRecord(ref)) + " us CPU/req"));
            for (CellResult cell : cells) {
                if (comparable(cell) && sameLoad(cell, ref)) {
                    out.add("  " + label(cell) + ": " + ratios(cell, ref));
                }
            }
        }
        return out;
    }

    /** {@code 1.12x req/s, 0.85x CPU/req}; records/s and CPU/record for batches. */
    private static String ratios(CellResult cell, CellResult ref) {
        if (CellFacts.failed(ref)) {
            return "n/a (the reference cell failed)";
        }
        boolean batches = cell.recordsPerRequest() > 1;
        return Formats.ratio(rate(cell), rate(ref)) + (batches ? " records/s, " : " req/s, ")
                + Formats.ratio(cpuPerRecord(cell), cpuPerRecord(ref)) + (batches ? " CPU/record" : " CPU/req")
                + (CellFacts.failed(cell) ? " (FAILED)" : "");
    }

    /** A Sluice gateway cell (not the producer alone, not an external server, not the reference). */
    private static boolean comparable(CellResult cell) {
        return !REFERENCE.equals(cell.runtime()) && !"external".equals(cell.runtime()) && cell.http() != null
                && !"-".equals(cell.http());
    }

    private static boolean sameLoad(CellResult cell, CellResult ref) {
        return cell.scenario().equals(ref.scenario()) && cell.concurrency() == ref.concurrency()
                && rateSuffix(cell.id()).equals(rateSuffix(ref.id()));
    }

    /** The offered rate of a rate cell as its id carries it ({@code /r20000}), or empty. */
    private static String rateSuffix(String id) {
        for (String part : id.split("/")) {
            if (part.matches("r\\d+")) {
                return part;
            }
        }
        return "";
    }

    /** {@code io_uring/raw/async keepalive c64}, with /tls, the format and sink none where they apply. */
    private static String label(CellResult cell) {
        StringBuilder label = new StringBuilder(cell.runtime() + "/" + cell.http() + "/" + cell.delivery());
        if (cell.tls() != null) {
            label.append('/').append(cell.tls().transport());
        }
        if (cell.recordsPerRequest() > 1) {
            label.append(' ').append(CellFacts.format(cell));
        }
        if ("none".equals(cell.sink())) {
            label.append(" sink none");
        }
        return label.append(' ').append(cell.scenario()).append(" c").append(cell.concurrency()).toString();
    }

    private static double rate(CellResult cell) {
        return cell.throughput() == null ? Double.NaN : cell.recordsPerSecond();
    }

    /** The server's CPU per record: per request for the reference and raw cells, which carry one each. */
    private static double cpuPerRecord(CellResult cell) {
        return cell.cpu() == null ? Double.NaN : cell.cpu().gatewayMicrosPerRecord();
    }
}

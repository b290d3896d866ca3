package io.sluice.bench.report;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Verification;
import java.util.Map;

/** What the reports derive from a cell, the same way in every format. Tolerates the nulls of a skipped cell. */
final class CellFacts {
    static final String OK = "OK";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";

    private CellFacts() {
    }

    /** OK, FAILED (the cell broke or Kafka does not hold what was acknowledged) or SKIPPED. */
    static String outcome(CellResult cell) {
        if (SKIPPED.equalsIgnoreCase(cell.status())) {
            return SKIPPED;
        }
        boolean verified = cell.verification() == null || cell.verification().ok();
        return FAILED.equalsIgnoreCase(cell.status()) || !verified ? FAILED : OK;
    }

    static boolean failed(CellResult cell) {
        return FAILED.equals(outcome(cell));
    }

    /** Requests that did not succeed: those without an answer plus non-2xx answers. */
    static long errors(CellResult cell) {
        long errors = sum(cell.errors());
        if (cell.statuses() != null) {
            for (Map.Entry<String, Long> e : cell.statuses().entrySet()) {
                if (!e.getKey().startsWith("2") && e.getValue() != null) {
                    errors += e.getValue();
                }
            }
        }
        return errors;
    }

    /** {@code 1.52/0.40/0.81}: cores used by gateway, broker and load generator. */
    static String cpu(CellResult cell) {
        CpuUsage cpu = cell.cpu();
        if (cpu == null) {
            return Formats.UNKNOWN;
        }
        return Formats.cores(cpu.gateway()) + "/" + Formats.cores(cpu.broker()) + "/" + Formats.cores(cpu.loadgen());
    }

    /**
     * The gateway's CPU microseconds per request, {@code 18.4}; for batching formats also per record,
     * {@code 24.5 (2.45/rec)}.
     */
    static String cpuPerRequest(CellResult cell) {
        CpuUsage cpu = cell.cpu();
        if (cpu == null) {
            return Formats.UNKNOWN;
        }
        String perRequest = Formats.cpuMicros(cpu.gatewayMicrosPerRequest());
        return cell.recordsPerRequest() > 1 && !perRequest.equals(Formats.UNKNOWN)
                ? perRequest + " (" + Formats.cpuMicros(cpu.gatewayMicrosPerRecord()) + "/rec)" : perRequest;
    }

    /**
     * {@code 2xx=81,432 records=81,432 OK}; records are "n/a" for sinks that write nowhere, and marked
     * {@code (unchecked)} where they were counted but prove nothing (the reference design answers before it
     * publishes).
     */
    static String verification(CellResult cell) {
        Verification v = cell.verification();
        if (v == null) {
            return "2xx=- records=- " + outcome(cell);
        }
        String records = v.applicable() ? Formats.count(v.records())
                : v.records() > 0 ? Formats.count(v.records()) + " (unchecked)" : "n/a";
        String batch = v.recordsPerRequest() > 1 ? " x" + v.recordsPerRequest() : "";
        return "2xx=" + Formats.count(v.successes()) + batch + " records=" + records + " " + outcome(cell);
    }

    /** The body format and its records per request: {@code raw}, {@code v2-json x10}. */
    static String format(CellResult cell) {
        return cell.formatName() + (cell.recordsPerRequest() > 1 ? " x" + cell.recordsPerRequest() : "");
    }

    /** The payload size as {@code 34B}. */
    static String payload(CellResult cell) {
        return cell.payloadBytes() + "B";
    }

    static String outliers(CellResult cell) {
        if (cell.outliers() == null) {
            return Formats.UNKNOWN;
        }
        return cell.outliers().total() + "/" + cell.outliers().samples();
    }

    private static long sum(Map<String, Long> counts) {
        long total = 0;
        if (counts != null) {
            for (Long v : counts.values()) {
                total += v == null ? 0 : v;
            }
        }
        return total;
    }
}

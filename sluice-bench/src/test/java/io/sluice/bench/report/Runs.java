package io.sluice.bench.report;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.Verification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bench runs to render: a verified Kafka cell, one whose records do not match, an HTTP-only ceiling. */
final class Runs {
    static final String OK_ID = "epoll/raw/async/keepalive/kafka/34B";
    static final String FAILED_ID = "io_uring/raw/ack/burst/kafka/34B";
    static final String CEILING_ID = "nio/codec/async/keepalive/none/34B";

    private Runs() {
    }

    static BenchRun sample() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("cpu", "Intel Xeon @ 2.20GHz, 2 cores");
        environment.put("kernel", "6.8.0-1015-gcp");
        environment.put("jdk", "25 <Temurin> & friends");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("duration", "30s");
        settings.put("warmup", "5s");
        return new BenchRun("2025-06-01T10:00:00Z", environment, settings, List.of(
                cell(OK_ID, "epoll", "kafka", new Estimate(80_910, 81_432, 81_977),
                        new Verification(2_443_000, 2_443_000, true), "OK", ""),
                cell(FAILED_ID, "io_uring", "kafka", new Estimate(3_924.6, 3_931.2, 3_939.5),
                        new Verification(117_936, 117_900, true), "FAILED",
                        "36 acknowledged records missing in <topic> \"ingest\" & co"),
                cell(CEILING_ID, "nio", "none", new Estimate(152_000, 153_210, 154_400),
                        new Verification(4_596_300, 0, false), "OK", "")));
    }

    /** A cell the orchestrator could not run: nothing measured, only a reason. */
    static CellResult skipped(String id) {
        return new CellResult(id, "io_uring", null, "async", "keepalive", "kafka", 34, 64, null, null, null, null,
                null, null, null, null, "SKIPPED", "io_uring is not available: kernel.io_uring_disabled=2");
    }

    /** The sample run plus a skipped cell. */
    static BenchRun withSkipped() {
        BenchRun run = sample();
        java.util.List<CellResult> cells = new java.util.ArrayList<>(run.cells());
        cells.add(skipped("io_uring/codec/async/keepalive/kafka/34B"));
        return new BenchRun(run.startedAt(), run.environment(), run.settings(), cells);
    }

    static CellResult cell(String id, String runtime, String sink, Estimate throughput, Verification verification,
                           String status, String note) {
        String[] parts = id.split("/");
        Map<String, Long> statuses = new LinkedHashMap<>();
        statuses.put("200", verification.successes());
        statuses.put("503", 12L);
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("TIMEOUT", 3L);
        return new CellResult(id, runtime, parts[1], parts[2], parts[3], sink, 34, 64, throughput,
                new LatencySummary(812, 1_540, 4_020, 12_300, 48_100), statuses, errors,
                new CpuUsage(1.52, "none".equals(sink) ? Double.NaN : 0.4, 0.81).per(throughput.estimate(), 1),
                verification,
                new OutlierSummary(0, 1, 2, 0, 30), List.of(80_100L, 81_500L, 81_900L, 82_200L), status, note);
    }
}

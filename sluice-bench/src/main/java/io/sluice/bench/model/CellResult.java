package io.sluice.bench.model;

import java.util.List;
import java.util.Map;

/**
 * One cell of the matrix: a gateway configuration under one load shape.
 *
 * @param id           stable key for comparisons, e.g. "epoll/raw/async/keepalive/kafka/34B"
 * @param runtime      nio, epoll, io_uring, virtual ("-" for the producer-alone baseline, "reference" for the
 *                     reference design, "external" for --target-url)
 * @param http         raw, codec (or "-")
 * @param delivery     ack, async (or "-" for the reference design)
 * @param scenario     burst, keepalive, connect, rate
 * @param sink         kafka, none (the HTTP-only ceiling), producer (the Kafka-only ceiling), external
 * @param payloadBytes request body size
 * @param concurrency  connections / burst size
 * @param throughput   requests per second with its 95% bootstrap interval
 * @param latency      percentiles (microseconds)
 * @param statuses     answers by status code
 * @param errors       requests without answers, by kind
 * @param cpu          cores used by gateway, broker and load generator; the gateway's CPU per request
 * @param verification records in Kafka against 2xx answers
 * @param outliers     sample outliers
 * @param perSecond    2xx answers per second (timeline)
 * @param status       OK, FAILED (verification failed or the cell broke) or SKIPPED
 * @param note         why a cell failed or was skipped; otherwise empty or a remark (the reference's records)
 * @param tls          handshake figures of a TLS cell; null in plaintext
 * @param format       raw, ndjson or v2-json (null in results written before formats: raw)
 * @param batch        records per request (0 in results written before batches: 1)
 * @param rounds       every round's figures when the cell ran more than once ({@code --rounds}); null otherwise
 */
public record CellResult(String id, String runtime, String http, String delivery, String scenario, String sink,
                         int payloadBytes, int concurrency, Estimate throughput, LatencySummary latency,
                         Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                         Verification verification, OutlierSummary outliers, List<Long> perSecond,
                         String status, String note, TlsFigures tls, String format, int batch, Rounds rounds) {

    /** A cell run once. */
    public CellResult(String id, String runtime, String http, String delivery, String scenario, String sink,
                      int payloadBytes, int concurrency, Estimate throughput, LatencySummary latency,
                      Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                      Verification verification, OutlierSummary outliers, List<Long> perSecond,
                      String status, String note, TlsFigures tls, String format, int batch) {
        this(id, runtime, http, delivery, scenario, sink, payloadBytes, concurrency, throughput, latency, statuses,
                errors, cpu, verification, outliers, perSecond, status, note, tls, format, batch, null);
    }

    /** A cell of raw requests, one record each. */
    public CellResult(String id, String runtime, String http, String delivery, String scenario, String sink,
                      int payloadBytes, int concurrency, Estimate throughput, LatencySummary latency,
                      Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                      Verification verification, OutlierSummary outliers, List<Long> perSecond,
                      String status, String note, TlsFigures tls) {
        this(id, runtime, http, delivery, scenario, sink, payloadBytes, concurrency, throughput, latency, statuses,
                errors, cpu, verification, outliers, perSecond, status, note, tls, "raw", 1);
    }

    /** Records per request: 1 for raw cells and for results written before batches. */
    public int recordsPerRequest() {
        return Math.max(1, batch);
    }

    /** Records per second: the throughput estimate times the records each request carries; NaN when unknown. */
    public double recordsPerSecond() {
        return throughput == null ? Double.NaN : throughput.estimate() * recordsPerRequest();
    }

    /** The body format, {@code raw} for results written before formats. */
    public String formatName() {
        return format == null ? "raw" : format;
    }

    /** This cell as the report of several rounds, with the merged status and note. */
    public CellResult reporting(Rounds allRounds, String mergedStatus, String mergedNote) {
        return new CellResult(id, runtime, http, delivery, scenario, sink, payloadBytes, concurrency, throughput,
                latency, statuses, errors, cpu, verification, outliers, perSecond, mergedStatus, mergedNote, tls,
                format, batch, allRounds);
    }

    /** A plaintext cell (no TLS figures). */
    public CellResult(String id, String runtime, String http, String delivery, String scenario, String sink,
                      int payloadBytes, int concurrency, Estimate throughput, LatencySummary latency,
                      Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                      Verification verification, OutlierSummary outliers, List<Long> perSecond,
                      String status, String note) {
        this(id, runtime, http, delivery, scenario, sink, payloadBytes, concurrency, throughput, latency, statuses,
                errors, cpu, verification, outliers, perSecond, status, note, null);
    }
}

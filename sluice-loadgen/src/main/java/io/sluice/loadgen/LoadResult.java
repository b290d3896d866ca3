package io.sluice.loadgen;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured (warm-up excluded).
 *
 * @param spec                 the run
 * @param sent                 requests sent
 * @param statusCounts         answers by HTTP status (2xx included)
 * @param errors               requests without an answer, by cause
 * @param latencyMicros        latency of answered requests in microseconds; for RATE measured from each
 *                             request's intended start time (coordinated-omission free)
 * @param samples              throughput samples for confidence intervals
 * @param completionsPerSecond 2xx answers in each second of the measurement (a timeline)
 * @param loadgenCpuSeconds    CPU time this process used during the measurement
 * @param measuredNanos        wall time of the measurement
 * @param warmupSuccesses      2xx answers to requests started during the warm-up: excluded from every
 *                             statistic, but the server did the work (a benchmark's verification in Kafka
 *                             must count them)
 * @param activity             what happened in each second of the measurement, whatever the status
 * @param handshakes           TLS handshakes of the connections that carried measured requests (zero in
 *                             plaintext; for a keep-alive run, only connections opened for a measured request)
 */
public record LoadResult(LoadSpec spec, long sent, Map<Integer, Long> statusCounts, Map<ErrorKind, Long> errors,
                         Histogram latencyMicros, List<Sample> samples, long[] completionsPerSecond,
                         double loadgenCpuSeconds, long measuredNanos, long warmupSuccesses, Activity activity,
                         Handshakes handshakes) {

    /** TLS handshakes: full ones, and ones that resumed an earlier session (cheaper: no certificate, no key exchange). */
    public record Handshakes(long full, long resumed) {
        public static final Handshakes NONE = new Handshakes(0, 0);

        public long total() {
            return full + resumed;
        }
    }

    /**
     * Requests by the second of the measurement in which they started, got an answer (any status), or failed
     * without one (warm-up requests included when they end inside the measurement).
     */
    public record Activity(long[] started, long[] answered, long[] failed) {
    }

    /** Answers with a 2xx status. */
    public long successes() {
        return statusCounts.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
    }
}

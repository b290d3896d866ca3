package io.sluice.bench.model;

import java.util.List;
import java.util.Map;

/**
 * One soak phase: one runtime, one HTTP style, one load shape, for the whole duration, against a fresh gateway
 * process and a fresh topic.
 *
 * @param id              e.g. "io_uring/raw/ack/keepalive"
 * @param runtime         --io value
 * @param http            --http value
 * @param delivery        ack or async
 * @param mode            keepalive or connect
 * @param concurrency     connections (keepalive) or workers (connect)
 * @param seconds         length of the load
 * @param throughput      2xx answers per second over the whole phase
 * @param latency         percentiles of answered requests (microseconds)
 * @param statuses        answers by status code
 * @param errors          requests without an answer, by kind (connect errors by errno)
 * @param stallSeconds    seconds with requests outstanding and nothing finished
 * @param longestStall    longest run of consecutive stall seconds
 * @param deliveryCheck   the proof in Kafka
 * @param growth          resource growth checks
 * @param gatewayWarnings WARN/ERROR lines in the gateway's log once it was ready (accept failures land there)
 * @param warningExamples the first few of them
 * @param gatewayExit     exit code of the gateway after SIGTERM (0 = drained and flushed)
 * @param failures        why the phase failed; empty when it passed
 * @param timeline        one entry per second
 */
public record SoakPhase(String id, String runtime, String http, String delivery, String mode, int concurrency,
                        int seconds, double throughput, LatencySummary latency, Map<String, Long> statuses,
                        Map<String, Long> errors, List<Integer> stallSeconds, int longestStall,
                        DeliveryReport deliveryCheck, List<GrowthCheck> growth, long gatewayWarnings,
                        List<String> warningExamples, int gatewayExit, List<String> failures,
                        List<SoakSecond> timeline) {

    public boolean passed() {
        return failures.isEmpty();
    }
}

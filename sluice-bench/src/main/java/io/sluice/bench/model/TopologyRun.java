package io.sluice.bench.model;

import java.util.List;
import java.util.Map;

/**
 * A whole {@code sluice soak --topology} run: gateways behind HAProxy in front of a Kafka cluster, sustained
 * load, a rolling restart and a broker killed and brought back, and the verdicts.
 *
 * @param startedAt      when the run started (UTC, ISO-8601)
 * @param topology       e.g. "3x3" (gateways x Kafka nodes)
 * @param environment    machine, JDK, what ran where
 * @param settings       the run's settings, HAProxy's included, each with why
 * @param seconds        length of the load
 * @param offeredRate    requests offered per second (open loop)
 * @param sent           requests sent
 * @param throughput     2xx answers per second over the whole load
 * @param latency        answered requests' latency, microseconds, from each request's intended start
 * @param statuses       answers by status
 * @param errors         requests without an answer, by kind
 * @param allowed        what clients saw that a deployment may show them (2xx, 503), counts
 * @param refused        what clients saw that it may not (other statuses, errors), counts
 * @param deliveryCheck  every acknowledged id read back from Kafka
 * @param balancer       what HAProxy did on the clients' behalf (retries, redispatches, 5xx from gateways...),
 *                       from its stats socket at the end of the load; empty if it could not be read
 * @param events         the events in time order, with their recovery times
 * @param recoveryRule   how recovery is judged, in words
 * @param recoveryThreshold 2xx per second below which a second counts as low (not recovered)
 * @param gatewayExits   every gateway stop's exit code, in order (the rolling restart's and the final ones)
 * @param failures       why the run failed; empty when it passed
 * @param timeline       one entry per second (load generator figures only; the gateways' resources are not
 *                       sampled: there are several, and they restart)
 */
public record TopologyRun(String startedAt, String topology, Map<String, String> environment,
                          Map<String, String> settings, int seconds, double offeredRate, long sent,
                          double throughput, LatencySummary latency, Map<String, Long> statuses,
                          Map<String, Long> errors, Map<String, Long> allowed, Map<String, Long> refused,
                          DeliveryReport deliveryCheck, Map<String, Long> balancer, List<TopologyEvent> events, String recoveryRule,
                          double recoveryThreshold,
                          List<Integer> gatewayExits, List<String> failures, List<SoakSecond> timeline) {

    public boolean passed() {
        return failures.isEmpty();
    }
}

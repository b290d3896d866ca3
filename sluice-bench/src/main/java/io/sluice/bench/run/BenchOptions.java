package io.sluice.bench.run;

import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one {@code sluice bench} run is told. Immutable.
 *
 * @param runtimes         --io values to test
 * @param https            --http values to test (invalid pairs such as virtual + codec are skipped)
 * @param deliveries       ack, async
 * @param scenarios        load shapes
 * @param payloadBytes     request body size
 * @param connections      keep-alive connections / connect workers: keepalive, connect and rate cells are made
 *                         once per count (burst cells use {@code burstSize})
 * @param burstSize        K of the burst scenario
 * @param rate             offered rate of the rate scenario
 * @param warmup           load before measuring, per cell
 * @param duration         measurement per cell
 * @param samples          burst samples
 * @param baselines        add the null-sink and producer-alone cells
 * @param quick            the short matrix
 * @param bootstrapServers external Kafka, or null for the embedded broker
 * @param targetUrl        an external HTTP server to drive instead of Sluice, or null
 * @param pinCpus          CPU lists for taskset: gateway, load generator (null = no pinning)
 * @param outputRoot       where bench-results/&lt;timestamp&gt;/ goes
 * @param compare          a previous results.json to compare with, or null
 * @param gatewayJvmArgs   extra JVM options for the gateway under test
 * @param gatewayArgs      extra {@code sluice serve} options for the gateway under test
 * @param brokerWarmup     how long to produce before the first cell (zero: no broker warm-up)
 * @param tls              also run each gateway cell over TLS (see {@link Matrix})
 * @param formats          how requests carry records (raw, ndjson, v2-json); one cell each
 * @param batch            records per request of the batching formats (raw cells always carry 1)
 * @param rounds           how many times the whole list of cells runs, round-robin (each cell reports its median
 *                         round)
 * @param reference        the reference design's launcher ({@code PATH PORT BOOTSTRAP TOPIC}), measured in the same
 *                         run before Sluice's cells of each scenario and connection count; null for none
 */
public record BenchOptions(List<String> runtimes, List<String> https, List<String> deliveries,
                           List<Scenario> scenarios, int payloadBytes, List<Integer> connections, int burstSize,
                           double rate, Duration warmup, Duration duration, int samples, boolean baselines,
                           boolean quick, String bootstrapServers, String targetUrl, List<String> pinCpus,
                           Path outputRoot, Path compare, List<String> gatewayJvmArgs, List<String> gatewayArgs,
                           Duration brokerWarmup, boolean tls, List<BodyFormat> formats, int batch, int rounds,
                           Path reference) {

    public BenchOptions {
        connections = List.copyOf(connections);
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("at least one connection count is needed");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
    }

    /** One connection count, one round, no reference. */
    public BenchOptions(List<String> runtimes, List<String> https, List<String> deliveries,
                        List<Scenario> scenarios, int payloadBytes, int connections, int burstSize, double rate,
                        Duration warmup, Duration duration, int samples, boolean baselines, boolean quick,
                        String bootstrapServers, String targetUrl, List<String> pinCpus, Path outputRoot,
                        Path compare, List<String> gatewayJvmArgs, List<String> gatewayArgs,
                        Duration brokerWarmup, boolean tls, List<BodyFormat> formats, int batch) {
        this(runtimes, https, deliveries, scenarios, payloadBytes, List.of(connections), burstSize, rate, warmup,
                duration, samples, baselines, quick, bootstrapServers, targetUrl, pinCpus, outputRoot, compare,
                gatewayJvmArgs, gatewayArgs, brokerWarmup, tls, formats, batch, 1, null);
    }

    /** Raw requests only, one record each. */
    public BenchOptions(List<String> runtimes, List<String> https, List<String> deliveries,
                        List<Scenario> scenarios, int payloadBytes, int connections, int burstSize, double rate,
                        Duration warmup, Duration duration, int samples, boolean baselines, boolean quick,
                        String bootstrapServers, String targetUrl, List<String> pinCpus, Path outputRoot,
                        Path compare, List<String> gatewayJvmArgs, List<String> gatewayArgs,
                        Duration brokerWarmup, boolean tls) {
        this(runtimes, https, deliveries, scenarios, payloadBytes, connections, burstSize, rate, warmup, duration,
                samples, baselines, quick, bootstrapServers, targetUrl, pinCpus, outputRoot, compare, gatewayJvmArgs,
                gatewayArgs, brokerWarmup, tls, List.of(BodyFormat.RAW), 1);
    }

    /** Options without the TLS cells. */
    public BenchOptions(List<String> runtimes, List<String> https, List<String> deliveries,
                        List<Scenario> scenarios, int payloadBytes, int connections, int burstSize, double rate,
                        Duration warmup, Duration duration, int samples, boolean baselines, boolean quick,
                        String bootstrapServers, String targetUrl, List<String> pinCpus, Path outputRoot,
                        Path compare, List<String> gatewayJvmArgs, List<String> gatewayArgs,
                        Duration brokerWarmup) {
        this(runtimes, https, deliveries, scenarios, payloadBytes, connections, burstSize, rate, warmup, duration,
                samples, baselines, quick, bootstrapServers, targetUrl, pinCpus, outputRoot, compare, gatewayJvmArgs,
                gatewayArgs, brokerWarmup, false);
    }
}

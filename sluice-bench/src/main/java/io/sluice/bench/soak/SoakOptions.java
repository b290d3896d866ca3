package io.sluice.bench.soak;

import io.sluice.loadgen.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one {@code sluice soak} is told. Immutable.
 *
 * @param runtimes         --io values, one phase set each, in this order
 * @param http             --http style of every phase
 * @param modes            KEEPALIVE and/or CONNECT: a phase each per runtime
 * @param delivery         ack (checked exactly once) or async (checked at least once, after the flush)
 * @param duration         load per phase
 * @param connections      keep-alive connections, or connect-mode workers
 * @param rate             requests offered per second in keepalive mode (open loop: intended start times, over
 *                         up to {@code connections} connections), so the load does not depend on the machine; 0
 *                         for the closed loop
 * @param payloadBytes     request body size (at least the id payload's 44 bytes)
 * @param requestTimeout   a request without an answer after this counts as a timeout
 * @param bootstrapServers external Kafka, or null for the embedded broker
 * @param outputRoot       where soak-&lt;timestamp&gt;/ goes
 * @param bounds           what a phase may do and still pass
 * @param gatewayJvmArgs   extra JVM options for the gateway
 * @param gatewayArgs      extra {@code sluice serve} options for the gateway
 * @param brokerQuota      bytes per second the broker lets each producer write (a slow broker, for an overload
 *                         soak); 0 for none
 */
public record SoakOptions(List<String> runtimes, String http, List<Scenario> modes, String delivery,
                          Duration duration, int connections, double rate, int payloadBytes, Duration requestTimeout,
                          String bootstrapServers, Path outputRoot, SoakBounds bounds, List<String> gatewayJvmArgs,
                          List<String> gatewayArgs, long brokerQuota) {

    /** These options with other bounds. */
    public SoakOptions withBounds(SoakBounds other) {
        return new SoakOptions(runtimes, http, modes, delivery, duration, connections, rate, payloadBytes,
                requestTimeout, bootstrapServers, outputRoot, other, gatewayJvmArgs, gatewayArgs, brokerQuota);
    }
}

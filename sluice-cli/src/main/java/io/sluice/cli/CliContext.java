package io.sluice.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands take from the outside world, so tests can replace each part.
 *
 * @param env        environment variables (only {@code SLUICE_*} ones are read)
 * @param brokers    starts the embedded Kafka broker
 * @param gateways   starts the HTTP gateway
 * @param stop       waits for SIGTERM/SIGINT
 * @param cores      the default of {@code --io-threads}
 * @param procLimits where the process's limits are read from ({@code /proc/self/limits})
 */
public record CliContext(Map<String, String> env, EmbeddedBrokerLauncher brokers, GatewayLauncher gateways,
                         StopSignal stop, int cores, Path procLimits) {

    public CliContext {
        env = Map.copyOf(env);
    }

    /** The real process: its environment, the broker module, the Netty gateway, OS signals. */
    public static CliContext system() {
        return new CliContext(System.getenv(), new BrokerProcessLauncher(), GatewayLauncher.netty(),
                new ProcessStopSignal(), Runtime.getRuntime().availableProcessors(), OpenFilesLimit.PROC_LIMITS);
    }
}

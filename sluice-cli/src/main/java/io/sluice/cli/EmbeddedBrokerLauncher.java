package io.sluice.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the single-node Kafka broker that {@code sluice serve} (without {@code --bootstrap-servers})
 * and {@code sluice kafka} run. The CLI depends on this interface only, so its commands can be tested
 * without a broker; {@link BrokerProcessLauncher} is the real implementation.
 */
public interface EmbeddedBrokerLauncher {

    /**
     * Starts a broker and returns once it accepts clients and the topics exist.
     *
     * @param dataDir where the broker keeps its logs and metadata (created if missing)
     * @param port    the client port on 127.0.0.1
     * @param topics  topics to create, name to partition count; existing ones are left as they are
     * @throws Exception with a message fit for the user when the broker cannot start
     */
    RunningBroker start(Path dataDir, int port, Map<String, Integer> topics) throws Exception;

    /** A started broker. {@link #close()} stops it and is idempotent; it may be called from a shutdown hook. */
    interface RunningBroker extends AutoCloseable {

        /** The address clients use, e.g. {@code 127.0.0.1:9092}. */
        String bootstrapServers();

        @Override
        void close();
    }
}

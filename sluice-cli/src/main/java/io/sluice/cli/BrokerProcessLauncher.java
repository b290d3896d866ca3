package io.sluice.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Adapter from {@link EmbeddedBrokerLauncher} to the sluice-kafka-embedded module's
 * {@code io.sluice.kafka.embedded.BrokerProcess} (a broker in a child JVM).
 *
 * <p>Not connected yet: the broker module is being written in parallel, and the integrator joins the two
 * here. Until then every start fails with a clear message, and {@code sluice serve --bootstrap-servers ...}
 * (an external Kafka) is the way to run the gateway.
 */
public final class BrokerProcessLauncher implements EmbeddedBrokerLauncher {

    @Override
    public RunningBroker start(Path dataDir, int port, Map<String, Integer> topics) {
        throw new IllegalStateException("embedded broker module not wired yet");
    }
}

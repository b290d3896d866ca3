package io.sluice.cli;

import io.sluice.kafka.embedded.BrokerProcess;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the embedded broker as a child JVM ({@link BrokerProcess}): its heap, GC and CPU stay apart
 * from the gateway's (so benchmarks can tell them apart), and it dies with its parent (it exits when
 * its stdin closes). Uses this JVM's class path, which carries the broker's jars.
 */
public final class BrokerProcessLauncher implements EmbeddedBrokerLauncher {

    @Override
    public RunningBroker start(Path dataDir, int port, Map<String, Integer> topics) {
        BrokerProcess.Builder builder = BrokerProcess.builder().dataDir(dataDir).brokerPort(port);
        topics.forEach(builder::topic);
        BrokerProcess process = builder.start();
        return new RunningBroker() {
            @Override
            public String bootstrapServers() {
                return process.bootstrapServers();
            }

            @Override
            public void close() {
                process.close();
            }
        };
    }
}

package io.sluice.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The embedded broker's options, shared by {@code serve} (when it starts one) and {@code kafka}. */
public final class BrokerOptions {

    /** Partitions of the default topic when the embedded broker creates it. */
    static final int DEFAULT_TOPIC_PARTITIONS = 4;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./sluice-data",
            description = "Where Sluice keeps data; the embedded broker uses <DIR>/kafka. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client port of the embedded broker on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    int brokerPort;

    @Option(names = "--default-topic", paramLabel = "TOPIC", defaultValue = "events",
            description = "Topic for POSTs to any path other than /topics/{t}; created with "
                    + DEFAULT_TOPIC_PARTITIONS + " partitions by the embedded broker. "
                    + "An empty value disables it (404). Default: ${DEFAULT-VALUE}.")
    String defaultTopic;

    /** The embedded broker's own directory. */
    Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    /**
     * Starts the embedded broker these options describe.
     *
     * @param hint what else the user can do when it cannot start (appended to the error)
     * @throws CliException with a message fit for the user
     */
    EmbeddedBrokerLauncher.RunningBroker start(EmbeddedBrokerLauncher launcher, String hint) {
        try {
            return launcher.start(kafkaDataDir(), brokerPort, topicsToCreate());
        } catch (Exception e) {
            throw new CliException("cannot start the embedded Kafka broker on port " + brokerPort + ": "
                    + e.getMessage() + "; check --broker-port is free and --data-dir is writable" + hint, e);
        }
    }

    /** Topics the embedded broker creates: the default topic, if any. */
    Map<String, Integer> topicsToCreate() {
        return defaultTopic.isEmpty() ? Map.of() : Map.of(defaultTopic, DEFAULT_TOPIC_PARTITIONS);
    }
}

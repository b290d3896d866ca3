package io.sluice.kafka.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line of {@link BrokerMain}, parsed; an immutable value.
 *
 * @param brokerPort      {@code --port N} (default 9092, 0 = a free port)
 * @param controllerPort  {@code --controller-port N} (default 0 = a free port)
 * @param dataDir         {@code --data-dir DIR} (required)
 * @param topics          {@code --topic name:partitions}, repeatable, in the order given
 * @param exitOnStdinEof  {@code --exit-on-stdin-eof}: stop when standard input closes (the parent died)
 * @param nodeId          {@code --node-id N} (default 1)
 * @param quorumVoters    {@code --voters id@host:port,...}: the controller quorum, this node included;
 *                        null (the default) = this node alone
 * @param clusterId       {@code --cluster-id ID}: the id to format new storage with; null = a new one
 * @param configs         {@code --config key=value}, repeatable: Kafka server properties that win over
 *                        Sluice's defaults
 */
record BrokerArgs(int brokerPort, int controllerPort, Path dataDir, Map<String, Integer> topics, boolean exitOnStdinEof,
                  int nodeId, String quorumVoters, String clusterId, Map<String, String> configs) {

    static final String USAGE = "usage: BrokerMain --data-dir DIR [--port N] [--controller-port N]"
            + " [--topic name:partitions]... [--exit-on-stdin-eof]"
            + " [--node-id N] [--voters id@host:port,...] [--cluster-id ID] [--config key=value]...";

    private static final Pattern VOTER = Pattern.compile("\\d+@[^@:,\\s]+:\\d+");

    /** A single node, alone in its quorum, with Sluice's default server properties. */
    BrokerArgs(int brokerPort, int controllerPort, Path dataDir, Map<String, Integer> topics, boolean exitOnStdinEof) {
        this(brokerPort, controllerPort, dataDir, topics, exitOnStdinEof, EmbeddedKafkaBroker.NODE_ID, null, null, Map.of());
    }

    /** Parses {@code args}; throws IllegalArgumentException with a message fit for the user on bad input. */
    static BrokerArgs parse(List<String> args) {
        int brokerPort = EmbeddedKafkaBroker.DEFAULT_BROKER_PORT;
        int controllerPort = 0;
        Path dataDir = null;
        Map<String, Integer> topics = new LinkedHashMap<>();
        boolean exitOnStdinEof = false;
        int nodeId = EmbeddedKafkaBroker.NODE_ID;
        String voters = null;
        String clusterId = null;
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port" -> brokerPort = port(arg, value(args, ++i, arg));
                case "--controller-port" -> controllerPort = port(arg, value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--topic" -> addTopic(topics, value(args, ++i, arg));
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                case "--node-id" -> nodeId = nodeId(value(args, ++i, arg));
                case "--voters" -> voters = voters(value(args, ++i, arg));
                case "--cluster-id" -> clusterId = value(args, ++i, arg);
                case "--config" -> addConfig(configs, value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        if (voters != null) {
            checkVoterOf(nodeId, controllerPort, voters);
        }
        return new BrokerArgs(brokerPort, controllerPort, dataDir, Map.copyOf(topics), exitOnStdinEof,
                nodeId, voters, clusterId, Map.copyOf(configs));
    }

    /** The broker these arguments describe, not yet started. */
    EmbeddedKafkaBroker toBroker() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder()
                .dataDir(dataDir)
                .nodeId(nodeId)
                .brokerPort(brokerPort)
                .controllerPort(controllerPort)
                .topics(topics);
        if (quorumVoters != null) {
            builder.quorumVoters(quorumVoters);
        }
        if (clusterId != null) {
            builder.clusterId(clusterId);
        }
        configs.forEach(builder::config);
        return builder.build();
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + " must be a port number 0-65535, got '" + text + "'");
    }

    private static int nodeId(String text) {
        try {
            int id = Integer.parseInt(text);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--node-id must be a number >= 0, got '" + text + "'");
    }

    private static String voters(String spec) {
        if (!Arrays.stream(spec.split(",", -1)).allMatch(v -> VOTER.matcher(v).matches())) {
            throw new IllegalArgumentException("--voters must look like 1@127.0.0.1:9093,2@127.0.0.1:9095, got '" + spec + "'");
        }
        return spec;
    }

    /** This node must be one of the voters, on its own controller port (which therefore cannot be 0). */
    private static void checkVoterOf(int nodeId, int controllerPort, String voters) {
        String prefix = nodeId + "@";
        String self = Arrays.stream(voters.split(",")).filter(v -> v.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--node-id " + nodeId + " is not one of --voters " + voters));
        if (!self.endsWith(":" + controllerPort)) {
            throw new IllegalArgumentException("--voters gives node " + nodeId + " as " + self
                    + " but --controller-port is " + controllerPort + "; they must agree");
        }
    }

    private static void addConfig(Map<String, String> configs, String spec) {
        int equals = spec.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--config must look like key=value, got '" + spec + "'");
        }
        configs.put(spec.substring(0, equals), spec.substring(equals + 1));
    }

    private static void addTopic(Map<String, Integer> topics, String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("--topic must look like name:partitions, got '" + spec + "'");
        }
        try {
            int partitions = Integer.parseInt(spec.substring(colon + 1));
            if (partitions >= 1) {
                topics.put(spec.substring(0, colon), partitions);
                return;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--topic " + spec + ": partitions must be a number >= 1");
    }
}

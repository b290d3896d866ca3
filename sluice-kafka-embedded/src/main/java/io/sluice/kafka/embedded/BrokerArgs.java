package io.sluice.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link BrokerMain}, parsed; an immutable value.
 *
 * @param brokerPort      {@code --port N} (default 9092, 0 = a free port)
 * @param controllerPort  {@code --controller-port N} (default 0 = a free port)
 * @param dataDir         {@code --data-dir DIR} (required)
 * @param topics          {@code --topic name:partitions}, repeatable, in the order given
 * @param exitOnStdinEof  {@code --exit-on-stdin-eof}: stop when standard input closes (the parent died)
 */
record BrokerArgs(int brokerPort, int controllerPort, Path dataDir, Map<String, Integer> topics, boolean exitOnStdinEof) {

    static final String USAGE = "usage: BrokerMain --data-dir DIR [--port N] [--controller-port N]"
            + " [--topic name:partitions]... [--exit-on-stdin-eof]";

    /** Parses {@code args}; throws IllegalArgumentException with a message fit for the user on bad input. */
    static BrokerArgs parse(List<String> args) {
        int brokerPort = EmbeddedKafkaBroker.DEFAULT_BROKER_PORT;
        int controllerPort = 0;
        Path dataDir = null;
        Map<String, Integer> topics = new LinkedHashMap<>();
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port" -> brokerPort = port(arg, value(args, ++i, arg));
                case "--controller-port" -> controllerPort = port(arg, value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--topic" -> addTopic(topics, value(args, ++i, arg));
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        return new BrokerArgs(brokerPort, controllerPort, dataDir, Map.copyOf(topics), exitOnStdinEof);
    }

    /** The broker these arguments describe, not yet started. */
    EmbeddedKafkaBroker toBroker() {
        return EmbeddedKafkaBroker.builder()
                .dataDir(dataDir)
                .brokerPort(brokerPort)
                .controllerPort(controllerPort)
                .topics(topics)
                .build();
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

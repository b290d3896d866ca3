package io.sluice.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.sluice.kafka.embedded.internal.ChildOutputWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka node (a single-node broker, or one node of a {@link KafkaCluster}) running {@link BrokerMain} in
 * a child JVM; its methods may be called from any thread ({@link #stop()}, {@link #kill()} and
 * {@link #close()} are serialized on the instance).
 *
 * <p>The child gets its own heap and shows up as its own process, so a benchmark can measure the
 * gateway's CPU and memory apart from the broker's, and a fault test can {@link #kill()} it. The child
 * is started with {@code --exit-on-stdin-eof} and this JVM holds its standard input open, so the broker
 * goes away when this JVM does, even on SIGKILL.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final String bootstrapServers;
    private final int brokerPort;

    private BrokerProcess(Process process, String bootstrapServers, int brokerPort) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.brokerPort = brokerPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "127.0.0.1:&lt;port&gt;", as the child reported it when ready. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's client port (a port 0 asked of the builder is resolved before launching). */
    public int brokerPort() {
        return brokerPort;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM, so the broker shuts down cleanly, and waits up to 30 s for the process to exit;
     * kills it if it is still there then. Returns once the process is gone.
     */
    public synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(STOP_GRACE)) {
            LOG.warn("Kafka broker child (pid {}) did not stop within {} s of SIGTERM; killing it", pid(), STOP_GRACE.toSeconds());
            kill();
        }
    }

    /** Sends SIGKILL (no clean shutdown: for fault tests) and returns once the process is gone. */
    public synchronized void kill() {
        process.destroyForcibly();
        if (!waitFor(STOP_GRACE)) {
            throw new IllegalStateException("Kafka broker child (pid " + pid() + ") survived SIGKILL for " + STOP_GRACE.toSeconds() + " s");
        }
    }

    /** Same as {@link #stop()}; does nothing once the process is gone. */
    @Override
    public void close() {
        stop();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Collects the settings of a {@link BrokerProcess}; use from one thread. */
    public static final class Builder {
        private Path dataDir;
        private int brokerPort = EmbeddedKafkaBroker.DEFAULT_BROKER_PORT;
        private int controllerPort = 0;
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private Integer nodeId;
        private String quorumVoters;
        private String clusterId;
        private final Map<String, String> configs = new LinkedHashMap<>();
        private String maxHeap = "512m";
        private final List<String> jvmArgs = new ArrayList<>();
        private String classpath;
        private Path javaBinary;
        private Duration readyTimeout = Duration.ofSeconds(60);
        private Path outputFile;

        private Builder() {
        }

        /**
         * Appends the child's output to this file instead of logging it (a cluster's nodes are loud while one of
         * them is down); default: each line logged at INFO by {@code io.sluice.kafka.embedded.broker}.
         */
        public Builder outputFile(Path file) {
            this.outputFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Where the broker keeps its storage (required). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The client port on 127.0.0.1; default 9092, 0 picks a free one before launching. */
        public Builder brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        /** The controller port on 127.0.0.1; default 0, which picks a free one before launching. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** A topic the broker creates at start (kept if it exists). */
        public Builder topic(String name, int partitions) {
            topics.put(name, partitions);
            return this;
        }

        /** The node's id; default {@value EmbeddedKafkaBroker#NODE_ID}. */
        public Builder nodeId(int nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The controller quorum the node votes in ({@code id@host:port,...}, this node on its own fixed
         * controller port included); default: the node alone. See {@link KafkaCluster}.
         */
        public Builder quorumVoters(String voters) {
            this.quorumVoters = Objects.requireNonNull(voters, "voters");
            return this;
        }

        /** The cluster id to format new storage with, the same on every node of a cluster; default: a new one. */
        public Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /** A Kafka server property that wins over Sluice's default for it (e.g. {@code min.insync.replicas}). */
        public Builder config(String key, String value) {
            configs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The child's -Xmx value, such as "512m" (the default). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** An extra JVM option for the child, placed before the main class. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** The child's class path; default: this JVM's {@code java.class.path}. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** The java launcher to use; default: the one running this JVM. */
        public Builder javaBinary(Path javaBinary) {
            this.javaBinary = Objects.requireNonNull(javaBinary, "javaBinary");
            return this;
        }

        /** How long to wait for the ready line; default 60 s. */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Launches the child and returns once its broker accepts writes.
         *
         * @throws BrokerPortInUseException if a given port is already bound
         * @throws IllegalStateException if the child exits or is not ready in time; the message carries
         *                               the child's last output lines
         */
        public BrokerProcess start() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            int broker = EmbeddedKafkaBroker.resolvePort(brokerPort, true, -1);
            int controller = EmbeddedKafkaBroker.resolvePort(controllerPort, false, broker);
            List<String> command = command(broker, controller);
            LOG.debug("Launching Kafka broker child: {}", command);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot launch the Kafka broker child JVM " + command.get(0), e);
            }
            ChildOutputWatcher output = outputFile == null
                    ? ChildOutputWatcher.start(process.getInputStream(), BrokerMain.READY_PREFIX,
                            LoggerFactory.getLogger("io.sluice.kafka.embedded.broker"), logPrefix(process),
                            "kafka-broker-output-" + process.pid())
                    : ChildOutputWatcher.start(process.getInputStream(), BrokerMain.READY_PREFIX,
                            appender(outputFile, logPrefix(process)), "kafka-broker-output-" + process.pid());
            try {
                String bootstrap = output.ready().get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return new BrokerProcess(process, bootstrap, broker);
            } catch (ExecutionException e) {
                boolean exited = waitForExit(process);
                throw new IllegalStateException("Kafka broker child JVM (pid " + process.pid() + ") "
                        + (exited ? "exited with code " + process.exitValue() : "closed its output")
                        + " before it was ready; its last output:" + System.lineSeparator() + output.lastLines());
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("Kafka broker child JVM (pid " + process.pid() + ") was not ready within "
                        + readyTimeout.toSeconds() + " s and was killed; its last output:" + System.lineSeparator() + output.lastLines());
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka broker child JVM", e);
            }
        }

        /** Appends each line to {@code file} (opened per line: a child's output is a few lines a second). */
        private static Consumer<String> appender(Path file, String prefix) {
            return line -> {
                try {
                    Files.writeString(file, prefix + line + System.lineSeparator(), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    LOG.warn("cannot append the Kafka broker child's output to {}: {}", file, e.toString());
                }
            };
        }

        private String logPrefix(Process process) {
            return (nodeId == null ? "broker" : "node " + nodeId) + " pid " + process.pid() + " | ";
        }

        private static boolean waitForExit(Process process) {
            try {
                return process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private List<String> command(int broker, int controller) {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.add("-Xmx" + maxHeap);
            int feature = Runtime.version().feature();
            if (feature >= 22) {
                command.add("--enable-native-access=ALL-UNNAMED");
            }
            if (feature >= 24) {
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(classpath != null ? classpath : System.getProperty("java.class.path"));
            command.add(BrokerMain.class.getName());
            command.add("--port");
            command.add(Integer.toString(broker));
            command.add("--controller-port");
            command.add(Integer.toString(controller));
            command.add("--data-dir");
            command.add(dataDir.toAbsolutePath().toString());
            topics.forEach((name, partitions) -> {
                command.add("--topic");
                command.add(name + ":" + partitions);
            });
            if (nodeId != null) {
                command.add("--node-id");
                command.add(nodeId.toString());
            }
            if (quorumVoters != null) {
                command.add("--voters");
                command.add(quorumVoters);
            }
            if (clusterId != null) {
                command.add("--cluster-id");
                command.add(clusterId);
            }
            configs.forEach((key, value) -> {
                command.add("--config");
                command.add(key + "=" + value);
            });
            command.add("--exit-on-stdin-eof");
            return command;
        }

        private String java() {
            if (javaBinary != null) {
                return javaBinary.toString();
            }
            return ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
    }
}

package io.sluice.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.sluice.kafka.embedded.internal.ClusterLayout;
import io.sluice.kafka.embedded.internal.KraftStorage;
import io.sluice.kafka.embedded.internal.TopicCreator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A real Kafka cluster of a few KRaft nodes on 127.0.0.1, each node (broker and controller in one) in its
 * own child JVM, so a fault test can SIGKILL one of them and bring it back; its methods may be called from any
 * thread ({@link #kill}, {@link #stop}, {@link #restart} and {@link #close} are serialized on the instance).
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().dataDir(dir).nodes(3).start()) {
 *     kafka.createTopic("events", 3);              // replication factor 3, min.insync.replicas 2
 *     int leader = kafka.leaderOf("events", 0);
 *     kafka.kill(leader);                          // SIGKILL: no controlled shutdown, like a crash
 *     // acks=all writes go on once the controller has fenced the dead node (about 3 s)
 *     kafka.restart(leader);                       // same ports, same storage: it catches up and rejoins the ISR
 * }
 * }</pre>
 *
 * <p>Every node is a voter of the controller quorum and holds a replica of every partition; see
 * {@link ClusterLayout#replicationConfig()} for the replication settings. Node ids are 1..n. A killed or
 * stopped node stays down until {@link #restart} launches a new child JVM for it on the same ports and the same
 * storage, so a test can watch what clients do while it is gone and after it is back.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterLayout layout;
    private final Map<Integer, BrokerProcess> nodes;
    private final Map<Integer, BrokerProcess.Builder> launchers;
    private final Duration topicReadyTimeout;

    private KafkaCluster(ClusterLayout layout, Map<Integer, BrokerProcess> nodes,
                         Map<Integer, BrokerProcess.Builder> launchers, Duration topicReadyTimeout) {
        this.layout = layout;
        this.nodes = new ConcurrentHashMap<>(nodes);
        this.launchers = Map.copyOf(launchers);
        this.topicReadyTimeout = topicReadyTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every node's address, dead ones included (clients skip those), for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    /** The id all nodes' storage was formatted with. */
    public String clusterId() {
        return layout.clusterId();
    }

    /** The node ids, 1..n. */
    public List<Integer> nodeIds() {
        return nodes.keySet().stream().sorted().toList();
    }

    /** The child JVM that runs node {@code nodeId} (a new one after each {@link #restart}). */
    public BrokerProcess node(int nodeId) {
        BrokerProcess node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId + " in this cluster; its ids are " + nodes.keySet());
        }
        return node;
    }

    /** SIGKILLs node {@code nodeId} and returns once its process is gone. */
    public synchronized void kill(int nodeId) {
        node(nodeId).kill();
    }

    /** Stops node {@code nodeId} cleanly (SIGTERM, controlled shutdown) and returns once it is gone. */
    public synchronized void stop(int nodeId) {
        node(nodeId).stop();
    }

    /**
     * Brings a killed or stopped node back: launches a new child JVM with the node's id, ports and storage, and
     * returns once its broker is ready (it then catches up on the partitions it missed and rejoins their
     * in-sync replicas in the background). Waits up to 30 s for the node's ports to be released first.
     *
     * @throws IllegalStateException if the node is still running, or its new JVM fails or is not ready in time
     */
    public synchronized BrokerProcess restart(int nodeId) {
        BrokerProcess old = node(nodeId);
        if (old.isAlive()) {
            throw new IllegalStateException("node " + nodeId + " (pid " + old.pid() + ") is still running; kill or "
                    + "stop it before restarting it");
        }
        awaitPortsReleased(layout.node(nodeId));
        BrokerProcess restarted = launchers.get(nodeId).start();
        nodes.put(nodeId, restarted);
        return restarted;
    }

    private static void awaitPortsReleased(ClusterLayout.Node node) {
        long deadline = System.nanoTime() + PORT_RELEASE_TIMEOUT.toNanos();
        while (!FreePorts.isFree(EmbeddedKafkaBroker.HOST, node.brokerPort())
                || !FreePorts.isFree(EmbeddedKafkaBroker.HOST, node.controllerPort())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + node.id() + "'s ports " + node.brokerPort() + " and "
                        + node.controllerPort() + " are still taken " + PORT_RELEASE_TIMEOUT.toSeconds()
                        + " s after it went down; another process may have taken them");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for node " + node.id() + "'s ports", e);
            }
        }
    }

    /**
     * Creates a topic with one replica of each partition on every node and returns once every partition
     * has a leader; a topic that already exists is kept as it is.
     */
    public void createTopic(String name, int partitions) {
        TopicCreator.createAll(bootstrapServers(), Map.of(name, partitions), (short) nodes.size(), topicReadyTimeout);
    }

    /**
     * The id of the node that leads {@code partition} of {@code topic} now, as the cluster's metadata says
     * (a node that just died may still be named until the controller has fenced it).
     *
     * @throws IllegalStateException if the partition has no leader or the cluster does not answer in 20 s
     */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().get(partition);
            Node leader = info.leader();
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader now");
            }
            return leader.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the leader of " + topic + "-" + partition, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot find the leader of " + topic + "-" + partition + ": " + e, e);
        }
    }

    /**
     * The id of the node that is the active controller now (the leader of the KRaft quorum): the node whose
     * death costs the most, since a new controller must be elected before the dead node can be fenced.
     *
     * @throws IllegalStateException if the cluster does not answer in 20 s
     */
    public int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the active controller", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot find the active controller: " + e, e);
        }
    }

    /** An admin client for this cluster; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(ADMIN_TIMEOUT.toMillis()));
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(ADMIN_TIMEOUT.toMillis() / 2));
        return Admin.create(props);
    }

    /** Stops every node that is still running, all at once, and returns once they are gone. */
    @Override
    public synchronized void close() {
        onEachConcurrently(nodes.values(), BrokerProcess::stop);
    }

    /** Runs {@code action} on every node, each on its own thread, and waits for all of them. */
    private static void onEachConcurrently(Iterable<BrokerProcess> targets, Consumer<BrokerProcess> action) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (BrokerProcess target : targets) {
            running.add(CompletableFuture.runAsync(() -> action.accept(target), Thread::startVirtualThread));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** Collects the settings of a {@link KafkaCluster}; use from one thread. */
    public static final class Builder {
        private Path dataDir;
        private int nodes = 3;
        private String maxHeap = "384m";
        private final List<String> jvmArgs = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        private final Map<String, String> configs = new LinkedHashMap<>();
        private Duration readyTimeout = Duration.ofSeconds(120);
        private boolean outputToFiles;

        private Builder() {
        }

        /**
         * Each node's output goes to {@code node-<id>.log} in the data directory instead of this JVM's log
         * (a node that is down makes the others log a warning several times a second); default false.
         */
        public Builder outputToFiles(boolean toFiles) {
            this.outputToFiles = toFiles;
            return this;
        }

        /** The directory under which each node keeps its storage ({@code node-<id>}); required. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** How many nodes; default 3, the fewest that survive losing one with min.insync.replicas 2. */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least 1 node, got " + count);
            }
            this.nodes = count;
            return this;
        }

        /** Each node's -Xmx; default "384m". */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** An extra JVM option for every node (the default list holds {@code -XX:+UseSerialGC}). */
        public Builder jvmArg(String arg) {
            jvmArgs.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** A Kafka server property for every node, winning over the cluster's defaults. */
        public Builder config(String key, String value) {
            configs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long to wait for all nodes to be ready, and for a new topic's leaders; default 120 s. */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Launches every node at once (a node is ready only when a majority of the quorum is up) and
         * returns when all of them accept writes.
         *
         * @throws IllegalStateException if a node fails or is not ready in time; every node launched is
         *                               then stopped again
         */
        public KafkaCluster start() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            ClusterLayout layout = ClusterLayout.onPorts(EmbeddedKafkaBroker.HOST, KraftStorage.newClusterId(),
                    FreePorts.pickDistinct(EmbeddedKafkaBroker.HOST, 2 * nodes));
            Map<Integer, BrokerProcess.Builder> launchers = new LinkedHashMap<>();
            Map<Integer, CompletableFuture<BrokerProcess>> launching = new LinkedHashMap<>();
            for (ClusterLayout.Node node : layout.nodes()) {
                BrokerProcess.Builder launcher = node(layout, node);
                launchers.put(node.id(), launcher);
                launching.put(node.id(), CompletableFuture.supplyAsync(launcher::start, Thread::startVirtualThread));
            }
            Map<Integer, BrokerProcess> started = new LinkedHashMap<>();
            RuntimeException failure = null;
            for (var entry : launching.entrySet()) {
                try {
                    started.put(entry.getKey(), entry.getValue().join());
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                    if (failure == null) {
                        failure = new IllegalStateException("Kafka cluster node " + entry.getKey() + " failed to start: "
                                + cause.getMessage(), cause);
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                onEachConcurrently(started.values(), BrokerProcess::kill);
                throw failure;
            }
            return new KafkaCluster(layout, started, launchers, readyTimeout);
        }

        private BrokerProcess.Builder node(ClusterLayout layout, ClusterLayout.Node node) {
            BrokerProcess.Builder builder = BrokerProcess.builder()
                    .dataDir(dataDir.resolve("node-" + node.id()))
                    .nodeId(node.id())
                    .brokerPort(node.brokerPort())
                    .controllerPort(node.controllerPort())
                    .quorumVoters(layout.quorumVoters())
                    .clusterId(layout.clusterId())
                    .maxHeap(maxHeap)
                    .readyTimeout(readyTimeout);
            if (outputToFiles) {
                builder.outputFile(dataDir.resolve("node-" + node.id() + ".log"));
            }
            jvmArgs.forEach(builder::jvmArg);
            layout.replicationConfig().forEach(builder::config);
            configs.forEach(builder::config);
            return builder;
        }
    }
}

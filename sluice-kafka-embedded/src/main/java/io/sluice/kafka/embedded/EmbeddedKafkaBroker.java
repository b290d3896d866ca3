package io.sluice.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.sluice.kafka.embedded.internal.KafkaLogLevels;
import io.sluice.kafka.embedded.internal.KraftNodeConfig;
import io.sluice.kafka.embedded.internal.KraftStorage;
import io.sluice.kafka.embedded.internal.ScramUsers;
import io.sluice.kafka.embedded.internal.SecuredListeners;
import io.sluice.kafka.embedded.internal.TopicCreator;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft Kafka node (broker and controller in one) inside this JVM; {@link #start()}
 * and {@link #close()} are serialized on the instance, so {@code close} may run from a shutdown hook
 * while another thread is in {@code start} (it then waits for the start to finish).
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
 *         .dataDir(Path.of("sluice-data/kafka"))
 *         .brokerPort(0)
 *         .topic("events", 4)
 *         .build()
 *         .start()) {
 *     String bootstrap = broker.bootstrapServers(); // "127.0.0.1:41234", ready for writes
 * }
 * }</pre>
 *
 * <p>The storage under the data directory is formatted on the first start only; later starts on the
 * same directory keep the cluster id, the topics and the records. One instance starts at most once;
 * to restart, close it and build a new one on the same directory.
 *
 * <p>Alone is the default. Given {@link Builder#quorumVoters(String) voters} and a shared
 * {@link Builder#clusterId(String) cluster id}, the node is one member of a multi-node cluster (see
 * {@link KafkaCluster}); its {@code start} then returns only once a majority of the voters is up, so the
 * members must be started concurrently.
 *
 * <p>Secured client listeners are opt-in, next to the plaintext one (which the controller, the broker's
 * own admin work and plaintext clients keep using):
 * <pre>{@code
 * EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
 *         .dataDir(dir).brokerPort(0)
 *         .saslSslListener(BrokerTls.keyStoreOnly(serverP12, "changeit"))   // SCRAM-SHA-256 and -512
 *         .scramUser("gateway", "gateway-secret")
 *         .sslListener(new BrokerTls(serverP12, "changeit", caP12, "changeit")) // client certificate required
 *         .build().start();
 * broker.saslSslBootstrapServers(); // "127.0.0.1:41235"
 * broker.sslBootstrapServers();     // "127.0.0.1:41236"
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** The only address the broker listens on and advertises. */
    public static final String HOST = "127.0.0.1";
    /** Kafka's usual port, the default of {@link Builder#brokerPort(int)}. */
    public static final int DEFAULT_BROKER_PORT = 9092;
    /** The node id of a single broker-and-controller, the default of {@link Builder#nodeId(int)}. */
    public static final int NODE_ID = 1;

    private static final String LOG_DIR_NAME = "kafka-logs";

    private final Path dataDir;
    private final int nodeId;
    private final String quorumVoters;
    private final String wantedClusterId;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final Map<String, Integer> topics;
    private final Map<String, String> overrides;
    private final Duration topicReadyTimeout;
    private final BrokerTls saslSslTls;
    private final BrokerTls mutualTls;
    private final Map<String, String> scramUsers;

    private KafkaRaftServer server;
    private int brokerPort;
    private int controllerPort;
    private int saslSslPort = -1;
    private int sslPort = -1;
    private String clusterId;
    private boolean started;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder b) {
        this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir is required").toAbsolutePath();
        this.nodeId = b.nodeId;
        this.quorumVoters = b.quorumVoters;
        this.wantedClusterId = b.clusterId;
        this.requestedBrokerPort = b.brokerPort;
        this.requestedControllerPort = b.controllerPort;
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(b.topics));
        this.overrides = Map.copyOf(b.overrides);
        this.topicReadyTimeout = b.topicReadyTimeout;
        this.saslSslTls = b.saslSslTls;
        this.mutualTls = b.mutualTls;
        this.scramUsers = Map.copyOf(b.scramUsers);
        if (!scramUsers.isEmpty() && saslSslTls == null) {
            throw new IllegalArgumentException("SCRAM users need the SASL_SSL listener; add saslSslListener(...)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if needed, starts the broker and creates the configured topics; returns when
     * the broker accepts writes to them.
     *
     * @throws BrokerPortInUseException if the broker or controller port is already bound
     * @throws IllegalStateException if Kafka fails to start, or this instance was started before
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (started) {
            throw new IllegalStateException("this broker was already started; build a new one to restart on " + dataDir);
        }
        started = true;
        KafkaLogLevels.quietBroker();
        brokerPort = resolvePort(requestedBrokerPort, true, -1);
        controllerPort = resolvePort(requestedControllerPort, false, brokerPort);
        Path logDir = dataDir.resolve(LOG_DIR_NAME);
        String voters = quorumVoters != null ? quorumVoters : KraftNodeConfig.soleVoter(nodeId, HOST, controllerPort);
        Properties props = KraftNodeConfig.of(nodeId, HOST, brokerPort, controllerPort, voters, logDir, Map.of());
        addSecuredListeners(props);
        props.putAll(overrides);
        clusterId = KraftStorage.formatIfNeeded(logDir, props, wantedClusterId);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
            ScramUsers.upsertAll(bootstrapServers(), scramUsers, topicReadyTimeout);
            TopicCreator.createAll(bootstrapServers(), topics, topicReadyTimeout);
        } catch (RuntimeException e) {
            stopServer();
            closed = true;
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " (data in " + dataDir
                    + ") failed to start: " + e.getMessage(), e);
        }
        return this;
    }

    /** Picks free ports for the secured listeners that were asked for and adds them to {@code props}. */
    private void addSecuredListeners(Properties props) {
        if (saslSslTls != null) {
            saslSslPort = FreePorts.pickExcept(HOST, brokerPort, controllerPort);
            SecuredListeners.addSaslSsl(props, HOST, saslSslPort, saslSslTls);
        }
        if (mutualTls != null) {
            sslPort = FreePorts.pickExcept(HOST, brokerPort, controllerPort, saslSslPort);
            SecuredListeners.addMutualTls(props, HOST, sslPort, mutualTls);
        }
    }

    /** A requested port checked to be free, or a free one (not {@code exclude}) when 0 was requested. */
    static int resolvePort(int requested, boolean broker, int exclude) {
        if (requested == 0) {
            return FreePorts.pickExcept(HOST, exclude);
        }
        if (!FreePorts.isFree(HOST, requested)) {
            throw broker ? BrokerPortInUseException.forBrokerPort(HOST, requested)
                    : BrokerPortInUseException.forControllerPort(HOST, requested);
        }
        return requested;
    }

    /** "127.0.0.1:&lt;port&gt;", for clients' {@code bootstrap.servers}; valid once started. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return HOST + ":" + brokerPort;
    }

    /** The port clients connect to; valid once started (port 0 resolved to the one picked). */
    public synchronized int brokerPort() {
        requireStarted();
        return brokerPort;
    }

    /**
     * "127.0.0.1:&lt;port&gt;" of the SASL_SSL listener (SCRAM-SHA-256 and SCRAM-SHA-512 over TLS); valid once
     * started with {@link Builder#saslSslListener}.
     */
    public synchronized String saslSslBootstrapServers() {
        requireStarted();
        if (saslSslPort < 0) {
            throw new IllegalStateException("this broker has no SASL_SSL listener; build it with saslSslListener(...)");
        }
        return HOST + ":" + saslSslPort;
    }

    /**
     * "127.0.0.1:&lt;port&gt;" of the SSL listener that requires a client certificate; valid once started with
     * {@link Builder#sslListener}.
     */
    public synchronized String sslBootstrapServers() {
        requireStarted();
        if (sslPort < 0) {
            throw new IllegalStateException("this broker has no SSL listener; build it with sslListener(...)");
        }
        return HOST + ":" + sslPort;
    }

    /** The port of the KRaft controller listener; valid once started. */
    public synchronized int controllerPort() {
        requireStarted();
        return controllerPort;
    }

    /** The cluster id recorded in the data directory; the same across restarts on that directory. */
    public synchronized String clusterId() {
        requireStarted();
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down and waits until it has stopped; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopServer();
    }

    private void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the broker is not started yet");
        }
    }

    /** Collects the settings of an {@link EmbeddedKafkaBroker}; use from one thread. */
    public static final class Builder {
        private Path dataDir;
        private int nodeId = NODE_ID;
        private String quorumVoters;
        private String clusterId;
        private int brokerPort = DEFAULT_BROKER_PORT;
        private int controllerPort = 0;
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration topicReadyTimeout = Duration.ofSeconds(30);
        private BrokerTls saslSslTls;
        private BrokerTls mutualTls;
        private final Map<String, String> scramUsers = new LinkedHashMap<>();

        private Builder() {
        }

        /** Where the broker keeps its storage (required); created and formatted on first start. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** This node's id ({@code node.id}); default {@value EmbeddedKafkaBroker#NODE_ID}. */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0) {
                throw new IllegalArgumentException("node id must be >= 0, got " + nodeId);
            }
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The controller quorum this node votes in, as Kafka's {@code controller.quorum.voters}
         * ({@code 1@127.0.0.1:9093,2@127.0.0.1:9095,...}, this node and its controller port included);
         * default: this node alone. Every voter's controller port must be fixed, not 0.
         */
        public Builder quorumVoters(String voters) {
            this.quorumVoters = Objects.requireNonNull(voters, "voters");
            return this;
        }

        /**
         * The cluster id to format new storage with, the same on every node of a cluster; default: a new
         * random one. Starting on storage formatted for another cluster fails.
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /** The client port on 127.0.0.1; default 9092, 0 picks a free one. */
        public Builder brokerPort(int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** The KRaft controller port on 127.0.0.1; default 0, which picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** A topic to create at start (kept as it is if it already exists), with replication factor 1. */
        public Builder topic(String name, int partitions) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("topic name must not be blank");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
            }
            topics.put(name, partitions);
            return this;
        }

        /** Adds each entry as {@link #topic(String, int)}. */
        public Builder topics(Map<String, Integer> namesToPartitions) {
            namesToPartitions.forEach(this::topic);
            return this;
        }

        /** Sets a Kafka server property, overriding Sluice's default for it (e.g. {@code num.io.threads}). */
        public Builder config(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a SASL_SSL client listener on a free port of 127.0.0.1, accepting SCRAM-SHA-256 and
         * SCRAM-SHA-512 from the users given with {@link #scramUser}; {@code tls} needs only its key store.
         */
        public Builder saslSslListener(BrokerTls tls) {
            this.saslSslTls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Adds an SSL client listener on a free port of 127.0.0.1 that requires a client certificate signed
         * by a CA in {@code tls}'s trust store (mTLS).
         */
        public Builder sslListener(BrokerTls tls) {
            if (Objects.requireNonNull(tls, "tls").trustStore() == null) {
                throw new IllegalArgumentException("the mTLS listener needs a trust store with the client CA");
            }
            this.mutualTls = tls;
            return this;
        }

        /**
         * A SCRAM user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials) created in the cluster's metadata at start,
         * or replaced if it exists; needs {@link #saslSslListener}.
         */
        public Builder scramUser(String name, String password) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("SCRAM user name must not be blank");
            }
            scramUsers.put(name, Objects.requireNonNull(password, "password"));
            return this;
        }

        /** How long {@code start} waits for the topics to get a leader; default 30 s. */
        public Builder topicReadyTimeout(Duration timeout) {
            this.topicReadyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            return port;
        }
    }
}

package io.sluice.kafka.embedded.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server properties of one KRaft node that is both broker and controller, alone or as one voter of a
 * small cluster; a pure function of its inputs, safe from any thread.
 */
public final class KraftNodeConfig {

    private KraftNodeConfig() {
    }

    /**
     * Builds the properties for node {@code nodeId} listening on {@code host}, the only voter of its
     * controller quorum; {@code overrides} win over every default chosen here.
     */
    public static Properties of(int nodeId, String host, int brokerPort, int controllerPort, Path logDir,
                                Map<String, String> overrides) {
        return of(nodeId, host, brokerPort, controllerPort, soleVoter(nodeId, host, controllerPort), logDir, overrides);
    }

    /**
     * Builds the properties for node {@code nodeId} listening on {@code host}, one of the controller
     * quorum {@code quorumVoters} (Kafka's {@code id@host:port,...} form, this node included);
     * {@code overrides} win over every default chosen here, so a cluster raises the replication factors
     * of the internal topics through them.
     */
    public static Properties of(int nodeId, String host, int brokerPort, int controllerPort, String quorumVoters,
                                Path logDir, Map<String, String> overrides) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(nodeId));
        props.setProperty("controller.quorum.voters", quorumVoters);
        props.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // Defaults for one node, where every internal topic can only have one replica (a cluster overrides them).
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a crash the restarted node's controller still counts the dead incarnation as registered
        // until its session times out (9 s by default), and the broker cannot register before that.
        props.setProperty("broker.heartbeat.interval.ms", "500");
        props.setProperty("broker.session.timeout.ms", "3000");
        // The default 128 MiB dedupe buffer sits on the heap; 2 MiB is plenty for a local broker.
        props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
        props.putAll(overrides);
        return props;
    }

    /** The {@code controller.quorum.voters} value of a quorum of one. */
    public static String soleVoter(int nodeId, String host, int controllerPort) {
        return nodeId + "@" + host + ":" + controllerPort;
    }
}

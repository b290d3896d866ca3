package io.sluice.kafka.embedded.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server properties of a single-node KRaft cluster (one process is broker and controller); a pure
 * function of its inputs, safe from any thread.
 */
public final class KraftNodeConfig {

    private KraftNodeConfig() {
    }

    /**
     * Builds the properties for node {@code nodeId} listening on {@code host}; {@code overrides} win over
     * every default chosen here.
     */
    public static Properties of(int nodeId, String host, int brokerPort, int controllerPort, Path logDir,
                                Map<String, String> overrides) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(nodeId));
        props.setProperty("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic can only have one replica.
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
}

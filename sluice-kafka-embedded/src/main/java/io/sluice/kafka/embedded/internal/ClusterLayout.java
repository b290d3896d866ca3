package io.sluice.kafka.embedded.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the nodes of a KRaft cluster must agree on before the first of them starts: the node ids,
 * every node's broker and controller port, the cluster id, and the server properties that make the
 * cluster replicate; an immutable value, safe from any thread.
 *
 * <p>Each node is broker and controller in one, and every node is a voter of the controller quorum, so
 * a 3-node cluster keeps both a controller majority and an in-sync majority of every partition when one
 * node dies.
 *
 * @param host      the address every node listens on and advertises
 * @param clusterId the id every node's storage is formatted with
 * @param nodes     the nodes in id order (ids 1..n)
 */
public record ClusterLayout(String host, String clusterId, List<Node> nodes) {

    /** One node's id and ports. */
    public record Node(int id, int brokerPort, int controllerPort) {
    }

    public ClusterLayout {
        nodes = List.copyOf(nodes);
    }

    /**
     * A layout of {@code ports.size() / 2} nodes with ids 1..n; node i gets {@code ports[2(i-1)]} as its
     * broker port and the next one as its controller port.
     */
    public static ClusterLayout onPorts(String host, String clusterId, List<Integer> ports) {
        if (ports.isEmpty() || ports.size() % 2 != 0) {
            throw new IllegalArgumentException("need two ports per node, got " + ports.size() + " ports");
        }
        if (Set.copyOf(ports).size() != ports.size()) {
            throw new IllegalArgumentException("every node needs its own ports, got " + ports);
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < ports.size() / 2; i++) {
            nodes.add(new Node(i + 1, ports.get(2 * i), ports.get(2 * i + 1)));
        }
        return new ClusterLayout(host, clusterId, nodes);
    }

    /** Kafka's {@code controller.quorum.voters}: every node, as {@code id@host:controllerPort}. */
    public String quorumVoters() {
        return nodes.stream().map(n -> KraftNodeConfig.soleVoter(n.id(), host, n.controllerPort()))
                .collect(Collectors.joining(","));
    }

    /** Every node's client address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> host + ":" + n.brokerPort()).collect(Collectors.joining(","));
    }

    /** The node with id {@code id}. */
    public Node node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in this cluster (ids 1.." + nodes.size() + ")"));
    }

    /**
     * The server properties that make the cluster replicate: every topic, internal ones included, gets
     * one replica per node, and a write with {@code acks=all} needs all but one of them in sync, so one
     * node may die without losing an acknowledged record or refusing writes. Topics are never created
     * implicitly.
     */
    public Map<String, String> replicationConfig() {
        String replicas = Integer.toString(nodes.size());
        String minInSync = Integer.toString(Math.max(1, nodes.size() - 1));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("default.replication.factor", replicas);
        config.put("min.insync.replicas", minInSync);
        config.put("offsets.topic.replication.factor", replicas);
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minInSync);
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", minInSync);
        config.put("auto.create.topics.enable", "false");
        return config;
    }
}

package io.sluice.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClusterLayoutTest {

    private final ClusterLayout three = ClusterLayout.onPorts("127.0.0.1", "cid", List.of(9092, 9093, 9094, 9095, 9096, 9097));

    @Test
    void shouldNumberNodesFromOneWithBrokerThenControllerPort() {
        assertThat(three.nodes()).containsExactly(
                new ClusterLayout.Node(1, 9092, 9093),
                new ClusterLayout.Node(2, 9094, 9095),
                new ClusterLayout.Node(3, 9096, 9097));
        assertThat(three.node(2)).isEqualTo(new ClusterLayout.Node(2, 9094, 9095));
    }

    @Test
    void shouldNameEveryNodeAsVoterOnItsControllerPort() {
        assertThat(three.quorumVoters()).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
    }

    @Test
    void shouldListEveryBrokerPortForBootstrap() {
        assertThat(three.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    }

    @Test
    void shouldReplicateEverythingThreeTimesAndNeedTwoInSyncWhenThreeNodes() {
        assertThat(three.replicationConfig())
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldNeedOneInSyncReplicaWhenAlone() {
        ClusterLayout one = ClusterLayout.onPorts("127.0.0.1", "cid", List.of(9092, 9093));

        assertThat(one.replicationConfig())
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void shouldRejectOddPortCountAndSharedPorts() {
        assertThatThrownBy(() -> ClusterLayout.onPorts("127.0.0.1", "cid", List.of(9092, 9093, 9094)))
                .hasMessage("need two ports per node, got 3 ports");
        assertThatThrownBy(() -> ClusterLayout.onPorts("127.0.0.1", "cid", List.of(9092, 9093, 9093, 9094)))
                .hasMessage("every node needs its own ports, got [9092, 9093, 9093, 9094]");
    }

    @Test
    void shouldRejectUnknownNodeId() {
        assertThatThrownBy(() -> three.node(4)).hasMessage("no node 4 in this cluster (ids 1..3)");
    }
}

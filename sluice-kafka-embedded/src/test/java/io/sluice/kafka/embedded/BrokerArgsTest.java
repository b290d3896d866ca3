package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerArgsTest {

    @Test
    void shouldParseEveryOptionAndRepeatedTopics() {
        BrokerArgs args = BrokerArgs.parse(List.of("--port", "19092", "--controller-port", "19093",
                "--data-dir", "/tmp/k", "--topic", "a:3", "--topic", "b:1", "--exit-on-stdin-eof"));

        assertThat(args).isEqualTo(new BrokerArgs(19092, 19093, Path.of("/tmp/k"), Map.of("a", 3, "b", 1), true));
    }

    @Test
    void shouldDefaultToPort9092AndFreeControllerPort() {
        BrokerArgs args = BrokerArgs.parse(List.of("--data-dir", "d"));

        assertThat(args.brokerPort()).isEqualTo(9092);
        assertThat(args.controllerPort()).isZero();
        assertThat(args.exitOnStdinEof()).isFalse();
    }

    @Test
    void shouldDefaultToNodeOneAloneWithSluiceDefaults() {
        BrokerArgs args = BrokerArgs.parse(List.of("--data-dir", "d"));

        assertThat(args.nodeId()).isEqualTo(1);
        assertThat(args.quorumVoters()).isNull();
        assertThat(args.clusterId()).isNull();
        assertThat(args.configs()).isEmpty();
    }

    @Test
    void shouldParseClusterMembershipAndRepeatedConfigs() {
        BrokerArgs args = BrokerArgs.parse(List.of("--data-dir", "d", "--node-id", "2", "--controller-port", "19095",
                "--voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097", "--cluster-id", "abc",
                "--config", "min.insync.replicas=2", "--config", "log.retention.ms=a=b"));

        assertThat(args.nodeId()).isEqualTo(2);
        assertThat(args.quorumVoters()).isEqualTo("1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097");
        assertThat(args.clusterId()).isEqualTo("abc");
        assertThat(args.configs()).containsExactlyInAnyOrderEntriesOf(
                Map.of("min.insync.replicas", "2", "log.retention.ms", "a=b"));
    }

    @Test
    void shouldRejectVotersThatDoNotIncludeThisNode() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--node-id", "4", "--controller-port", "9093",
                "--voters", "1@127.0.0.1:9093,2@127.0.0.1:9095")))
                .hasMessage("--node-id 4 is not one of --voters 1@127.0.0.1:9093,2@127.0.0.1:9095");
    }

    @Test
    void shouldRejectVotersThatGiveThisNodeAnotherControllerPort() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--node-id", "1", "--controller-port", "9093",
                "--voters", "1@127.0.0.1:19093")))
                .hasMessage("--voters gives node 1 as 1@127.0.0.1:19093 but --controller-port is 9093; they must agree");
    }

    @Test
    void shouldRejectMalformedVoters() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--voters", "1@127.0.0.1")))
                .hasMessageStartingWith("--voters must look like 1@127.0.0.1:9093,2@127.0.0.1:9095");
    }

    @Test
    void shouldRejectConfigWithoutEqualsSign() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--config", "min.insync.replicas")))
                .hasMessage("--config must look like key=value, got 'min.insync.replicas'");
    }

    @Test
    void shouldRejectTopicWithoutPartitionCount() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--topic", "events")))
                .hasMessageContaining("--topic must look like name:partitions");
    }

    @Test
    void shouldRequireDataDir() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--port", "1")))
                .hasMessage("--data-dir is required");
    }

    @Test
    void shouldRejectUnknownArgument() {
        assertThatThrownBy(() -> BrokerArgs.parse(List.of("--data-dir", "d", "--bogus")))
                .hasMessage("unknown argument '--bogus'");
    }
}

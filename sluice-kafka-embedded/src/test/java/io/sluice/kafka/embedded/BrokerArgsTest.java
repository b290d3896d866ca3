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

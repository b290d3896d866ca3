package io.sluice.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KraftNodeConfigTest {

    private static final Path LOG_DIR = Path.of("/tmp/kafka-logs");

    @Test
    void shouldBeTheOnlyVoterWhenAlone() {
        Properties props = KraftNodeConfig.of(1, "127.0.0.1", 9092, 9093, LOG_DIR, Map.of());

        assertThat(props.getProperty("node.id")).isEqualTo("1");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
    }

    @Test
    void shouldJoinTheGivenQuorumWithItsOwnListeners() {
        Properties props = KraftNodeConfig.of(2, "127.0.0.1", 9094, 9095,
                "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097", LOG_DIR, Map.of());

        assertThat(props.getProperty("node.id")).isEqualTo("2");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9094");
    }

    @Test
    void shouldLetOverridesWinOverSingleNodeDefaults() {
        Properties props = KraftNodeConfig.of(1, "127.0.0.1", 9092, 9093, "1@127.0.0.1:9093", LOG_DIR,
                Map.of("offsets.topic.replication.factor", "3", "min.insync.replicas", "2"));

        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(props.getProperty("min.insync.replicas")).isEqualTo("2");
    }
}

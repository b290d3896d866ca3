package io.sluice.kafka.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftStorageTest {

    @TempDir
    Path dataDir;

    private Properties props(Path logDir) {
        return KraftNodeConfig.of(2, "127.0.0.1", 9094, 9095, "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097",
                logDir, Map.of());
    }

    @Test
    void shouldFormatWithTheWantedClusterIdAndKeepIt() {
        Path logDir = dataDir.resolve("kafka-logs");
        String wanted = KraftStorage.newClusterId();

        assertThat(KraftStorage.formatIfNeeded(logDir, props(logDir), wanted)).isEqualTo(wanted);
        assertThat(KraftStorage.clusterId(logDir)).isEqualTo(wanted);
        assertThat(KraftStorage.formatIfNeeded(logDir, props(logDir), wanted)).isEqualTo(wanted);
    }

    @Test
    void shouldRefuseStorageOfAnotherClusterWhenAClusterIdIsWanted() {
        Path logDir = dataDir.resolve("kafka-logs");
        String first = KraftStorage.formatIfNeeded(logDir, props(logDir), null);
        String other = KraftStorage.newClusterId();

        assertThatThrownBy(() -> KraftStorage.formatIfNeeded(logDir, props(logDir), other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka storage in " + logDir + " belongs to cluster " + first + ", not " + other
                        + "; use an empty data directory for this node");
    }
}

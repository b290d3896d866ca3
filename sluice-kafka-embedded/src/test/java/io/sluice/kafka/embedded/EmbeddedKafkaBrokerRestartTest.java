package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepRecordsAndClusterIdAcrossCloseAndRestartOnSameDirAndPort() throws Exception {
        String clusterId;
        int port;
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dataDir).brokerPort(0).topic("kept", 2).build().start();
        try (first) {
            port = first.brokerPort();
            clusterId = first.clusterId();
            KafkaTestClients.produce(first.bootstrapServers(), "kept", List.of("one", "two", "three"));
        }
        first.close(); // a second close does nothing

        long t0 = System.nanoTime();
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder()
                .dataDir(dataDir).brokerPort(port).topic("kept", 2).build().start()) {
            System.out.printf("embedded broker restarted in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaTestClients.consumeValues(second.bootstrapServers(), "kept", 3))
                    .containsExactlyInAnyOrder("one", "two", "three");
        }
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class BrokerQuotaTest {
    @TempDir
    Path dir;

    @Test
    void shouldSetTheDefaultProducerQuotaOnTheBrokerAndRemoveItAgain() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir).brokerPort(0).build().start()) {
            BrokerQuota.apply(broker.bootstrapServers(), 1_048_576);
            assertThat(BrokerQuota.current(broker.bootstrapServers())).isEqualTo(1_048_576.0);

            BrokerQuota.clear(broker.bootstrapServers());
            assertThat(BrokerQuota.current(broker.bootstrapServers())).isNull();
        }
    }
}

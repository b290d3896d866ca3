package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One broker for the whole class: starting Kafka costs seconds on a 2-core machine. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path otherDataDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.builder()
                .dataDir(dataDir)
                .brokerPort(0)
                .topic("orders", 3)
                .topic("events", 1)
                .build()
                .start();
        System.out.printf("embedded broker started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldServeRecordsProducedRightAfterStart() throws Exception {
        KafkaTestClients.produce(broker.bootstrapServers(), "events", List.of("a", "b", "c"));

        assertThat(KafkaTestClients.consumeValues(broker.bootstrapServers(), "events", 3))
                .containsExactly("a", "b", "c");
    }

    @Test
    void shouldCreateTopicWithRequestedPartitionCount() throws Exception {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("orders")).allTopicNames()
                    .get(20, TimeUnit.SECONDS);

            assertThat(topics.get("orders").partitions()).hasSize(3);
        }
    }

    @Test
    void shouldReportLoopbackBootstrapServers() {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());
        assertThat(broker.brokerPort()).isPositive();
    }

    @Test
    void shouldFailFastWithClearMessageWhenBrokerPortIsTaken() {
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder()
                .dataDir(otherDataDir)
                .brokerPort(broker.brokerPort())
                .build();

        assertThatThrownBy(second::start)
                .isInstanceOf(BrokerPortInUseException.class)
                .hasMessage("Kafka broker port " + broker.brokerPort() + " is already in use on 127.0.0.1; "
                        + "choose another with --broker-port or point Sluice at a cluster with --bootstrap-servers");
        second.close();
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The read-back against a real broker: loss, duplicates, unacknowledged deliveries and foreign records. */
@Timeout(120)
class DeliveryCheckTest {
    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().dataDir(dir).brokerPort(0).topic("lossy", 2).topic("doubled", 2)
                .config("auto.create.topics.enable", "false").build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static byte[] body(long id) {
        return String.format(Locale.ROOT, "{\"id\":\"%016d\",\"data\":\"test_x\"}", id).getBytes(StandardCharsets.US_ASCII);
    }

    private static void produce(String topic, long... ids) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long id : ids) {
                producer.send(new ProducerRecord<>(topic, id < 0 ? "not a soak record".getBytes(StandardCharsets.UTF_8)
                        : body(id)));
            }
            producer.flush();
        }
    }

    private static AckLedger acknowledging(long from, long to) {
        AckLedger ledger = new AckLedger();
        for (long id = from; id < to; id++) {
            ledger.acknowledged(id);
        }
        return ledger;
    }

    @Test
    void shouldFindAMissingAcknowledgedIdAndCountDuplicatesUnacknowledgedAndForeignRecords() {
        long[] ids = new long[103];
        int n = 0;
        for (long id = 0; id < 100; id++) {
            if (id != 7) { // 7 is acknowledged but never arrives
                ids[n++] = id;
            }
        }
        ids[n++] = 5;   // 5 arrives twice
        ids[n++] = 200; // 200 arrives but was never acknowledged
        ids[n++] = -1;  // a record that is not the soak's
        produce("lossy", java.util.Arrays.copyOf(ids, n));

        var report = DeliveryCheck.run(broker.bootstrapServers(), "lossy", acknowledging(0, 100), true,
                Duration.ofSeconds(30));

        assertThat(report.passed()).isFalse();
        assertThat(report.rule()).isEqualTo("exactly once");
        assertThat(report.acknowledged()).isEqualTo(100);
        assertThat(report.consumed()).isEqualTo(102);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.missingExamples()).containsExactly(7L);
        assertThat(report.duplicatedAcknowledged()).isEqualTo(1);
        assertThat(report.duplicateRecords()).isEqualTo(1);
        assertThat(report.unacknowledgedDelivered()).isEqualTo(1);
        assertThat(report.foreign()).isEqualTo(1);
    }

    @Test
    void shouldAcceptADuplicateAtLeastOnceButNotExactlyOnce() {
        produce("doubled", 0, 1, 2, 3, 2);

        var atLeastOnce = DeliveryCheck.run(broker.bootstrapServers(), "doubled", acknowledging(0, 4), false,
                Duration.ofSeconds(30));
        var exactlyOnce = DeliveryCheck.run(broker.bootstrapServers(), "doubled", acknowledging(0, 4), true,
                Duration.ofSeconds(30));

        assertThat(atLeastOnce.passed()).isTrue();
        assertThat(atLeastOnce.missing()).isZero();
        assertThat(atLeastOnce.duplicatedAcknowledged()).isEqualTo(1);
        assertThat(exactlyOnce.passed()).isFalse();
    }
}

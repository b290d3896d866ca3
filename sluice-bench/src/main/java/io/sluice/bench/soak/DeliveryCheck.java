package io.sluice.bench.soak;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.loadgen.RequestTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a soak phase's topic back from the beginning to its end offsets and matches the ids in it against the
 * acknowledged ones: none may be missing; in ack delivery none may be there twice either. Runs on the caller's
 * thread, after the gateway stopped (so everything it accepted is flushed).
 */
final class DeliveryCheck {
    private static final int EXAMPLES = 10;

    private DeliveryCheck() {
    }

    /**
     * @param exactlyOnce ack delivery: an acknowledged id found twice fails the check (async: at least once)
     * @param timeout     how long reading back may take
     */
    static DeliveryReport run(String bootstrap, String topic, AckLedger ledger, boolean exactlyOnce,
                              Duration timeout) {
        ConcurrentBitSet seen = new ConcurrentBitSet();
        ConcurrentBitSet twice = new ConcurrentBitSet();
        long consumed = 0;
        long duplicateRecords = 0;
        long foreign = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " back took longer than " + timeout
                            + " (" + consumed + " records read)");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    consumed++;
                    long id = RequestTemplate.idOf(r.value());
                    if (id < 0 || id >= ConcurrentBitSet.MAX_BITS) {
                        foreign++;
                    } else if (!seen.set(id)) {
                        duplicateRecords++;
                        twice.set(id);
                    }
                }
            }
        }
        long missing = 0;
        List<Long> examples = new ArrayList<>();
        long acknowledged = 0;
        long duplicatedAcknowledged = 0;
        for (long id = ledger.nextAcknowledged(0); id >= 0; id = ledger.nextAcknowledged(id + 1)) {
            acknowledged++;
            if (!seen.get(id)) {
                missing++;
                if (examples.size() < EXAMPLES) {
                    examples.add(id);
                }
            } else if (twice.get(id)) {
                duplicatedAcknowledged++;
            }
        }
        long unacknowledgedDelivered = 0;
        for (long id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
            if (!ledger.isAcknowledged(id)) {
                unacknowledgedDelivered++;
            }
        }
        boolean passed = missing == 0 && (!exactlyOnce || duplicatedAcknowledged == 0);
        return new DeliveryReport(topic, exactlyOnce ? "exactly once" : "at least once", acknowledged, consumed,
                missing, List.copyOf(examples), duplicatedAcknowledged, duplicateRecords, unacknowledgedDelivered,
                foreign, passed);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-soak-verify");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

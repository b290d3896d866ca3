package io.sluice.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads records back from the test broker, with timeouts. Test-only. */
public final class KafkaRecords {
    private KafkaRecords() {
    }

    /** The record at one offset of one partition. */
    public static ConsumerRecord<byte[], byte[]> at(String bootstrap, String topic, int partition, long offset) {
        List<ConsumerRecord<byte[], byte[]>> r = read(bootstrap, topic, partition, offset, 1);
        if (r.isEmpty()) {
            throw new AssertionError("no record at " + topic + "-" + partition + "@" + offset);
        }
        return r.get(0);
    }

    /** Up to {@code count} records starting at {@code offset}, waiting at most 15 s. */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int partition, long offset,
                                                           int count) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            c.assign(List.of(tp));
            c.seek(tp, offset);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (out.size() < count) {
                        out.add(r);
                    }
                }
            }
            return out;
        }
    }

    /**
     * Every record value of every partition of {@code topic}, as UTF-8 text, read from the beginning up
     * to the end offsets seen when the read starts; duplicates are kept. Throws if the end is not reached
     * within {@code timeout}, so a slow read is never mistaken for missing records.
     */
    public static List<String> allValues(String bootstrap, String topic, Duration timeout) {
        return allValues(bootstrap, topic, timeout, Map.of());
    }

    /** {@link #allValues(String, String, Duration)} with extra client properties (a secured listener's settings). */
    public static List<String> allValues(String bootstrap, String topic, Duration timeout,
                                         Map<String, String> clientProperties) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, clientProperties)) {
            List<TopicPartition> tps = c.partitionsFor(topic, timeout).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toList());
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps, timeout);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!tps.stream().allMatch(tp -> c.position(tp, timeout) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + ends + " within "
                            + timeout + "; read " + values.size() + " records");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }

    /** Sum of end offsets over all partitions of a topic. */
    public static long endOffsetSum(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> tps = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toList());
            Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(10));
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return consumer(bootstrap, Map.of());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

package io.sluice.bench.run;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts records in a topic from its end offsets: the proof that acknowledged requests arrived. */
public final class TopicOffsets implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    public TopicOffsets(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-bench-verify");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Sum of the end offsets of every partition. */
    public long sum() {
        List<TopicPartition> tps = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(tps, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The sum once it has stopped growing (two reads 300 ms apart agree), or the last read after {@code atMost}:
     * for a producer that is still running and batching (the reference design lingers 50 ms and retries for up
     * to 5 s), so a cell's records are counted with it rather than with the next cell.
     */
    public long settledSum(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = sum();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            long now = sum();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

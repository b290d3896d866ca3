package io.sluice.bench.run;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.ProducerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Warms the broker's JIT before the first cell: a freshly started broker answered produce requests
 * several times slower for its first seconds, which made the first ack-mode cells of a run look 2-3x
 * slower than the same cells later in the run. Produces with both of the gateway's configurations (small
 * ack-mode batches, large async batches). Runs on the calling thread.
 */
final class BrokerWarmup {
    private BrokerWarmup() {
    }

    static void run(String bootstrapServers, String topic, byte[] payload, Duration duration) {
        for (DeliveryMode mode : DeliveryMode.values()) {
            Properties props = new Properties();
            props.putAll(ProducerSettings.effective(bootstrapServers, mode, Map.of("max.block.ms", "60000")));
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                long end = System.nanoTime() + duration.toNanos() / 2;
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>(topic, payload));
                }
                producer.flush();
            }
        }
    }
}

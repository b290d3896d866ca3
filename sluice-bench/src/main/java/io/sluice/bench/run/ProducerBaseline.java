package io.sluice.bench.run;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.ProducerSettings;
import io.sluice.loadgen.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka ceiling: the gateway's producer configuration (that of async mode, the faster one), sending
 * the same payload as fast as it can, with no HTTP at all. Runs on the calling thread; the producer's own thread does the I/O.
 * Unlike the gateway, it may block when the buffer is full ({@code max.block.ms} 60 s): this measures
 * the producer's steady state, like Kafka's ProducerPerformance.
 */
public final class ProducerBaseline {

    /** Acknowledged records per window, all acknowledged records (warm-up included), failures. */
    public record Result(List<Sample> samples, long acknowledged, long failed, long[] perSecond, long measuredNanos) {
    }

    private ProducerBaseline() {
    }

    public static Result run(String bootstrapServers, String topic, byte[] payload, Duration warmup,
                             Duration duration) {
        Map<String, String> settings = ProducerSettings.effective(bootstrapServers, DeliveryMode.ASYNC,
                Map.of("max.block.ms", "60000"));
        Properties props = new Properties();
        props.putAll(settings);
        AtomicLong warmAcked = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long warmupEnd = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < warmupEnd) {
                producer.send(new ProducerRecord<>(topic, payload), (md, e) -> {
                    if (e == null) {
                        warmAcked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            int seconds = (int) Math.max(1, duration.toSeconds());
            long[] perSecond = new long[seconds];
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            long windowStart = start;
            long ackedAtWindowStart = 0;
            int window = 0;
            while (window < seconds) {
                producer.send(new ProducerRecord<>(topic, payload), (md, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
                long now = System.nanoTime();
                if (now - windowStart >= 1_000_000_000L) {
                    long a = acked.get();
                    perSecond[window] = a - ackedAtWindowStart;
                    samples.add(new Sample(1, a - ackedAtWindowStart, now - windowStart));
                    ackedAtWindowStart = a;
                    windowStart = now;
                    window++;
                }
            }
            long measured = System.nanoTime() - start;
            producer.flush();
            // Everything acknowledged, warm-up included, is what must be in the topic afterwards.
            return new Result(samples, warmAcked.get() + acked.get(), failed.get(), perSecond, measured);
        }
    }
}

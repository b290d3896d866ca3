package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ops.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a request's records through the one shared producer. Thread-safe; never blocks the calling
 * thread, which is usually an I/O thread: it relies on {@code max.block.ms=0}, so a full buffer fails at
 * once and a topic without producer metadata yet is retried from a scheduler rather than waited for.
 * Futures complete on the producer's network thread or on the scheduler: callers must hop to their
 * own executor before doing real work.
 */
public final class KafkaSink implements RecordSink {
    private static final Logger log = LoggerFactory.getLogger(KafkaSink.class);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Producer<byte[], byte[]> producer;
    private final ScheduledExecutorService scheduler;
    private final GatewayMetrics metrics;
    private final ProducerHealth health;
    private final LongSupplier nanoClock;
    private final long metadataWaitNanos;

    public KafkaSink(Producer<byte[], byte[]> producer, ScheduledExecutorService scheduler, GatewayMetrics metrics,
                     ProducerHealth health, LongSupplier nanoClock, Duration metadataWait) {
        this.producer = producer;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.health = health;
        this.nanoClock = nanoClock;
        this.metadataWaitNanos = metadataWait.toNanos();
    }

    @Override
    public CompletableFuture<IngestResult> publish(String topic, List<IngestRecord> records, DeliveryMode mode) {
        Publication p = new Publication(topic, records, mode, nanoClock.getAsLong() + metadataWaitNanos);
        p.sendFrom(0, FIRST_BACKOFF_NANOS);
        return p.future;
    }

    @Override
    public boolean isReadyFor(String topic) {
        try {
            return !producer.partitionsFor(topic).isEmpty(); // max.block.ms=0: answers from the cache
        } catch (RuntimeException metadataNotYetThere) {
            return false;
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    /** The records of one request on their way; its fields are written by one sender at a time. */
    private final class Publication {
        final String topic;
        final List<IngestRecord> records;
        final DeliveryMode mode;
        final long metadataDeadline;
        final CompletableFuture<IngestResult> future = new CompletableFuture<>();
        final AckCollector acks;

        Publication(String topic, List<IngestRecord> records, DeliveryMode mode, long metadataDeadline) {
            this.topic = topic;
            this.records = records;
            this.mode = mode;
            this.metadataDeadline = metadataDeadline;
            this.acks = mode == DeliveryMode.ACK ? new AckCollector(records.size(), future) : null;
        }

        void sendFrom(int first, long backoffNanos) {
            for (int i = first; i < records.size(); i++) {
                RecordCallback cb = new RecordCallback(this, i, nanoClock.getAsLong());
                try {
                    producer.send(toProducerRecord(topic, records.get(i)), cb);
                } catch (RuntimeException e) {
                    cb.onCompletion(null, e); // e.g. producer closed: report it like any synchronous failure
                }
                cb.returned = true;
                Exception syncFailure = cb.syncFailure;
                if (syncFailure == null) {
                    continue;
                }
                if (FailureClassifier.isMetadataMiss(syncFailure) && nanoClock.getAsLong() < metadataDeadline) {
                    int from = i;
                    long next = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
                    scheduler.schedule(() -> sendFrom(from, next), backoffNanos, TimeUnit.NANOSECONDS);
                    return;
                }
                FailureKind kind = FailureClassifier.isMetadataMiss(syncFailure)
                        ? FailureKind.UNAVAILABLE : FailureClassifier.classify(syncFailure);
                String message = kind == FailureKind.UNAVAILABLE && FailureClassifier.isMetadataMiss(syncFailure)
                        ? "Kafka did not provide metadata for topic '" + topic + "' in time"
                        : syncFailure.getMessage();
                metrics.recordFailed(kind);
                if (acks != null) {
                    // Records before i are on their way; i and later are refused with the same cause.
                    for (int j = i; j < records.size(); j++) {
                        acks.set(j, new RecordResult.Failed(kind, message));
                    }
                } else {
                    future.complete(new IngestResult.Refused(kind, message, i));
                }
                return;
            }
            if (acks == null) {
                future.complete(new IngestResult.Queued(records.size()));
            }
        }
    }

    /** Called once per record, on the producer thread (or synchronously inside send). */
    private final class RecordCallback implements Callback {
        final Publication publication;
        final int index;
        final long startNanos;
        volatile boolean returned;
        Exception syncFailure;

        RecordCallback(Publication publication, int index, long startNanos) {
            this.publication = publication;
            this.index = index;
            this.startNanos = startNanos;
        }

        @Override
        public void onCompletion(RecordMetadata md, Exception e) {
            if (e != null && !returned) {
                syncFailure = e; // never enqueued: the sending loop decides (retry or fail)
                return;
            }
            IngestRecord record = publication.records.get(index);
            if (e == null) {
                health.success();
                metrics.recordProduced(record.sizeInBytes(), nanoClock.getAsLong() - startNanos);
                if (publication.acks != null) {
                    publication.acks.set(index, new RecordResult.Written(md.topic(), md.partition(), md.offset()));
                }
            } else {
                FailureKind kind = FailureClassifier.classify(e);
                health.failure();
                metrics.recordFailed(kind);
                if (publication.acks != null) {
                    publication.acks.set(index, new RecordResult.Failed(kind, e.getMessage()));
                } else {
                    log.warn("Record queued for topic {} (fire-and-forget) was not delivered: {}",
                            publication.topic, e.toString());
                }
            }
        }
    }

    static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, IngestRecord r) {
        List<Header> headers = null;
        if (!r.headers().isEmpty()) {
            headers = new ArrayList<>(r.headers().size());
            for (Map.Entry<String, byte[]> h : r.headers()) {
                headers.add(new RecordHeader(h.getKey(), h.getValue()));
            }
        }
        return new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), headers);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

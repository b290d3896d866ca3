package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestMetrics;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import io.sluice.gateway.ingest.RecordSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * own executor before doing real work. Fire-and-forget requests pass a {@link BacklogLimit} first, so that
 * none is answered 202 that would wait in the producer until it expires.
 */
public final class KafkaSink implements RecordSink {
    private static final Logger log = LoggerFactory.getLogger(KafkaSink.class);
    private static final long UNDELIVERED_LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Producer<byte[], byte[]> producer;
    private final ScheduledExecutorService scheduler;
    private final IngestMetrics metrics;
    private final ProducerHealth health;
    private final LongSupplier nanoClock;
    private final long metadataWaitNanos;
    private final UndeliveredLog undelivered;
    private final BacklogLimit backlog;

    /** @param backlog bounds the fire-and-forget records waiting for Kafka (ack-mode requests skip it) */
    public KafkaSink(Producer<byte[], byte[]> producer, ScheduledExecutorService scheduler, IngestMetrics metrics,
              ProducerHealth health, LongSupplier nanoClock, Duration metadataWait, BacklogLimit backlog) {
        this.producer = producer;
        this.backlog = backlog;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.health = health;
        this.nanoClock = nanoClock;
        this.undelivered = new UndeliveredLog(log::warn, nanoClock, UNDELIVERED_LOG_INTERVAL_NANOS);
        this.metadataWaitNanos = metadataWait.toNanos();
    }

    @Override
    public CompletableFuture<IngestResult> publish(String topic, List<IngestRecord> records, DeliveryMode mode) {
        if (mode == DeliveryMode.ASYNC && !backlog.tryAdmit(records.size())) {
            metrics.recordsFailed(FailureKind.BUFFER_FULL, records.size());
            return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.BUFFER_FULL,
                    backlog.refusal()));
        }
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

    /**
     * The records of one request on their way. The sending fields are touched only by the thread that is
     * sending (an I/O thread, or the scheduler for retries, never both at once); completions arrive on
     * the producer's thread. Metrics and health are updated once per request, not per record: on this
     * path per-record bookkeeping cost as much as the producer's own send.
     */
    private final class Publication implements Callback {
        final String topic;
        final List<IngestRecord> records;
        final long metadataDeadline;
        final long startNanos;
        /**
         * Counted here, on the sending thread, while the records are in its cache: summed on the producer's
         * thread at the end, it cost a tenth of that thread's time (a cache miss per record, JFR, issue 12).
         */
        final long bytes;
        final CompletableFuture<IngestResult> future = new CompletableFuture<>();
        final AckCollector acks;
        final AtomicInteger outstanding;
        final AtomicInteger failed = new AtomicInteger();
        Thread sender;
        boolean inSend;
        Exception syncFailure;

        Publication(String topic, List<IngestRecord> records, DeliveryMode mode, long metadataDeadline) {
            this.topic = topic;
            this.records = records;
            this.metadataDeadline = metadataDeadline;
            this.startNanos = nanoClock.getAsLong();
            this.acks = mode == DeliveryMode.ACK ? new AckCollector(records.size(), future) : null;
            this.outstanding = new AtomicInteger(records.size());
            long n = 0;
            for (int i = 0; i < records.size(); i++) {
                n += records.get(i).sizeInBytes();
            }
            this.bytes = n;
        }

        void sendFrom(int first, long backoffNanos) {
            sender = Thread.currentThread();
            for (int i = first; i < records.size(); i++) {
                Callback cb = acks == null ? this : new AckCallback(this, i);
                syncFailure = null;
                inSend = true;
                try {
                    producer.send(toProducerRecord(topic, records.get(i)), cb);
                } catch (RuntimeException e) {
                    syncFailure = e; // e.g. producer closed: like any synchronous failure
                } finally {
                    inSend = false;
                }
                if (syncFailure == null) {
                    continue;
                }
                if (FailureClassifier.isMetadataMiss(syncFailure) && nanoClock.getAsLong() < metadataDeadline) {
                    int from = i;
                    long next = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
                    scheduler.schedule(() -> sendFrom(from, next), backoffNanos, TimeUnit.NANOSECONDS);
                    return;
                }
                refuseFrom(i, syncFailure);
                return;
            }
            if (acks == null) {
                future.complete(new IngestResult.Queued(records.size()));
            }
        }

        /** Records {@code i} and later were never handed to the producer. */
        private void refuseFrom(int i, Exception cause) {
            boolean metadata = FailureClassifier.isMetadataMiss(cause);
            FailureKind kind = metadata ? FailureKind.UNAVAILABLE : FailureClassifier.classify(cause);
            String message = metadata ? "Kafka did not provide metadata for topic '" + topic + "' in time"
                    : cause.getMessage();
            metrics.recordsFailed(kind, records.size() - i); // one count per refused record (issue 9, defect 9)
            if (acks != null) {
                // Records before i are on their way; i and later are refused with the same cause.
                for (int j = i; j < records.size(); j++) {
                    acks.set(j, new RecordResult.Failed(kind, message));
                }
            } else {
                future.complete(new IngestResult.Refused(kind, message, i));
            }
            failed.addAndGet(records.size() - i);
            if (outstanding.addAndGet(-(records.size() - i)) == 0) {
                finish();
            }
        }

        /** True for a failure reported synchronously from inside {@code send} (never enqueued). */
        boolean isSynchronous(Exception e) {
            if (e != null && inSend && Thread.currentThread() == sender) {
                syncFailure = e;
                return true;
            }
            return false;
        }

        /** Fire-and-forget completion of any record of this request (producer thread). */
        @Override
        public void onCompletion(RecordMetadata md, Exception e) {
            if (!isSynchronous(e)) {
                completed(-1, md, e);
            }
        }

        void completed(int index, RecordMetadata md, Exception e) {
            RecordResult result;
            if (e == null) {
                result = acks == null ? null : new RecordResult.Written(md.topic(), md.partition(), md.offset(),
                        md.timestamp());
            } else {
                FailureKind kind = FailureClassifier.classify(e);
                failed.incrementAndGet();
                health.failure();
                metrics.recordFailed(kind);
                result = new RecordResult.Failed(kind, e.getMessage());
                if (acks == null) {
                    undelivered.failed(topic, e);
                }
            }
            // Metrics first, then the answer: a client that sees its 200 and scrapes /metrics sees it counted.
            if (outstanding.decrementAndGet() == 0) {
                finish();
            }
            if (acks != null) {
                acks.set(index, result);
            }
        }

        /** Every record of the request is delivered or failed: metrics, health and the backlog, once. */
        private void finish() {
            int delivered = records.size() - failed.get();
            if (acks == null) {
                backlog.release(records.size(), delivered);
            }
            if (delivered > 0) {
                if (failed.get() == 0) {
                    health.success(); // a request with a failed record does not prove the producer healthy
                }
                metrics.recordsProduced(delivered, failed.get() == 0 ? bytes : 0, nanoClock.getAsLong() - startNanos);
            }
        }
    }

    /** Completion of one record of an ack-mode request, which needs its index (producer thread). */
    private static final class AckCallback implements Callback {
        final Publication publication;
        final int index;

        AckCallback(Publication publication, int index) {
            this.publication = publication;
            this.index = index;
        }

        @Override
        public void onCompletion(RecordMetadata md, Exception e) {
            if (!publication.isSynchronous(e)) {
                publication.completed(index, md, e);
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
        return new ProducerRecord<>(topic, r.partition(), r.timestamp(), r.key(), r.value(), headers);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

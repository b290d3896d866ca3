package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.internal.FailureClassifier;
import io.sluice.gateway.ingest.internal.TopicCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns one request's records into a delivery outcome: checks that the topic may be used and exists,
 * that Kafka can take writes, then hands the records to the sink. Thread-safe and non-blocking except
 * {@link #awaitIdle}; called from I/O threads.
 */
public final class IngestService {
    private final TopicDirectory catalog;
    private final Availability health;
    private final RecordSink sink;
    private final DeliveryMode mode;
    private final ClusterView cluster;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();
    private volatile boolean draining;

    public IngestService(TopicDirectory catalog, Availability health, RecordSink sink, DeliveryMode mode) {
        this(catalog, health, sink, mode, ClusterView.fixed("unknown", java.util.List.of()));
    }

    /** @param cluster what the discovery APIs show: the cluster id and the topics open for producing */
    public IngestService(TopicDirectory catalog, Availability health, RecordSink sink, DeliveryMode mode,
                         ClusterView cluster) {
        this.catalog = catalog;
        this.health = health;
        this.sink = sink;
        this.mode = mode;
        this.cluster = cluster;
    }

    /** The cluster id and the producible topics, for the discovery APIs. */
    public ClusterView cluster() {
        return cluster;
    }

    /**
     * Calls {@code action} with what is known of a topic the configuration allows (at once from the cache,
     * or after a lookup; on the calling thread or a Kafka thread). A topic the configuration does not allow
     * is reported as not existing, without asking Kafka.
     */
    public void describe(String topic, java.util.function.BiConsumer<TopicInfo, Throwable> action) {
        if (!catalog.isAllowed(topic)) {
            action.accept(new TopicInfo(topic, false, 0), null);
            return;
        }
        catalog.whenKnown(topic, action);
    }

    public DeliveryMode mode() {
        return mode;
    }

    /** Publishes the records of one request to {@code topic}. The future never completes exceptionally. */
    public CompletableFuture<IngestResult> ingest(String topic, List<IngestRecord> records) {
        return ingest(topic, records, mode);
    }

    /**
     * As {@link #ingest(String, List)}, in the given delivery mode: a request may opt into fire-and-forget
     * (the Strimzi bridge's {@code ?async=true}), under the same backlog bound as {@code --delivery async}.
     */
    public CompletableFuture<IngestResult> ingest(String topic, List<IngestRecord> records, DeliveryMode mode) {
        if (draining) {
            return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.SHUTTING_DOWN,
                    "the gateway is shutting down; retry against another instance"));
        }
        if (!catalog.isAllowed(topic)) {
            return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.UNKNOWN_TOPIC,
                    "topic '" + topic + "' is not open for producing on this gateway (--topics / --topic-pattern)"));
        }
        if (!health.isAvailable()) {
            return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.UNAVAILABLE,
                    "Kafka is unavailable: " + health.problem()));
        }
        inFlight.incrementAndGet();
        CompletableFuture<IngestResult> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> leave());
        try {
            // Runs in arrival order per topic (see TopicCatalog), so records are sent in request order.
            catalog.whenKnown(topic, (info, error) -> {
                if (error != null) {
                    result.complete(refusedBecause(error));
                    return;
                }
                publishIfValid(info, records, mode).whenComplete((r, e) -> result.complete(e == null ? r : refusedBecause(e)));
            });
        } catch (RuntimeException e) {
            result.complete(refusedBecause(e));
        }
        return result;
    }

    private CompletableFuture<IngestResult> publishIfValid(TopicInfo info, List<IngestRecord> records,
                                                           DeliveryMode mode) {
        if (!info.exists()) {
            return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.UNKNOWN_TOPIC,
                    "topic '" + info.name() + "' does not exist (Sluice never creates topics)"));
        }
        for (IngestRecord r : records) {
            Integer p = r.partition();
            if (p != null && (p < 0 || p >= info.partitions())) {
                return CompletableFuture.completedFuture(new IngestResult.Refused(FailureKind.INVALID_PARTITION,
                        "partition " + p + " does not exist; topic '" + info.name() + "' has partitions 0.."
                                + (info.partitions() - 1)));
            }
        }
        return sink.publish(info.name(), records, mode);
    }

    private static IngestResult refusedBecause(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TopicCatalog.CatalogUnavailableException) {
            return new IngestResult.Refused(FailureKind.UNAVAILABLE, cause.getMessage());
        }
        if (cause instanceof TopicCatalog.LookupThrottledException) {
            return new IngestResult.Refused(FailureKind.LOOKUP_THROTTLED, cause.getMessage());
        }
        return new IngestResult.Refused(FailureClassifier.classify(cause), String.valueOf(cause.getMessage()));
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            idleLock.lock();
            try {
                idle.signalAll();
            } finally {
                idleLock.unlock();
            }
        }
    }

    /** Requests currently waiting for their outcome. */
    public int inFlight() {
        return inFlight.get();
    }

    /** From now on new requests are refused with {@link FailureKind#SHUTTING_DOWN}. */
    public void startDraining() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }

    /** Blocks until no request is in flight or the timeout passes; returns true if idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        idleLock.lock();
        try {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(Math.min(left, 50_000_000L));
            }
            return true;
        } finally {
            idleLock.unlock();
        }
    }

    /** Blocks until everything handed to the sink is delivered or failed. */
    public void flush() {
        sink.flush();
    }
}

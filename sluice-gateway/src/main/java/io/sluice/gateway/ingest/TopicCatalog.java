package io.sluice.gateway.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Which topics exist and how many partitions they have, asked of Kafka's admin API (which never
 * auto-creates a topic, unlike a producer's metadata request) and cached. Thread-safe; never blocks.
 *
 * <p>Order matters: requests for a topic that arrive while it is being looked up wait in a FIFO queue
 * and are released in arrival order, so pipelined requests reach the producer in the order they were
 * sent. (Callbacks chained on one {@code CompletableFuture} would run last-in, first-out.) A topic is
 * released only once the producer also has metadata for it, so sends do not fail for want of it.
 *
 * <p>Known topics are re-checked in the background after {@code knownTtl} (requests keep flowing
 * meanwhile); absent ones are asked again after {@code missingTtl}, so a topic created by an operator
 * becomes usable within seconds.
 */
public final class TopicCatalog implements TopicDirectory {

    /**
     * Given to waiting requests when Kafka could not be asked in time, or answered with an error that may
     * go away (a {@link RetriableException}). Kafka's other errors (an invalid name, a refused
     * authorization) are given as they are: they are not an outage, and a retry would get the same.
     */
    public static final class CatalogUnavailableException extends RuntimeException {
        CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final long WARM_UP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Admin admin;
    private final Predicate<String> producerKnows;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final long knownTtlNanos;
    private final long missingTtlNanos;
    private final int lookupTimeoutMs;
    private final TopicFilter filter;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param producerKnows non-blocking check that the producer has metadata for a topic (may start
     *                      fetching it); polled from {@code scheduler} before a new topic is released
     */
    public TopicCatalog(Admin admin, Predicate<String> producerKnows, ScheduledExecutorService scheduler,
                        LongSupplier nanoClock, Duration knownTtl, Duration missingTtl, Duration lookupTimeout,
                        TopicFilter filter) {
        this.admin = admin;
        this.producerKnows = producerKnows;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.knownTtlNanos = knownTtl.toNanos();
        this.missingTtlNanos = missingTtl.toNanos();
        this.lookupTimeoutMs = (int) lookupTimeout.toMillis();
        this.filter = filter;
    }

    @Override
    public boolean isAllowed(String topic) {
        return filter.allows(topic);
    }

    /**
     * Calls {@code action} with what Kafka says of the topic: at once when known, otherwise after the
     * lookup, in arrival order with other requests for the same topic. The error is a
     * {@link CatalogUnavailableException}, or Kafka's own exception when a retry cannot help. The action runs on the calling thread or on a Kafka thread.
     */
    @Override
    public void whenKnown(String topic, BiConsumer<TopicInfo, Throwable> action) {
        cache.computeIfAbsent(topic, Entry::new).whenKnown(action);
    }

    /** One topic's cached answer and the requests waiting for the next one. */
    private final class Entry {
        private final String topic;
        private final ReentrantLock lock = new ReentrantLock();
        private final ArrayDeque<BiConsumer<TopicInfo, Throwable>> waiters = new ArrayDeque<>();
        private volatile TopicInfo info;
        private volatile long checkedNanos;
        /** True while requests may use {@link #info} directly: known, and nobody is queued ahead. */
        private volatile boolean open;
        private boolean asking;
        private boolean draining;

        Entry(String topic) {
            this.topic = topic;
        }

        void whenKnown(BiConsumer<TopicInfo, Throwable> action) {
            if (open) {
                TopicInfo known = info;
                long age = nanoClock.getAsLong() - checkedNanos;
                if (known.exists() || age < missingTtlNanos) {
                    if (known.exists() && age >= knownTtlNanos) {
                        refreshInBackground();
                    }
                    action.accept(known, null);
                    return;
                }
            }
            boolean ask = false;
            lock.lock();
            try {
                open = false;
                waiters.add(action);
                if (!asking && !draining) {
                    asking = true;
                    ask = true;
                }
            } finally {
                lock.unlock();
            }
            if (ask) {
                describe();
            }
        }

        private void refreshInBackground() {
            lock.lock();
            try {
                if (asking) {
                    return;
                }
                asking = true;
            } finally {
                lock.unlock();
            }
            describe();
        }

        private void describe() {
            admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(lookupTimeoutMs))
                    .allTopicNames()
                    .whenComplete((descriptions, error) -> {
                        if (error == null) {
                            TopicDescription d = descriptions.get(topic);
                            warmUp(new TopicInfo(topic, true, d.partitions().size()),
                                    nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(5_000));
                        } else if (rootCause(error) instanceof UnknownTopicOrPartitionException) {
                            finish(new TopicInfo(topic, false, 0), null);
                        } else if (unwrap(error) instanceof RetriableException) {
                            finish(null, new CatalogUnavailableException("could not look up topic '" + topic
                                    + "' in Kafka: " + rootCause(error), error));
                        } else {
                            finish(null, unwrap(error));
                        }
                    });
        }

        /** Releases an existing topic once the producer has its metadata (or after the deadline). */
        private void warmUp(TopicInfo found, long deadline) {
            if (producerKnows.test(topic) || nanoClock.getAsLong() >= deadline) {
                finish(found, null);
            } else {
                scheduler.schedule(() -> warmUp(found, deadline), WARM_UP_POLL_NANOS, TimeUnit.NANOSECONDS);
            }
        }

        /** Records the answer and runs the waiting requests in arrival order, including late arrivals. */
        private void finish(TopicInfo answer, Throwable error) {
            lock.lock();
            try {
                asking = false;
                if (answer != null) {
                    info = answer;
                    checkedNanos = nanoClock.getAsLong();
                } else if (info != null && info.exists()) {
                    error = null; // a failed background refresh: keep serving what we knew
                }
                draining = true;
            } finally {
                lock.unlock();
            }
            TopicInfo current = info;
            while (true) {
                BiConsumer<TopicInfo, Throwable> next;
                lock.lock();
                try {
                    next = waiters.poll();
                    if (next == null) {
                        draining = false;
                        open = current != null && error == null;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                if (error != null) {
                    next.accept(null, error);
                } else {
                    next.accept(current, null);
                }
            }
        }
    }

    /** Kafka's own exception, without the wrappers a future adds. */
    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

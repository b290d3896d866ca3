package io.sluice.gateway.ingest.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.sluice.gateway.ingest.PartitionLayout;
import io.sluice.gateway.ingest.TopicDirectory;
import io.sluice.gateway.ingest.TopicInfo;
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
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe and never blocking, called from I/O threads: which topics exist and how many partitions
 * they have, asked of Kafka's admin API (which never auto-creates a topic, unlike a producer's metadata
 * request) and cached. A request for a topic already known reads the cache without a lock and without
 * allocating.
 *
 * <p>Order matters: requests for a topic that arrive while it is being looked up wait in a FIFO queue
 * and are released in arrival order, so pipelined requests reach the producer in the order they were
 * sent. (Callbacks chained on one {@code CompletableFuture} would run last-in, first-out.) A topic is
 * released only once the producer also has metadata for it, so sends do not fail for want of it.
 *
 * <p>Known topics are re-checked in the background after {@code knownTtl} (requests keep flowing
 * meanwhile); absent ones are asked again after {@code missingTtl}, so a topic created by an operator
 * becomes usable within seconds.
 *
 * <p>Bounded, because topic names come from clients. Answers live in a Caffeine cache: absent and refused
 * names count against {@code maxUnknownNames} (least useful evicted first) and expire after
 * {@code missingTtl}; existing topics weigh nothing, so a flood of unknown names cannot push them out,
 * and are forgotten after {@code knownIdle} without requests. Queued requests never live in the cache:
 * they belong to the lookup in flight ({@link Lookup}, at most one per topic), which calls each of them
 * exactly once whatever the cache evicts meanwhile. Lookups of names without an answer are limited to
 * {@code newNamesPerSecond}; above that a request is refused at once with
 * {@link LookupThrottledException} (503 + Retry-After: it can succeed a second later), and known topics
 * are not affected.
 */
public final class TopicCatalog implements TopicDirectory {
    private static final Logger log = LoggerFactory.getLogger(TopicCatalog.class);

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

    /** Given at once, without asking Kafka, while names not seen before arrive faster than allowed. */
    public static final class LookupThrottledException extends RuntimeException {
        LookupThrottledException(String message) {
            super(message, null, false, false);
        }
    }

    private static final long WARM_UP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long WARM_UP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Admin admin;
    private final Predicate<String> producerKnows;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final TopicCatalogSettings settings;
    private final long knownTtlNanos;
    private final long missingTtlNanos;
    private final TopicFilter filter;
    private final Cache<String, TopicAnswer> answers;
    /** The lookup in flight per topic, with the requests queued on it. */
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final TokenBucket newNames;
    private final LookupThrottledException throttled;

    /**
     * @param producerKnows non-blocking check that the producer has metadata for a topic (may start
     *                      fetching it); polled from {@code scheduler} before a new topic is released
     * @param scheduler     runs the warm-up polls
     * @param nanoClock     time for the TTLs, the cache's expiry and the lookup rate
     */
    public TopicCatalog(Admin admin, Predicate<String> producerKnows, ScheduledExecutorService scheduler,
                        LongSupplier nanoClock, TopicCatalogSettings settings, TopicFilter filter) {
        this.admin = admin;
        this.producerKnows = producerKnows;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.settings = settings;
        this.knownTtlNanos = settings.knownTtl().toNanos();
        this.missingTtlNanos = settings.missingTtl().toNanos();
        this.filter = filter;
        this.newNames = new TokenBucket(settings.newNamesPerSecond(), settings.newNameBurst(), nanoClock);
        this.throttled = new LookupThrottledException("too many topic names the gateway has not seen before (over "
                + settings.newNamesPerSecond() + " lookups/s); known topics are served as usual; retry later");
        Duration knownIdle = settings.knownIdle();
        Duration missingTtl = settings.missingTtl();
        this.answers = Caffeine.newBuilder()
                .maximumWeight(settings.maxUnknownNames())
                .weigher((String topic, TopicAnswer a) -> a.exists() ? 0 : 1)
                .expireAfter(Expiry.writing((String topic, TopicAnswer a) -> a.exists() ? knownIdle : missingTtl))
                .ticker(nanoClock::getAsLong)
                // Maintenance runs on the thread that triggers it, under a try-lock a reader never waits
                // for: amortised, and no task is allocated per drain (a pool's execute would allocate one).
                .executor(Runnable::run)
                .build();
    }

    @Override
    public boolean isAllowed(String topic) {
        return filter.allows(topic);
    }

    /**
     * Calls {@code action} with what Kafka says of the topic: at once when known, otherwise after the
     * lookup, in arrival order with other requests for the same topic. The error is a
     * {@link CatalogUnavailableException}, a {@link LookupThrottledException}, or Kafka's own exception
     * when a retry cannot help. The action runs on the calling thread or on a Kafka thread.
     */
    @Override
    public void whenKnown(String topic, BiConsumer<TopicInfo, Throwable> action) {
        TopicAnswer known = answers.getIfPresent(topic);
        if (known == null) {
            whenLookedUp(topic, action);
            return;
        }
        if (known.claimRefresh(nanoClock.getAsLong())) {
            refreshInBackground(topic, known);
        }
        action.accept(known.info, known.refusal);
    }

    /** Answers cached now, as the cache estimates it without a lock: existing, absent and refused topics. */
    public long cachedAnswers() {
        return answers.estimatedSize();
    }

    /** The exact count, once the cache's pending maintenance is done (tests). */
    long cachedAnswersAfterMaintenance() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** Lookups in flight now. */
    public int lookupsInFlight() {
        return lookups.size();
    }

    /** No answer cached: queue behind the lookup in flight, or start one if the rate allows. */
    private void whenLookedUp(String topic, BiConsumer<TopicInfo, Throwable> action) {
        while (true) {
            Lookup inFlight = lookups.get(topic);
            if (inFlight == null) {
                TopicAnswer justSettled = answers.getIfPresent(topic);
                if (justSettled != null) {
                    action.accept(justSettled.info, justSettled.refusal);
                    return;
                }
                if (!newNames.tryTake()) {
                    action.accept(null, throttled);
                    return;
                }
                Lookup created = new Lookup(topic, null);
                created.waiters.add(action);
                inFlight = lookups.putIfAbsent(topic, created);
                if (inFlight == null) {
                    TopicAnswer settledMeanwhile = answers.getIfPresent(topic);
                    if (settledMeanwhile != null) {
                        created.settle(settledMeanwhile, null, false); // do not ask again, nor overtake it
                    } else {
                        created.ask();
                    }
                    return;
                }
            }
            if (inFlight.enqueue(action)) {
                return;
            }
            lookups.remove(topic, inFlight); // it has settled: its answer is in the cache now, if any
        }
    }

    private void refreshInBackground(String topic, TopicAnswer known) {
        Lookup refresh = new Lookup(topic, known);
        if (lookups.putIfAbsent(topic, refresh) == null) {
            refresh.ask();
        }
    }

    /**
     * Touched by request threads (enqueue) and Kafka's or the scheduler's (settle), its queue guarded by
     * its lock: one admin lookup of one topic and the requests waiting for it. Lives from the first
     * request (or the background refresh) until every waiter was called; then its answer goes to the
     * cache, and it takes no more waiters ({@link #enqueue} says so, and the caller reads the cache).
     */
    private final class Lookup {
        final String topic;
        /** The answer this lookup refreshes in the background, or null for a first lookup. */
        final TopicAnswer previous;
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<BiConsumer<TopicInfo, Throwable>> waiters = new ArrayDeque<>(2);
        boolean settled;

        Lookup(String topic, TopicAnswer previous) {
            this.topic = topic;
            this.previous = previous;
        }

        boolean enqueue(BiConsumer<TopicInfo, Throwable> action) {
            lock.lock();
            try {
                if (settled) {
                    return false;
                }
                waiters.add(action);
                return true;
            } finally {
                lock.unlock();
            }
        }

        void ask() {
            try {
                admin.describeTopics(List.of(topic), new DescribeTopicsOptions()
                                .timeoutMs((int) settings.lookupTimeout().toMillis()))
                        .allTopicNames()
                        .whenComplete((descriptions, error) -> answered(
                                error == null ? descriptions.get(topic) : null, error));
            } catch (RuntimeException e) {
                answered(null, e);
            }
        }

        private void answered(TopicDescription found, Throwable error) {
            try {
                classify(found, error);
            } catch (RuntimeException e) {
                settle(null, e, false); // whatever went wrong, nobody is left waiting
            }
        }

        private void classify(TopicDescription found, Throwable error) {
            if (error == null && found == null) {
                error = new UnknownTopicOrPartitionException("Kafka's answer did not mention '" + topic + "'");
            }
            if (error == null) {
                TopicInfo info = new TopicInfo(topic, true, found.partitions().size(), layoutOf(found));
                if (previous != null) {
                    settle(TopicAnswer.exists(info, nanoClock.getAsLong() + knownTtlNanos), null, true);
                } else {
                    warmUp(info, nanoClock.getAsLong() + WARM_UP_LIMIT_NANOS);
                }
                return;
            }
            Throwable kafkas = unwrap(error);
            if (rootCause(error) instanceof UnknownTopicOrPartitionException) {
                settle(TopicAnswer.missing(topic), null, true);
            } else if (previous != null) {
                // a failed background refresh: keep serving what we knew, ask again after missingTtl
                settle(previous.refreshAt(nanoClock.getAsLong() + missingTtlNanos), null, true);
            } else if (kafkas instanceof RetriableException) {
                settle(null, new CatalogUnavailableException("could not look up topic '" + topic + "' in Kafka: "
                        + rootCause(error), error), false);
            } else {
                settle(TopicAnswer.refused(kafkas), null, true);
            }
        }

        /** Releases an existing topic once the producer has its metadata (or after the deadline). */
        private void warmUp(TopicInfo found, long deadline) {
            try {
                if (producerKnows.test(topic) || nanoClock.getAsLong() - deadline >= 0) {
                    settle(TopicAnswer.exists(found, nanoClock.getAsLong() + knownTtlNanos), null, true);
                    return;
                }
                scheduler.schedule(() -> warmUp(found, deadline), WARM_UP_POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) { // the scheduler shut down, or the producer's check failed
                settle(null, new CatalogUnavailableException("could not wait for the producer's metadata of '"
                        + topic + "': " + e, e), false);
            }
        }

        /**
         * Calls every waiter in arrival order, late arrivals included, then publishes the answer (if
         * {@code publish}) and closes: until the queue is empty nobody may bypass it through the cache.
         */
        private void settle(TopicAnswer answer, Throwable error, boolean publish) {
            TopicInfo info = answer == null ? null : answer.info;
            Throwable failure = answer == null ? error : answer.refusal;
            while (true) {
                BiConsumer<TopicInfo, Throwable> next;
                lock.lock();
                try {
                    next = waiters.poll();
                    if (next == null) {
                        if (publish && answer != null) {
                            answers.put(topic, answer);
                        }
                        settled = true;
                        break;
                    }
                } finally {
                    lock.unlock();
                }
                try {
                    next.accept(info, failure);
                } catch (RuntimeException e) {
                    log.error("A request waiting for topic '{}' failed; the others are still answered", topic, e);
                }
            }
            lookups.remove(topic, this);
        }
    }

    /** Each partition's leader and replicas, for the discovery API. */
    private static List<PartitionLayout> layoutOf(TopicDescription d) {
        return d.partitions().stream().map(p -> new PartitionLayout(p.partition(),
                p.leader() == null ? -1 : p.leader().id(), p.replicas().stream().map(Node::id).toList(),
                p.isr().stream().map(Node::id).toList())).toList();
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

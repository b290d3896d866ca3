package io.sluice.gateway.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Which topics exist and how many partitions they have, asked of Kafka's admin API (which never
 * auto-creates a topic, unlike a producer's metadata request) and cached. Thread-safe; lookups never
 * block: a cache miss returns a future that the admin client completes.
 *
 * <p>Known topics are re-checked after {@code knownTtl} (to notice deletion or new partitions), absent
 * ones after {@code missingTtl} (so a topic created by an operator becomes usable within seconds).
 */
public final class TopicCatalog {

    /** What is known of a topic. {@code partitions} is 0 when the topic does not exist. */
    public record TopicInfo(String name, boolean exists, int partitions) {
    }

    /** Thrown (through the future) when Kafka could not be asked in time. */
    public static final class CatalogUnavailableException extends RuntimeException {
        CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Entry(CompletableFuture<TopicInfo> info, long checkedNanos) {
    }

    private final Admin admin;
    private final LongSupplier nanoClock;
    private final long knownTtlNanos;
    private final long missingTtlNanos;
    private final int lookupTimeoutMs;
    private final List<String> allowList;
    private final Pattern pattern;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public TopicCatalog(Admin admin, LongSupplier nanoClock, Duration knownTtl, Duration missingTtl,
                        Duration lookupTimeout, List<String> allowList, Pattern pattern) {
        this.admin = admin;
        this.nanoClock = nanoClock;
        this.knownTtlNanos = knownTtl.toNanos();
        this.missingTtlNanos = missingTtl.toNanos();
        this.lookupTimeoutMs = (int) lookupTimeout.toMillis();
        this.allowList = List.copyOf(allowList);
        this.pattern = pattern;
    }

    /** True if the configuration allows producing to this topic name (it may still not exist). */
    public boolean isAllowed(String topic) {
        if (!allowList.isEmpty() && !allowList.contains(topic)) {
            return false;
        }
        return pattern == null || pattern.matcher(topic).matches();
    }

    /** What Kafka says of the topic; cached. Fails with {@link CatalogUnavailableException}. */
    public CompletableFuture<TopicInfo> lookup(String topic) {
        long now = nanoClock.getAsLong();
        Entry e = cache.get(topic);
        if (e != null && !isStale(e, now)) {
            return e.info();
        }
        Entry fresh = new Entry(new CompletableFuture<>(), now);
        Entry winner = e == null ? cache.putIfAbsent(topic, fresh)
                : (cache.replace(topic, e, fresh) ? null : cache.get(topic));
        if (winner != null) {
            return winner.info(); // another thread is already asking
        }
        describe(topic, fresh);
        return fresh.info();
    }

    private boolean isStale(Entry e, long now) {
        CompletableFuture<TopicInfo> f = e.info();
        if (!f.isDone()) {
            return false;
        }
        if (f.isCompletedExceptionally()) {
            return true; // Kafka could not be asked: ask again next time
        }
        long ttl = f.join().exists() ? knownTtlNanos : missingTtlNanos;
        return now - e.checkedNanos() >= ttl;
    }

    private void describe(String topic, Entry entry) {
        admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(lookupTimeoutMs))
                .allTopicNames()
                .whenComplete((descriptions, error) -> {
                    if (error == null) {
                        TopicDescription d = descriptions.get(topic);
                        entry.info().complete(new TopicInfo(topic, true, d.partitions().size()));
                    } else if (rootCause(error) instanceof UnknownTopicOrPartitionException) {
                        entry.info().complete(new TopicInfo(topic, false, 0));
                    } else {
                        entry.info().completeExceptionally(new CatalogUnavailableException(
                                "could not look up topic '" + topic + "' in Kafka: " + rootCause(error), error));
                    }
                });
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

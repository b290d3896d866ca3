package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.ClusterView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Thread-safe and never blocking, called from I/O threads: the cluster id and the topic names, asked of
 * Kafka's admin client and cached. The id never changes for a cluster, so it is asked once (again only after
 * a failure). The topic list is served from the cache and refreshed in the background once older than
 * {@code listTtl}: a discovery request never waits for Kafka, except the very first, and a failed refresh
 * keeps serving the last good list.
 */
public final class KafkaClusterView implements ClusterView {
    private final Supplier<CompletableFuture<String>> askClusterId;
    private final Supplier<CompletableFuture<Set<String>>> askTopicNames;
    private final TopicFilter filter;
    private final LongSupplier nanoClock;
    private final long listTtlNanos;
    private final AtomicReference<CompletableFuture<String>> clusterId = new AtomicReference<>();
    private final AtomicReference<Listing> listing = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /** A list of names and when it was asked for. */
    private record Listing(CompletableFuture<List<String>> names, long askedAtNanos) {
    }

    /** Asks {@code admin}: {@code describeCluster} for the id, {@code listTopics} (internal topics left out) for the names. */
    public KafkaClusterView(Admin admin, TopicFilter filter, LongSupplier nanoClock, Duration listTtl, Duration timeout) {
        this(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().toCompletionStage().toCompletableFuture(),
                () -> admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis())).names()
                        .toCompletionStage().toCompletableFuture(),
                filter, nanoClock, listTtl);
    }

    /** @param askClusterId and {@code askTopicNames} start one request to Kafka each time they are called */
    KafkaClusterView(Supplier<CompletableFuture<String>> askClusterId,
                     Supplier<CompletableFuture<Set<String>>> askTopicNames, TopicFilter filter, LongSupplier nanoClock,
                     Duration listTtl) {
        this.askClusterId = askClusterId;
        this.askTopicNames = askTopicNames;
        this.filter = filter;
        this.nanoClock = nanoClock;
        this.listTtlNanos = listTtl.toNanos();
    }

    @Override
    public CompletableFuture<String> clusterId() {
        while (true) {
            CompletableFuture<String> cached = clusterId.get();
            if (cached != null && !cached.isCompletedExceptionally()) {
                return cached;
            }
            CompletableFuture<String> fresh = new CompletableFuture<>();
            if (clusterId.compareAndSet(cached, fresh)) {
                try {
                    askClusterId.get().whenComplete((id, e) -> complete(fresh, id, e));
                } catch (RuntimeException e) {
                    fresh.completeExceptionally(e);
                }
                return fresh;
            }
        }
    }

    @Override
    public CompletableFuture<List<String>> producibleTopics() {
        while (true) {
            Listing cached = listing.get();
            long now = nanoClock.getAsLong();
            if (cached != null && !cached.names.isCompletedExceptionally()) {
                if (cached.names.isDone() && now - cached.askedAtNanos >= listTtlNanos
                        && refreshing.compareAndSet(false, true)) {
                    askForNames().whenComplete((names, e) -> {
                        if (e == null) {
                            listing.set(new Listing(CompletableFuture.completedFuture(names), now));
                        }
                        refreshing.set(false);
                    });
                }
                return cached.names; // possibly stale by up to listTtl, never waiting
            }
            Listing fresh = new Listing(new CompletableFuture<>(), now);
            if (listing.compareAndSet(cached, fresh)) {
                askForNames().whenComplete((names, e) -> complete(fresh.names, names, e));
                return fresh.names;
            }
        }
    }

    private CompletableFuture<List<String>> askForNames() {
        try {
            return askTopicNames.get()
                    .thenApply(names -> names.stream().filter(filter::allows).sorted().toList());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> void complete(CompletableFuture<T> f, T value, Throwable error) {
        if (error == null) {
            f.complete(value);
        } else {
            f.completeExceptionally(error);
        }
    }
}

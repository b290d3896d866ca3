package io.sluice.gateway.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The discovery caches: the cluster id asked once, the topic list served from the cache and refreshed behind. */
class KafkaClusterViewTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger describes = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicReference<CompletableFuture<String>> nextId = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Set<String>>> nextNames = new AtomicReference<>();

    private final KafkaClusterView view = new KafkaClusterView(() -> {
        describes.incrementAndGet();
        nextId.set(new CompletableFuture<>());
        return nextId.get();
    }, () -> {
        lists.incrementAndGet();
        nextNames.set(new CompletableFuture<>());
        return nextNames.get();
    }, new TopicFilter(List.of(), Pattern.compile("[a-z]+")), now::get, Duration.ofSeconds(10));

    @Test
    void shouldAskForTheClusterIdOnceAndAgainOnlyAfterAFailure() {
        CompletableFuture<String> first = view.clusterId();
        nextId.get().completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("no answer"));
        assertThat(first).isCompletedExceptionally();

        CompletableFuture<String> second = view.clusterId();
        nextId.get().complete("abc");
        assertThat(second.join()).isEqualTo("abc");
        assertThat(view.clusterId().join()).isEqualTo("abc");
        assertThat(describes.get()).isEqualTo(2);
    }

    @Test
    void shouldServeTheFilteredSortedListFromTheCacheAndRefreshItInTheBackground() {
        CompletableFuture<List<String>> first = view.producibleTopics();
        nextNames.get().complete(Set.of("zeta", "alpha", "Not-Allowed"));
        assertThat(first.join()).containsExactly("alpha", "zeta");

        now.addAndGet(Duration.ofSeconds(11).toNanos());
        CompletableFuture<List<String>> stale = view.producibleTopics(); // due: answered from the cache at once
        assertThat(stale).isCompletedWithValue(List.of("alpha", "zeta"));
        assertThat(lists.get()).isEqualTo(2);
        assertThat(view.producibleTopics()).isCompletedWithValue(List.of("alpha", "zeta")); // one refresh at a time
        assertThat(lists.get()).isEqualTo(2);

        nextNames.get().complete(Set.of("alpha", "beta"));
        assertThat(view.producibleTopics()).isCompletedWithValue(List.of("alpha", "beta"));
    }

    @Test
    void shouldKeepTheLastGoodListWhenARefreshFails() {
        CompletableFuture<List<String>> first = view.producibleTopics();
        nextNames.get().complete(Set.of("alpha"));
        first.join();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        view.producibleTopics();
        nextNames.get().completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("slow"));

        assertThat(view.producibleTopics()).isCompletedWithValue(List.of("alpha"));
    }
}

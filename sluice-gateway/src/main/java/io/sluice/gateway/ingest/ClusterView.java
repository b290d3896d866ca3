package io.sluice.gateway.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the discovery APIs show of the Kafka cluster behind the gateway: its id and the topics the gateway's
 * configuration opens for producing. Implementations are thread-safe and never block; answers come from a
 * cache refreshed in the background, so a future is usually complete when returned. Futures may complete on a
 * Kafka thread: callers hop to their own executor.
 */
public interface ClusterView {

    /** Kafka's cluster id, read once through the admin client and cached (asked again after a failure). */
    CompletableFuture<String> clusterId();

    /**
     * The existing topics that {@code --topics} / {@code --topic-pattern} allow, sorted by name. Callers
     * that know the caller's identity filter it further (an authorizer's "may produce").
     */
    CompletableFuture<List<String>> producibleTopics();

    /** A view for a gateway without Kafka ({@code --sink none}) or tests: a fixed id, the given names. */
    static ClusterView fixed(String clusterId, List<String> topics) {
        List<String> sorted = topics.stream().sorted().toList();
        return new ClusterView() {
            @Override
            public CompletableFuture<String> clusterId() {
                return CompletableFuture.completedFuture(clusterId);
            }

            @Override
            public CompletableFuture<List<String>> producibleTopics() {
                return CompletableFuture.completedFuture(sorted);
            }
        };
    }
}

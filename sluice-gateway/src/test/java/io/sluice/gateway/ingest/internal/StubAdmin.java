package io.sluice.gateway.ingest.internal;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;

/**
 * A test-only {@link Admin} that answers only {@code describeTopics}, and only when the test says so:
 * each call is queued as a {@link Lookup} for the test to take and complete. Thread-safe. Every other
 * admin call throws.
 */
final class StubAdmin {

    /** One {@code describeTopics} call for one topic, waiting for the test's answer. */
    record Lookup(String topic, KafkaFutureImpl<TopicDescription> future) {
        void exists(int partitions) {
            List<TopicPartitionInfo> parts = new java.util.ArrayList<>();
            Node node = new Node(1, "localhost", 9092);
            for (int p = 0; p < partitions; p++) {
                parts.add(new TopicPartitionInfo(p, node, List.of(node), List.of(node)));
            }
            future.complete(new TopicDescription(topic, false, parts));
        }

        void missing() {
            future.completeExceptionally(new UnknownTopicOrPartitionException("This server does not host this "
                    + "topic-partition."));
        }

        void fails(Throwable error) {
            future.completeExceptionally(error);
        }
    }

    private final LinkedBlockingQueue<Lookup> lookups = new LinkedBlockingQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    final Admin admin = (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("describeTopics")) {
                    throw new UnsupportedOperationException("StubAdmin answers only describeTopics, not "
                            + method.getName());
                }
                Collection<String> names = args[0] instanceof TopicCollection.TopicNameCollection c
                        ? c.topicNames() : castNames(args[0]);
                if (names.size() != 1) {
                    throw new UnsupportedOperationException("StubAdmin describes one topic per call");
                }
                String topic = names.iterator().next();
                KafkaFutureImpl<TopicDescription> future = new KafkaFutureImpl<>();
                calls.incrementAndGet();
                lookups.add(new Lookup(topic, future));
                return new DescribeTopicsResult(null, Map.<String, KafkaFuture<TopicDescription>>of(topic, future)) {
                };
            });

    @SuppressWarnings("unchecked")
    private static Collection<String> castNames(Object o) {
        return (Collection<String>) o;
    }

    /** The next {@code describeTopics} call; fails the test if none comes within 5 s. */
    Lookup next() throws InterruptedException {
        Lookup l = lookups.poll(5, TimeUnit.SECONDS);
        if (l == null) {
            throw new AssertionError("expected a describeTopics call within 5 s");
        }
        return l;
    }

    /** A call already made and not yet taken, or null. */
    Lookup poll() {
        return lookups.poll();
    }

    /** How many {@code describeTopics} calls were made so far. */
    int calls() {
        return calls.get();
    }
}

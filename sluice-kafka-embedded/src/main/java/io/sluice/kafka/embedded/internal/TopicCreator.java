package io.sluice.kafka.embedded.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics on a running broker and waits until every partition has a leader; blocks the calling
 * thread, keeps no state between calls.
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long POLL_MILLIS = 50;

    private TopicCreator() {
    }

    /**
     * Creates each topic with its partition count and replication factor 1. A topic that already exists
     * is kept as it is (a warning is logged if its partition count differs). Returns when all topics can
     * take writes, or throws after {@code timeout}.
     */
    public static void createAll(String bootstrapServers, Map<String, Integer> topics, Duration timeout) {
        createAll(bootstrapServers, topics, (short) 1, timeout);
    }

    /**
     * Same as {@link #createAll(String, Map, Duration)} with {@code replicationFactor} replicas of every
     * partition.
     */
    public static void createAll(String bootstrapServers, Map<String, Integer> topics, short replicationFactor,
                                 Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = new ArrayList<>();
            topics.forEach((name, partitions) -> wanted.add(new NewTopic(name, partitions, replicationFactor)));
            var results = admin.createTopics(wanted).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics.keySet(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics " + topics.keySet() + " were not ready within " + timeout, e);
        }
    }

    private static void awaitLeaders(Admin admin, Map<String, Integer> topics, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics.keySet())
                        .allTopicNames().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(TopicCreator::allPartitionsLed)) {
                    warnOnPartitionMismatch(topics, described);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topics " + topics.keySet() + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new TimeoutException("partitions of " + topics.keySet() + " have no leader yet");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean allPartitionsLed(TopicDescription description) {
        return !description.partitions().isEmpty()
                && description.partitions().stream().map(TopicPartitionInfo::leader).allMatch(l -> l != null && !l.isEmpty());
    }

    private static void warnOnPartitionMismatch(Map<String, Integer> topics, Map<String, TopicDescription> described) {
        topics.forEach((name, partitions) -> {
            int actual = described.get(name).partitions().size();
            if (actual != partitions) {
                LOG.warn("Topic {} already exists with {} partitions; keeping it (asked for {})", name, actual, partitions);
            }
        });
    }

    private static long remainingMillis(long deadline) throws TimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new TimeoutException("deadline passed");
        }
        return remaining;
    }
}

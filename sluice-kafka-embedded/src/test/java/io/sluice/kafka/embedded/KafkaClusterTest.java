package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three child JVMs of 384 MiB heap each; one cluster for the one test (starting it costs the most). */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KafkaClusterTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryAckedRecordAndAcceptAcksAllWritesWhenTheLeaderIsKilledAndRestarted() throws Exception {
        long t0 = System.nanoTime();
        long closing;
        try (KafkaCluster kafka = KafkaCluster.builder().dataDir(dataDir).nodes(3).start()) {
            System.out.printf("3-node cluster ready in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertThat(kafka.nodeIds()).containsExactly(1, 2, 3);
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            assertThat(kafka.activeController()).isIn(1, 2, 3);

            kafka.createTopic("replicated", 1);
            try (Admin admin = kafka.admin()) {
                TopicPartitionInfo partition = describe(admin, "replicated").partitions().get(0);
                assertThat(partition.replicas()).as("replicas").hasSize(3);
                assertThat(partition.isr()).as("in-sync replicas").hasSize(3);
                assertThat(minInsyncReplicas(admin, "replicated")).isEqualTo("2");
            }
            KafkaTestClients.produce(kafka.bootstrapServers(), "replicated", List.of("before-kill"));

            int leader = kafka.leaderOf("replicated", 0);
            kafka.kill(leader);
            assertThat(kafka.node(leader).isAlive()).isFalse();
            long t1 = System.nanoTime();
            KafkaTestClients.produce(kafka.bootstrapServers(), "replicated", List.of("after-kill"));
            System.out.printf("acks=all write after SIGKILL of leader node %d acknowledged in %d ms%n",
                    leader, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));

            assertThat(kafka.leaderOf("replicated", 0)).as("new leader").isNotEqualTo(leader);
            assertThat(KafkaTestClients.consumeValues(kafka.bootstrapServers(), "replicated", 2))
                    .containsExactly("before-kill", "after-kill");

            long killedPid = kafka.node(leader).pid();
            long t2 = System.nanoTime();
            BrokerProcess back = kafka.restart(leader);
            assertThat(back.isAlive()).isTrue();
            assertThat(back.pid()).as("a new child JVM").isNotEqualTo(killedPid);
            assertThat(kafka.node(leader)).isSameAs(back);
            try (Admin admin = kafka.admin()) {
                awaitInSyncReplicas(admin, "replicated", 3);
            }
            System.out.printf("node %d restarted and back in the ISR in %d ms%n",
                    leader, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t2));
            KafkaTestClients.produce(kafka.bootstrapServers(), "replicated", List.of("after-restart"));
            assertThat(KafkaTestClients.consumeValues(kafka.bootstrapServers(), "replicated", 3))
                    .containsExactly("before-kill", "after-kill", "after-restart");
            closing = System.nanoTime();
        }
        System.out.printf("2 remaining nodes stopped (SIGTERM) in %d ms; whole test %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static void awaitInSyncReplicas(Admin admin, String topic, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int isr = 0;
        while (System.nanoTime() < deadline) {
            isr = describe(admin, topic).partitions().get(0).isr().size();
            if (isr == wanted) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(topic + "-0 had " + isr + " in-sync replicas, not " + wanted + ", 60 s after the restart");
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS);
        return topics.get(topic);
    }

    private static String minInsyncReplicas(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource);
        return config.get("min.insync.replicas").value();
    }
}

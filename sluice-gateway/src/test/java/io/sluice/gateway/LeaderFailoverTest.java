package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.DeliveryAudit;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.UniqueIdLoad;
import io.sluice.kafka.embedded.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node cluster (replication factor 3, min.insync.replicas 2) loses the leader of partition 0 to
 * SIGKILL while the gateway is loaded in ack mode: no acknowledged record is lost, the stall is bounded,
 * service resumes on the same gateway, and duplicates are counted.
 *
 * <p>Why this holds: a 200 is sent only once the producer (acks=all) heard that every in-sync replica,
 * at least two, has the record; the controller elects the new leader from those replicas once it fences
 * the dead node (broker session timeout 3 s, see the embedded module). The idempotent producer's retries
 * to the new leader are deduplicated, because the producer state travels with the replicated log.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class LeaderFailoverTest {

    private static final String TOPIC = "failover";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A request may wait for its delivery timeout, plus this for the gateway and a loaded machine. */
    private static final Duration RESPONSE_SLACK = Duration.ofSeconds(5);
    private static final Duration MAX_STALL = Duration.ofSeconds(15);
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(10);
    /** Closed loop, no pause: as much as two shared cores give beside 3 brokers (a few hundred req/s). */
    private static final int CLIENTS = 8;

    @TempDir
    Path dataDir;

    @Test
    void shouldLoseNoAcknowledgedRecordAndResumeWithinBoundWhenPartitionLeaderIsKilled() throws Exception {
        long t0 = System.nanoTime();
        try (KafkaCluster kafka = KafkaCluster.builder().dataDir(dataDir).nodes(3).start()) {
            kafka.createTopic(TOPIC, 3);
            System.out.printf("leader failover: cluster and topic ready in %d ms%n", millisSince(t0));
            try (Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                    .bind("127.0.0.1").delivery(DeliveryMode.ACK)
                    .producerProperty("delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT.toMillis()))
                    .producerProperty("request.timeout.ms", Long.toString(REQUEST_TIMEOUT.toMillis()))
                    .build())) {
                UniqueIdLoad load = UniqueIdLoad.start(gateway.port(), "/topics/" + TOPIC, CLIENTS,
                        DELIVERY_TIMEOUT.plus(RESPONSE_SLACK).plus(RESPONSE_SLACK), Duration.ZERO);
                Thread.sleep(LOAD_BEFORE_KILL.toMillis());
                int victim = kafka.leaderOf(TOPIC, 0);
                int controller = activeController(kafka);
                long killedAt = System.nanoTime();
                kafka.kill(victim);
                Thread.sleep(LOAD_AFTER_KILL.toMillis());
                long stoppedAt = System.nanoTime();
                List<UniqueIdLoad.Exchange> exchanges = load.stop(DELIVERY_TIMEOUT.plus(RESPONSE_SLACK));
                int readyAfter = readyStatus(gateway);
                int newLeader = kafka.leaderOf(TOPIC, 0);
                List<String> inKafka = KafkaRecords.allValues(kafka.bootstrapServers(), TOPIC, Duration.ofSeconds(30));
                DeliveryAudit audit = DeliveryAudit.of(exchanges, inKafka, killedAt, stoppedAt);

                System.out.printf("leader failover: killed node %d (leader of %s-0%s), new leader node %d;"
                                + " %d records in Kafka; %s%n", victim, TOPIC,
                        victim == controller ? ", also the active controller" : ", controller was node " + controller,
                        newLeader, inKafka.size(), audit.summary());
                assertThat(audit.acknowledged()).as("requests answered 200").isNotEmpty();
                assertThat(audit.lost()).as("acknowledged records missing from Kafka (%s)", audit.summary()).isEmpty();
                assertThat(audit.phantoms()).as("records in Kafka that no request carried").isEmpty();
                assertThat(audit.duplicateCopies()).as("duplicate copies despite the idempotent producer (%s)",
                        audit.summary()).isZero();
                assertThat(audit.statusCounts().keySet()).as("only 200, refusal or delivery timeout: no other 2xx,"
                        + " no hung or dropped request (%s)", audit.summary()).isSubsetOf(Set.of(200, 503, 504));
                assertThat(audit.slowestMillis()).as("no request waits past the delivery timeout + slack")
                        .isLessThan(DELIVERY_TIMEOUT.plus(RESPONSE_SLACK).toMillis());
                assertThat(audit.successesAfterFault()).as("requests sent after the kill answered 200").isPositive();
                assertThat(audit.longestStallMillis()).as("longest time without a 200 after the kill (%s)",
                        audit.summary()).isLessThan(MAX_STALL.toMillis());
                assertThat(newLeader).as("leader of %s-0 after the kill", TOPIC).isNotEqualTo(victim);
                assertThat(readyAfter).as("/readyz with 2 of 3 nodes, same gateway instance").isEqualTo(200);
            }
        }
        System.out.printf("leader failover: whole test %d ms%n", millisSince(t0));
    }

    private static int activeController(KafkaCluster kafka) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(20, TimeUnit.SECONDS).leaderId();
        }
    }

    private static int readyStatus(Gateway gateway) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(HttpConnection.get("/readyz")).status();
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}

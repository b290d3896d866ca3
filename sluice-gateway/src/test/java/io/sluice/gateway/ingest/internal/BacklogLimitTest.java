package io.sluice.gateway.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admission rule of fire-and-forget records (issue 9, defect 7: 202 answered for records the producer
 * later expired), on a fake clock: what may wait is a quarter of what Kafka acknowledged over the last delivery
 * timeout, within a tenth of --max-queued-records and --max-queued-records.
 */
class BacklogLimitTest {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private long now = 1_000_000_000L;
    private final BacklogLimit backlog = new BacklogLimit(50_000, DELIVERY_TIMEOUT, () -> now);

    /** Kafka acknowledges {@code perSecond} records a second for {@code seconds}, ticking as the scheduler does. */
    private void kafkaAcknowledges(int perSecond, int seconds) {
        long tick = backlog.tickPeriod().toNanos();
        long ticksPerSecond = TimeUnit.SECONDS.toNanos(1) / tick;
        for (long t = 0; t < seconds * ticksPerSecond; t++) {
            int records = (int) (perSecond / ticksPerSecond);
            assertThat(backlog.tryAdmit(records)).isTrue();
            backlog.release(records, records);
            now += tick;
            backlog.tick();
        }
    }

    private int admitSingleRecordsUntilRefused() {
        int admitted = 0;
        while (backlog.tryAdmit(1)) {
            admitted++;
            assertThat(admitted).as("refuses at some point").isLessThan(1_000_000);
        }
        return admitted;
    }

    @Test
    void shouldAdmitATenthOfMaxQueuedRecordsWhileKafkasRateIsUnknown() {
        assertThat(admitSingleRecordsUntilRefused()).isEqualTo(5_000);
        assertThat(backlog.queued()).isEqualTo(5_000);
    }

    @Test
    void shouldAdmitAQuarterOfWhatKafkaAcknowledgedOverTheLastDeliveryTimeout() {
        kafkaAcknowledges(1_000, 40);

        assertThat(backlog.limit()).as("1,000/s over 30 s, quartered: what Kafka clears in 7.5 s").isEqualTo(7_500);
        assertThat(admitSingleRecordsUntilRefused()).isEqualTo(7_500);
    }

    @Test
    void shouldLowerTheLimitWhenKafkaSlowsDown() {
        kafkaAcknowledges(6_000, 30);
        assertThat(backlog.limit()).isEqualTo(45_000);

        kafkaAcknowledges(1_000, 15);
        assertThat(backlog.limit()).as("half a window fast, half slow").isEqualTo((90_000 + 15_000) / 4);
        kafkaAcknowledges(1_000, 15);
        assertThat(backlog.limit()).isEqualTo(7_500);
    }

    @Test
    void shouldNotInferAHighRateFromAShortBurstAtTheStart() {
        kafkaAcknowledges(40_000, 1); // a throttled broker lets a first burst through, then pauses for seconds

        assertThat(backlog.limit()).as("the count of one second, not its rate over 7.5 s").isEqualTo(10_000);
    }

    @Test
    void shouldNeverAllowMoreThanMaxQueuedRecords() {
        kafkaAcknowledges(200_000, 30);

        assertThat(backlog.limit()).isEqualTo(50_000);
    }

    @Test
    void shouldFallBackToATenthOfMaxQueuedRecordsAfterKafkaAcknowledgedNothingForADeliveryTimeout() {
        kafkaAcknowledges(3_000, 30);
        now += DELIVERY_TIMEOUT.toNanos();
        backlog.tick();

        assertThat(backlog.limit()).isEqualTo(5_000);
    }

    @Test
    void shouldNotCountExpiredRecordsAsKafkasRate() {
        long tick = backlog.tickPeriod().toNanos();
        for (int t = 0; t < 120; t++) {
            assertThat(backlog.tryAdmit(1_000)).isTrue();
            backlog.release(1_000, 0); // every one failed (expired)
            now += tick;
            backlog.tick();
        }

        assertThat(backlog.limit()).isEqualTo(5_000);
    }

    @Test
    void shouldAdmitAgainOnceQueuedRecordsAreDone() {
        int admitted = admitSingleRecordsUntilRefused();
        backlog.release(10, 10);

        assertThat(backlog.tryAdmit(10)).isTrue();
        assertThat(backlog.tryAdmit(1)).isFalse();
        assertThat(backlog.queued()).isEqualTo(admitted);
    }

    @Test
    void shouldAlwaysAdmitARequestThatFindsNothingQueuedEvenAboveTheLimit() {
        assertThat(backlog.tryAdmit(8_000)).as("else a large NDJSON request could never pass").isTrue();
        assertThat(backlog.tryAdmit(1)).isFalse();
    }

    @Test
    void shouldRefuseARequestWhoseRecordsWouldPassTheLimit() {
        assertThat(backlog.tryAdmit(4_990)).isTrue();

        assertThat(backlog.tryAdmit(11)).isFalse();
        assertThat(backlog.tryAdmit(10)).isTrue();
    }

    @Test
    void shouldTellTheRefusedClientTheLimitAndWhatToDo() {
        assertThat(backlog.refusal()).contains("5000", "--max-queued-records=50000", "delivery.timeout.ms",
                "retry later");
    }

    @Test
    void shouldTickOftenEnoughToFollowTheRateWithinAFractionOfTheDeliveryTimeout() {
        assertThat(backlog.tickPeriod()).isEqualTo(Duration.ofMillis(500));
    }
}

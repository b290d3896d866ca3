package io.sluice.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.UniqueIdLoad.Exchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryAuditTest {

    private static final long MS = 1_000_000;

    @Test
    void shouldSeparateLostDuplicatedAndUnacknowledgedRecordsWhenMatchingTheTopic() {
        List<Exchange> exchanges = List.of(
                new Exchange("a", 200, 0, 5 * MS),
                new Exchange("b", 200, 0, 6 * MS),
                new Exchange("c", 504, 0, 20 * MS));

        DeliveryAudit audit = DeliveryAudit.of(exchanges, List.of("a", "c", "c", "z"), 100 * MS, 200 * MS);

        assertThat(audit.statusCounts()).isEqualTo(Map.of(200, 2, 504, 1));
        assertThat(audit.acknowledged()).containsExactlyInAnyOrder("a", "b");
        assertThat(audit.lost()).containsExactly("b");
        assertThat(audit.deliveredUnacknowledged()).containsExactly("c");
        assertThat(audit.duplicateCopies()).isEqualTo(1);
        assertThat(audit.acknowledgedDuplicated()).isEmpty();
        assertThat(audit.phantoms()).containsExactly("z");
        assertThat(audit.slowestMillis()).isEqualTo(20);
    }

    @Test
    void shouldMeasureStallFromFaultThroughGapsToEndWhenServiceResumes() {
        List<Exchange> exchanges = List.of(
                new Exchange("before", 200, 90 * MS, 95 * MS),
                new Exchange("inflight", 200, 99 * MS, 103 * MS),
                new Exchange("first-sent-after", 200, 110 * MS, 160 * MS),
                new Exchange("next", 200, 160 * MS, 170 * MS),
                new Exchange("refused", 503, 170 * MS, 171 * MS));

        DeliveryAudit audit = DeliveryAudit.of(exchanges, List.of("before", "inflight", "first-sent-after", "next"),
                100 * MS, 200 * MS);

        assertThat(audit.longestStallMillis()).as("103 -> 160 ms").isEqualTo(57);
        assertThat(audit.firstSuccessAfterFaultMillis()).isEqualTo(60);
        assertThat(audit.successesAfterFault()).isEqualTo(2);
        assertThat(audit.lost()).isEmpty();
    }

    @Test
    void shouldCountTheWholeRestAsStallWhenNoSuccessFollowsTheFault() {
        DeliveryAudit audit = DeliveryAudit.of(List.of(new Exchange("x", 504, 100 * MS, 150 * MS)), List.of(),
                100 * MS, 300 * MS);

        assertThat(audit.longestStallMillis()).isEqualTo(200);
        assertThat(audit.firstSuccessAfterFaultMillis()).isEqualTo(-1);
        assertThat(audit.successesAfterFault()).isZero();
    }
}

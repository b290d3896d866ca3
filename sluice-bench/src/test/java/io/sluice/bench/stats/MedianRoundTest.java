package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianRoundTest {
    private static final String ID = "io_uring/raw/ack/keepalive/kafka/34B/c64";

    /** One round: its throughput, p99 (to tell rounds apart) and records in Kafka against 1,000 2xx. */
    private static CellResult round(double reqPerSecond, double p99, long records) {
        boolean ok = records == 1000;
        return new CellResult(ID, "io_uring", "raw", "ack", "keepalive", "kafka", 34, 64,
                new Estimate(reqPerSecond * 0.99, reqPerSecond, reqPerSecond * 1.01),
                new LatencySummary(100, 200, p99, 400, 500), Map.of("200", 1000L), Map.of(),
                new CpuUsage(1.0, 0.5, 0.5).per(reqPerSecond, 1), new Verification(1000, records, true),
                new OutlierSummary(0, 0, 0, 0, 10), List.of(), ok ? "OK" : "FAILED",
                ok ? "" : "verification failed: 1000 successes (1000 records), " + records + " records in Kafka");
    }

    @Test
    void shouldReportTheWholeRoundWithTheMedianThroughput() {
        CellResult merged = MedianRound.of(List.of(round(81_400, 1, 1000), round(62_100, 2, 1000),
                round(79_800, 3, 1000)));

        assertThat(merged.throughput().estimate()).isEqualTo(79_800);
        assertThat(merged.latency().p99()).isEqualTo(3); // the third round's figures, not a blend
        assertThat(merged.rounds().reported()).isEqualTo(3);
        assertThat(merged.rounds().requestsPerSecond()).containsExactly(81_400.0, 62_100.0, 79_800.0);
        assertThat(merged.rounds().gatewayMicrosPerRequest().get(1)).isCloseTo(1e6 / 62_100, within());
        assertThat(merged.status()).isEqualTo("OK");
    }

    @Test
    void shouldTakeTheLowerMiddleRoundOfAnEvenCount() {
        CellResult merged = MedianRound.of(List.of(round(90_000, 1, 1000), round(70_000, 2, 1000)));

        assertThat(merged.rounds().reported()).isEqualTo(2);
        assertThat(merged.throughput().estimate()).isEqualTo(70_000);
    }

    @Test
    void shouldFailTheCellWhenAnyRoundFailedItsVerificationEvenIfTheMedianPassed() {
        CellResult merged = MedianRound.of(List.of(round(81_000, 1, 1000), round(80_000, 2, 1000),
                round(79_000, 3, 997)));

        assertThat(merged.rounds().reported()).isEqualTo(2);
        assertThat(merged.verification().ok()).isTrue();
        assertThat(merged.status()).isEqualTo("FAILED");
        assertThat(merged.note()).startsWith("round 3 of 3 failed: verification failed").contains("997 records");
        assertThat(merged.rounds().outcomes()).containsExactly("OK", "OK", "FAILED");
    }

    @Test
    void shouldCountARoundThatBrokeAsTheSlowest() {
        CellResult broke = round(0, 9, 1000).reporting(null, "FAILED", "IllegalStateException: the gateway exited");

        CellResult merged = MedianRound.of(List.of(broke, round(60_000, 2, 1000), round(70_000, 3, 1000)));

        assertThat(merged.rounds().reported()).isEqualTo(2);
        assertThat(merged.status()).isEqualTo("FAILED");
        assertThat(merged.note()).isEqualTo("round 1 of 3 failed: IllegalStateException: the gateway exited");
    }

    @Test
    void shouldLeaveASingleRoundAsItIs() {
        CellResult once = round(50_000, 1, 1000);

        assertThat(MedianRound.of(List.of(once))).isSameAs(once);
        assertThat(once.rounds()).isNull();
        assertThatThrownBy(() -> MedianRound.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}

package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.LatencySummary;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummariesTest {
    @Test
    void shouldReadThePercentilesOfAHistogramInMicroseconds() {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int micros = 1; micros <= 1_000; micros++) {
            histogram.recordValue(micros);
        }

        assertThat(LatencySummaries.ofMicros(histogram)).isEqualTo(new LatencySummary(500, 900, 990, 999, 1_000));
    }

    @Test
    void shouldReportTheTailOfASkewedRecording() {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        histogram.recordValueWithCount(100, 9_980);
        histogram.recordValueWithCount(1_000, 19);
        histogram.recordValue(2_000_000);

        LatencySummary summary = LatencySummaries.ofMicros(histogram);

        assertThat(summary.p50()).isEqualTo(100);
        assertThat(summary.p99()).isEqualTo(100);
        assertThat(summary.p999()).isEqualTo(1_000);
        assertThat(summary.max()).isBetween(2_000_000.0, 2_000_000 * 1.001);
    }

    @Test
    void shouldReportNaNRatherThanZeroForAnEmptyRecording() {
        LatencySummary summary = LatencySummaries.ofMicros(new Histogram(3));

        assertThat(summary.p50()).isNaN();
        assertThat(summary.max()).isNaN();
    }
}

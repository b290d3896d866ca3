package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.OutlierSummary;
import io.sluice.loadgen.Sample;
import io.sluice.loadgen.Scenario;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutliersTest {
    @Test
    void shouldClassifyPlantedOutliersOnBothSidesExactly() {
        // 100..139 plus planted values; Q1 = 108.5, Q3 = 131.5, IQR = 23
        // fences: 39.5 (severe) 74 (mild) | 166 (mild) 200.5 (severe)
        double[] values = DoubleStream.concat(
                IntStream.range(100, 140).asDoubleStream(),
                DoubleStream.of(0, 10, 55, 170, 180, 190, 300)).toArray();

        OutlierSummary summary = Outliers.classify(values);

        assertThat(summary).isEqualTo(new OutlierSummary(2, 1, 3, 1, 47));
        assertThat(summary.total()).isEqualTo(7);
    }

    @Test
    void shouldPlaceTheFencesAtOneAndAHalfAndThreeInterquartileRanges() {
        double[] values = IntStream.range(100, 140).asDoubleStream().toArray(); // Q1 109.75, Q3 129.25

        Outliers.Fences fences = Outliers.fences(values);

        assertThat(fences).isEqualTo(new Outliers.Fences(51.25, 80.5, 158.5, 187.75));
        assertThat(Outliers.classify(values).total()).isZero();
    }

    @Test
    void shouldClassifyBurstSamplesOnTimePerIteration() {
        List<Sample> samples = List.of(
                new Sample(1, 1_000, 1_000_000), new Sample(2, 2_000, 2_000_000), new Sample(3, 3_000, 3_000_000),
                new Sample(4, 4_000, 4_000_000), new Sample(5, 5_000, 50_000_000));

        assertThat(Outliers.ofSamples(Scenario.BURST, samples)).isEqualTo(new OutlierSummary(0, 0, 0, 1, 5));
    }

    @Test
    void shouldReportNoOutliersForNoSamples() {
        assertThat(Outliers.classify(new double[0])).isEqualTo(new OutlierSummary(0, 0, 0, 0, 0));
    }
}

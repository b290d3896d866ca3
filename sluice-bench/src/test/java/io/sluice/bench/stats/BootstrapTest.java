package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sluice.bench.model.Estimate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double TRUE_MEAN = 100;
    private static final double TRUE_SD = 15;

    private static double[] normalSample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        Arrays.setAll(values, i -> TRUE_MEAN + TRUE_SD * random.nextGaussian());
        return values;
    }

    @Test
    void shouldCoverTheTrueMeanWithTheNormalTheoryWidth() {
        double[] data = normalSample(1_000, 7);

        Estimate ci = Bootstrap.withSeed(1).interval(data, Bootstrap::mean);

        assertThat(ci.lower()).isLessThan(TRUE_MEAN);
        assertThat(ci.upper()).isGreaterThan(TRUE_MEAN);
        assertThat(ci.estimate()).isEqualTo(Bootstrap.mean(data));
        double expectedWidth = 2 * 1.96 * TRUE_SD / Math.sqrt(data.length);
        assertThat(ci.upper() - ci.lower()).isCloseTo(expectedWidth, within(0.10 * expectedWidth));
    }

    @Test
    void shouldGiveTheSameIntervalForTheSameSeed() {
        double[] data = normalSample(200, 3);

        Estimate first = Bootstrap.withSeed(42).interval(data, Bootstrap::mean);
        Estimate second = Bootstrap.withSeed(42).interval(data, Bootstrap::mean);
        Estimate otherSeed = Bootstrap.withSeed(43).interval(data, Bootstrap::mean);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.lower()).isNotEqualTo(first.lower());
    }

    @Test
    void shouldGiveAZeroWidthIntervalForConstantData() {
        double[] data = new double[50];
        Arrays.fill(data, 3.5);

        Estimate ci = Bootstrap.defaults().interval(data, Bootstrap::mean);

        assertThat(ci).isEqualTo(new Estimate(3.5, 3.5, 3.5));
    }

    @Test
    void shouldNarrowTheIntervalForALowerConfidence() {
        double[] data = normalSample(300, 11);

        Estimate ci95 = new Bootstrap(2_000, 0.95, 5).interval(data, Bootstrap::mean);
        Estimate ci50 = new Bootstrap(2_000, 0.50, 5).interval(data, Bootstrap::mean);

        assertThat(ci50.upper() - ci50.lower()).isLessThan((ci95.upper() - ci95.lower()) / 2);
    }

    @Test
    void shouldKeepTheColumnsOfAnItemTogetherWhenResamplingIndices() {
        double[] x = {1, 2, 3, 4};
        double[] y = {10, 20, 30, 40};

        Estimate ratio = Bootstrap.withSeed(9).interval(x.length, indices -> {
            double sx = 0;
            double sy = 0;
            for (int i : indices) {
                sx += x[i];
                sy += y[i];
            }
            return sy / sx;
        });

        assertThat(ratio).isEqualTo(new Estimate(10, 10, 10));
    }

    @Test
    void shouldRejectAnEmptySample() {
        assertThatThrownBy(() -> Bootstrap.defaults().interval(new double[0], Bootstrap::mean))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldRejectAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new Bootstrap(100, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

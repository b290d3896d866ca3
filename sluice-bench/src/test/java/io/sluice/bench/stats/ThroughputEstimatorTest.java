package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sluice.bench.model.Estimate;
import io.sluice.loadgen.Sample;
import io.sluice.loadgen.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThroughputEstimatorTest {
    private static final int K = 1_000;
    private static final double MILLION = 1_000_000;

    private final ThroughputEstimator estimator = new ThroughputEstimator(Bootstrap.withSeed(17));

    /** Criterion's linear sampling: sample i runs i iterations of K requests, 1 ms each, times (1 + noise). */
    private static List<Sample> burstSamples(int count, double relativeNoise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            double nanos = i * 1e6 * (1 + relativeNoise * random.nextGaussian());
            samples.add(new Sample(i, (long) i * K, Math.round(nanos)));
        }
        return samples;
    }

    @Test
    void shouldEstimateBurstThroughputFromTheSlopeOfTimeOnIterations() {
        Estimate exact = estimator.burst(burstSamples(11, 0, 1));

        assertThat(exact.estimate()).isCloseTo(MILLION, within(1e-6));
        assertThat(exact.lower()).isCloseTo(MILLION, within(1e-6));
        assertThat(exact.upper()).isCloseTo(MILLION, within(1e-6));
    }

    @Test
    void shouldCoverTheTrueBurstThroughputWithANarrowIntervalForSmallNoise() {
        Estimate ci = estimator.burst(burstSamples(11, 0.005, 2));

        assertThat(ci.estimate()).isCloseTo(MILLION, within(0.01 * MILLION));
        assertThat(ci.lower()).isLessThan(MILLION);
        assertThat(ci.upper()).isGreaterThan(MILLION);
        assertThat(ci.lower()).isLessThan(ci.estimate());
        assertThat(ci.relativeHalfWidth()).isLessThan(0.01);
    }

    @Test
    void shouldWidenTheBurstIntervalWhenTheNoiseGrows() {
        Estimate quiet = estimator.burst(burstSamples(11, 0.005, 3));
        Estimate noisy = estimator.burst(burstSamples(11, 0.05, 3));

        assertThat(noisy.relativeHalfWidth()).isGreaterThan(3 * quiet.relativeHalfWidth());
    }

    @Test
    void shouldWeighLongBurstSamplesMoreThanAShortSlowOne() {
        List<Sample> samples = new ArrayList<>(burstSamples(5, 0, 1));
        samples.set(0, new Sample(1, K, 1_400_000)); // start-up cost on the first, shortest sample

        Estimate ci = estimator.burst(samples);

        double meanOfRates = samples.stream().mapToDouble(Sample::requestsPerSecond).average().orElseThrow();
        assertThat(ci.estimate()).isGreaterThan(meanOfRates);
        assertThat(ci.estimate()).isCloseTo(MILLION, within(0.01 * MILLION));
    }

    @Test
    void shouldCountOnlyCompletedRequestsPerBurst() {
        List<Sample> samples = List.of(new Sample(1, 900, 1_000_000), new Sample(2, 1_800, 2_000_000));

        assertThat(estimator.burst(samples).estimate()).isCloseTo(900_000, within(1e-6));
    }

    @Test
    void shouldGiveAZeroWidthIntervalForConstantWindows() {
        List<Sample> windows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            windows.add(new Sample(1, 50_000, 1_000_000_000L));
        }

        assertThat(estimator.windows(windows)).isEqualTo(new Estimate(50_000, 50_000, 50_000));
    }

    @Test
    void shouldWeighWindowsByTheirLength() {
        List<Sample> windows = List.of(new Sample(1, 10_000, 1_000_000_000L), new Sample(1, 1_000, 500_000_000L));

        assertThat(estimator.windows(windows).estimate()).isCloseTo(11_000 / 1.5, within(1e-6));
    }

    @Test
    void shouldUseTheRegressionOnlyForBurst() {
        List<Sample> samples = List.of(new Sample(1, 1_000, 2_000_000), new Sample(2, 2_000, 3_000_000));

        double burst = estimator.estimate(Scenario.BURST, samples).estimate();
        double window = estimator.estimate(Scenario.KEEPALIVE, samples).estimate();

        assertThat(burst).isCloseTo(1_000 * 1e9 / (8e6 / 5), within(1e-6));
        assertThat(window).isCloseTo(3_000 * 1e9 / 5e6, within(1e-6));
    }

    @Test
    void shouldBeDeterministicForTheSameSeed() {
        List<Sample> samples = burstSamples(11, 0.03, 4);

        assertThat(new ThroughputEstimator(Bootstrap.withSeed(5)).burst(samples))
                .isEqualTo(new ThroughputEstimator(Bootstrap.withSeed(5)).burst(samples));
    }

    @Test
    void shouldRejectARunWithoutSamples() {
        assertThatThrownBy(() -> estimator.windows(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no throughput samples");
    }
}

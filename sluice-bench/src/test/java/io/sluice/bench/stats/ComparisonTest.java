package io.sluice.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.bench.model.Estimate;
import io.sluice.bench.stats.Comparison.Verdict;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void shouldBoundTheChangeByTheWorstPairingsOfTheTwoIntervals() {
        Comparison c = Comparison.of(new Estimate(90, 100, 110), new Estimate(115, 120, 125));

        assertThat(c.change().lower()).isCloseTo(115.0 / 110 - 1, within(1e-12));
        assertThat(c.change().estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(c.change().upper()).isCloseTo(125.0 / 90 - 1, within(1e-12));
    }

    @Test
    void shouldCallItImprovedWhenTheNewIntervalIsAboveTheOld() {
        Comparison c = Comparison.of(new Estimate(90, 100, 110), new Estimate(115, 120, 125));

        assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(c.format()).isEqualTo("change: [+4.5% +20.0% +38.9%] improved");
    }

    @Test
    void shouldCallItRegressedWhenTheNewIntervalIsBelowTheOld() {
        Comparison c = Comparison.of(new Estimate(115, 120, 125), new Estimate(90, 100, 110));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.format()).isEqualTo("change: [-28.0% -16.7% -4.3%] regressed");
    }

    @Test
    void shouldSeeNoChangeWhenTheIntervalsOverlap() {
        Comparison c = Comparison.of(new Estimate(95, 100, 105), new Estimate(99, 103, 107));

        assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(c.change().lower()).isNegative();
        assertThat(c.change().upper()).isPositive();
    }

    @Test
    void shouldSeeNoChangeWhenSeparatedIntervalsDifferByLessThanTheNoiseThreshold() {
        Estimate before = new Estimate(99.9, 100, 100.1);
        Estimate after = new Estimate(100.4, 100.5, 100.6);

        assertThat(Comparison.of(before, after).verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(Comparison.of(before, after, 0.001).verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void shouldSeeNoChangeWhenTheEarlierEstimateIsUnknown() {
        Comparison c = Comparison.of(new Estimate(Double.NaN, Double.NaN, Double.NaN), new Estimate(1, 2, 3));

        assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(c.format()).isEqualTo("change: [? ? ?] no change");
    }
}

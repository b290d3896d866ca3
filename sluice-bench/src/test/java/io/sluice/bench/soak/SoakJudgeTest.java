package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.SoakSecond;
import io.sluice.loadgen.LoadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakJudgeTest {
    private static final long MIB = 1 << 20;

    private static LoadResult.Activity activity(long[] started, long[] answered, long[] failed) {
        return new LoadResult.Activity(started, answered, failed);
    }

    @Test
    void shouldFlagASecondWithRequestsOutstandingAndNothingFinished() {
        // 64 requests in flight all along; seconds 2 and 3 finish nothing; second 5 has nothing in flight at all
        LoadResult.Activity a = activity(new long[] {100, 50, 0, 0, 64, 0},
                new long[] {36, 50, 0, 0, 64, 0}, new long[] {0, 0, 0, 0, 64, 0});

        List<SoakSecond> timeline = SoakJudge.timeline(a, new long[] {36, 50, 0, 0, 64, 0}, List.of());

        assertThat(timeline).extracting(SoakSecond::outstanding).containsExactly(64L, 64L, 64L, 64L, 0L, 0L);
        List<Integer> stalls = SoakJudge.stalls(timeline);
        assertThat(stalls).containsExactly(2, 3);
        assertThat(SoakJudge.longestRun(stalls)).isEqualTo(2);
    }

    @Test
    void shouldCountAFailureAsProgressNotAsAStall() {
        LoadResult.Activity a = activity(new long[] {10, 10}, new long[] {0, 0}, new long[] {10, 10});

        assertThat(SoakJudge.stalls(SoakJudge.timeline(a, new long[] {0, 0}, List.of()))).isEmpty();
    }

    @Test
    void shouldFlagAStallWhenTheFirstRequestsNeverFinish() {
        LoadResult.Activity a = activity(new long[] {8, 0}, new long[] {0, 0}, new long[] {0, 0});

        assertThat(SoakJudge.stalls(SoakJudge.timeline(a, new long[] {0, 0}, List.of()))).containsExactly(0, 1);
    }

    @Test
    void shouldFindTheLongestRunOfConsecutiveStalls() {
        assertThat(SoakJudge.longestRun(List.of())).isZero();
        assertThat(SoakJudge.longestRun(List.of(3, 7, 8, 9, 20, 21))).isEqualTo(3);
    }

    @Test
    void shouldTurnTheCumulativeGcTimeIntoMillisPerSecondAndKeepMissingSamplesMissing() {
        List<ResourceSampler.Sample> samples = new ArrayList<>();
        samples.add(new ResourceSampler.Sample(100L, 10L, 0.010, 50, 20, 3));
        samples.add(null);
        samples.add(new ResourceSampler.Sample(100L, 10L, 0.025, 50, 20, 3));
        LoadResult.Activity a = activity(new long[3], new long[3], new long[3]);

        List<SoakSecond> t = SoakJudge.timeline(a, new long[3], samples);

        assertThat(t.get(0).gcMillis()).isNull();
        assertThat(t.get(1).rssBytes()).isNull();
        assertThat(t.get(2).gcMillis()).isCloseTo(15.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.get(2).timeWait()).isEqualTo(3);
    }

    @Test
    void shouldPassFlatResourcesAndFailRssThatGrowsBeyondItsBound() {
        List<SoakSecond> flat = run(100, s -> 1000 * MIB, s -> 200);
        List<SoakSecond> leaking = run(100, s -> (1000 + 5L * s) * MIB, s -> 200);

        assertThat(SoakJudge.growth(flat, SoakBounds.defaults())).allMatch(GrowthCheck::passed);
        GrowthCheck rss = SoakJudge.growth(leaking, SoakBounds.defaults()).get(0);
        assertThat(rss.resource()).isEqualTo("rss bytes");
        assertThat(rss.passed()).isFalse();
        assertThat(rss.baseline()).isEqualTo((1000 + 5 * 15) * MIB);
        assertThat(rss.end()).isEqualTo((1000 + 5 * 95) * MIB);
        assertThat(rss.allowed()).isEqualTo(rss.baseline() * 1.10 + 32 * MIB);
    }

    @Test
    void shouldFailOpenFilesThatKeepGrowing() {
        List<SoakSecond> leaking = run(100, s -> 1000 * MIB, s -> 200 + 10 * s);

        GrowthCheck files = SoakJudge.growth(leaking, SoakBounds.defaults()).stream()
                .filter(g -> g.resource().equals("open files")).findFirst().orElseThrow();

        assertThat(files.passed()).isFalse();
    }

    @Test
    void shouldNotJudgeGrowthInARunShorterThanTheMinimum() {
        List<SoakSecond> shortLeak = run(20, s -> (1000 + 100L * s) * MIB, s -> 200);

        assertThat(SoakJudge.growth(shortLeak, SoakBounds.defaults()))
                .allSatisfy(g -> {
                    assertThat(g.passed()).isTrue();
                    assertThat(g.rule()).startsWith("not judged");
                });
    }

    private static List<SoakSecond> run(int seconds, java.util.function.IntToLongFunction rss,
                                        java.util.function.IntUnaryOperator files) {
        List<SoakSecond> out = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            out.add(new SoakSecond(s, 100, 100, 100, 0, 8, rss.applyAsLong(s), 50 * MIB + (s % 3) * MIB, 1.0,
                    files.applyAsInt(s), 40, 10));
        }
        return out;
    }

    @Test
    void shouldJudgeTheHeapByItsFloorNotItsSawtooth() {
        List<SoakSecond> sawtooth = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            long heap = (s % 10 == 0 ? 40 : 40 + 60L * (s % 10)) * MIB; // collected every 10 s back to 40 MiB
            sawtooth.add(new SoakSecond(s, 1, 1, 1, 0, 1, 1000 * MIB, heap, 0.0, 100, 40, 0));
        }

        GrowthCheck heap = SoakJudge.growth(sawtooth, SoakBounds.defaults()).get(1);

        assertThat(heap.resource()).isEqualTo("heap floor bytes");
        assertThat(heap.baseline()).isEqualTo(40 * MIB);
        assertThat(heap.end()).isEqualTo(40 * MIB);
        assertThat(heap.passed()).isTrue();
        assertThat(Arrays.asList(heap.rule().split(" "))).contains("baseline");
    }
}

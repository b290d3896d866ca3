package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.SoakSecond;
import io.sluice.loadgen.LoadResult;
import java.util.ArrayList;
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
        samples.add(new ResourceSampler.Sample(100L, 10L, 0.010, 50, 20, 3, null));
        samples.add(null);
        samples.add(new ResourceSampler.Sample(100L, 10L, 0.025, 50, 20, 3, 8L));
        LoadResult.Activity a = activity(new long[3], new long[3], new long[3]);

        List<SoakSecond> t = SoakJudge.timeline(a, new long[3], samples);

        assertThat(t.get(0).gcMillis()).isNull();
        assertThat(t.get(1).rssBytes()).isNull();
        assertThat(t.get(2).gcMillis()).isCloseTo(15.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.get(2).timeWait()).isEqualTo(3);
        assertThat(t.get(0).liveHeapBytes()).isNull();
        assertThat(t.get(2).liveHeapBytes()).isEqualTo(8L);
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
            Long liveHeap = SoakJudge.liveHeapSeconds(seconds).contains(s) ? 30 * MIB : null;
            out.add(new SoakSecond(s, 100, 100, 100, 0, 8, rss.applyAsLong(s), 50 * MIB + (s % 3) * MIB, liveHeap,
                    1.0, files.applyAsInt(s), 40, 10));
        }
        return out;
    }

    /**
     * Defect 8 of issue 9: a healthy 60 s soak failed because the floor of heap in use rose from 33 to 96 MiB,
     * only because G1's old generation filled with what survived young collections until its first concurrent
     * cycle. The live heap (after a forced full collection) stayed flat, and only it is judged now.
     */
    @Test
    void shouldJudgeTheLiveHeapNotHeapInUseWhoseFloorRisesUntilTheFirstConcurrentCycle() {
        List<SoakSecond> healthy = heapRun(s -> 22 * MIB);

        // what the heap floor check saw: 96 MiB > its bound of 33 x 1.5 + 32 = 81.5 MiB, so it failed
        assertThat(floor(healthy, 6, 12)).isEqualTo(33 * MIB);
        assertThat(floor(healthy, 54, 60)).isEqualTo(96 * MIB);
        GrowthCheck heap = liveHeap(SoakJudge.growth(healthy, SoakBounds.defaults()));
        assertThat(heap.baseline()).isEqualTo(22 * MIB);
        assertThat(heap.end()).isEqualTo(22 * MIB);
        assertThat(heap.passed()).isTrue();
        assertThat(heap.rule()).startsWith("baseline + 50% + 32 MiB");
    }

    @Test
    void shouldFailALiveHeapThatGrowsBeyondItsBound() {
        List<SoakSecond> leaking = heapRun(s -> s < 30 ? 22 * MIB : 120 * MIB);

        GrowthCheck heap = liveHeap(SoakJudge.growth(leaking, SoakBounds.defaults()));

        assertThat(heap.passed()).isFalse();
        assertThat(heap.baseline()).isEqualTo(22 * MIB);
        assertThat(heap.end()).isEqualTo(120 * MIB);
        assertThat(heap.allowed()).isEqualTo(22 * MIB * 1.5 + 32 * MIB);
    }

    @Test
    void shouldNotJudgeTheLiveHeapWhenItWasNotMeasured() {
        List<SoakSecond> unmeasured = heapRun(s -> null);

        GrowthCheck heap = liveHeap(SoakJudge.growth(unmeasured, SoakBounds.defaults()));

        assertThat(heap.rule()).isEqualTo("not judged: no samples");
        assertThat(heap.passed()).isTrue();
    }

    @Test
    void shouldMeasureTheLiveHeapAtTheEndOfTheBaselineWindowAndInTheEndWindowBeforeTheLoadStops() {
        assertThat(SoakJudge.liveHeapSeconds(60)).containsExactlyInAnyOrder(11, 56); // windows [6, 12), [54, 60)
        assertThat(SoakJudge.liveHeapSeconds(600)).containsExactlyInAnyOrder(119, 569); // [60, 120), [540, 600)
        assertThat(SoakJudge.liveHeapSeconds(20)).containsExactlyInAnyOrder(3, 18); // [2, 4), [18, 20)
        assertThat(SoakJudge.liveHeapSeconds(10)).containsExactlyInAnyOrder(1, 9); // [1, 2), [9, 10)
        assertThat(SoakJudge.liveHeapSeconds(9)).isEmpty(); // no baseline window
    }

    /**
     * A 60 s run: heap in use is a sawtooth (young collections every 4 s) whose floor is 33 MiB until 12 s, then
     * climbs to 96 MiB at 54 s; the live heap is {@code live.apply(second)} in the seconds the soak measures it.
     */
    private static List<SoakSecond> heapRun(java.util.function.IntFunction<Long> live) {
        List<SoakSecond> out = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            long floor = 33 * MIB + 63 * MIB * (Math.min(Math.max(s, 12), 54) - 12) / 42;
            long heap = floor + (s % 4) * 100 * MIB;
            Long liveHeap = SoakJudge.liveHeapSeconds(60).contains(s) ? live.apply(s) : null;
            out.add(new SoakSecond(s, 1, 1, 1, 0, 1, 1000 * MIB, heap, liveHeap, 0.0, 100, 40, 0));
        }
        return out;
    }

    private static long floor(List<SoakSecond> timeline, int from, int to) {
        return timeline.subList(from, to).stream().mapToLong(SoakSecond::heapUsedBytes).min().orElseThrow();
    }

    private static GrowthCheck liveHeap(List<GrowthCheck> checks) {
        return checks.stream().filter(g -> g.resource().equals("live heap bytes")).findFirst().orElseThrow();
    }
}

package io.sluice.bench.soak;

import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.SoakSecond;
import io.sluice.loadgen.LoadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns what a soak phase recorded into its per-second timeline and its verdicts: stalls, resource growth
 * against {@link SoakBounds}, and the error rate; and says when the live heap is to be measured. Pure functions
 * of their inputs; thread-safe.
 */
final class SoakJudge {
    private static final double MIB = 1 << 20;

    private SoakJudge() {
    }

    /** One entry per second of the load: the load generator's activity beside the gateway's resources. */
    static List<SoakSecond> timeline(LoadResult.Activity activity, long[] succeeded,
                                     List<ResourceSampler.Sample> samples) {
        int n = activity.started().length;
        List<SoakSecond> out = new ArrayList<>(n);
        long open = 0;
        Double previousGc = null;
        for (int s = 0; s < n; s++) {
            open = Math.max(0, open + activity.started()[s] - activity.answered()[s] - activity.failed()[s]);
            ResourceSampler.Sample r = s < samples.size() ? samples.get(s) : null;
            Double gc = r == null ? null : r.gcPauseSeconds();
            Double gcMillis = gc != null && previousGc != null ? Math.max(0, (gc - previousGc) * 1000) : null;
            if (gc != null) {
                previousGc = gc;
            }
            out.add(new SoakSecond(s, activity.started()[s], activity.answered()[s],
                    s < succeeded.length ? succeeded[s] : 0, activity.failed()[s], open,
                    r == null ? null : r.rssBytes(), r == null ? null : r.heapUsedBytes(),
                    r == null ? null : r.liveHeapBytes(), gcMillis,
                    r == null ? null : r.openFiles(), r == null ? null : r.threads(), r == null ? null : r.timeWait()));
        }
        return out;
    }

    /** Seconds in which requests were outstanding (from before, or started in it) and none ended. */
    static List<Integer> stalls(List<SoakSecond> timeline) {
        List<Integer> stalls = new ArrayList<>();
        long openBefore = 0;
        for (SoakSecond s : timeline) {
            boolean waiting = openBefore > 0 || s.started() > 0;
            if (waiting && s.answered() + s.failed() == 0) {
                stalls.add(s.second());
            }
            openBefore = s.outstanding();
        }
        return stalls;
    }

    /** The longest run of consecutive seconds in {@code stalls} (ascending). */
    static int longestRun(List<Integer> stalls) {
        int best = 0;
        int run = 0;
        int previous = Integer.MIN_VALUE;
        for (int s : stalls) {
            run = s == previous + 1 ? run + 1 : 1;
            best = Math.max(best, run);
            previous = s;
        }
        return best;
    }

    /**
     * The seconds of an {@code n}-second run in which the gateway's live heap is measured (a full collection
     * forced, see {@link LiveHeap}): the last second of the baseline window, and one in the end window, a little
     * before the load stops, so that both readings are taken under load. Empty when the run has no windows.
     */
    static Set<Integer> liveHeapSeconds(int n) {
        if (n / 10 == 0) {
            return Set.of();
        }
        return Set.of(n / 5 - 1, n - 1 - n / 20);
    }

    /** RSS, live heap, open files and threads: baseline against end, each against its bound. */
    static List<GrowthCheck> growth(List<SoakSecond> timeline, SoakBounds bounds) {
        List<GrowthCheck> checks = new ArrayList<>();
        checks.add(check(timeline, bounds, "rss bytes", s -> toDouble(s.rssBytes()), bounds.rssGrowth(),
                bounds.rssSlackBytes(), String.format(Locale.ROOT, "baseline + %.0f%% + %.0f MiB",
                        bounds.rssGrowth() * 100, bounds.rssSlackBytes() / MIB)));
        checks.add(check(timeline, bounds, "live heap bytes", s -> toDouble(s.liveHeapBytes()),
                bounds.liveHeapGrowth(), bounds.liveHeapSlackBytes(), String.format(Locale.ROOT,
                        "baseline + %.0f%% + %.0f MiB (heap in use after a full collection forced in each window)",
                        bounds.liveHeapGrowth() * 100, bounds.liveHeapSlackBytes() / MIB)));
        checks.add(check(timeline, bounds, "open files", s -> toDouble(s.openFiles()), bounds.fileGrowth(),
                bounds.fileSlack(), String.format(Locale.ROOT, "baseline + %.0f%% + %d", bounds.fileGrowth() * 100,
                        bounds.fileSlack())));
        checks.add(check(timeline, bounds, "threads", s -> toDouble(s.threads()), 0, bounds.threadSlack(),
                "baseline + " + bounds.threadSlack()));
        return checks;
    }

    private static GrowthCheck check(List<SoakSecond> timeline, SoakBounds bounds, String resource,
                                     Function<SoakSecond, Double> figure, double relative, double absolute,
                                     String rule) {
        int n = timeline.size();
        double baseline = median(timeline.subList(n / 10, n / 5), figure);
        double end = median(timeline.subList(n - n / 10, n), figure);
        if (n < bounds.minJudgedSeconds() || Double.isNaN(baseline) || Double.isNaN(end)) {
            String why = n < bounds.minJudgedSeconds() ? "not judged: run shorter than " + bounds.minJudgedSeconds()
                    + " s" : "not judged: no samples";
            return new GrowthCheck(resource, baseline, end, Double.NaN, why, true);
        }
        double allowed = baseline * (1 + relative) + absolute;
        return new GrowthCheck(resource, baseline, end, allowed, rule, end <= allowed);
    }

    /** The window's median; NaN without samples. */
    private static double median(List<SoakSecond> window, Function<SoakSecond, Double> figure) {
        double[] v = window.stream().map(figure).filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static Double toDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }
}

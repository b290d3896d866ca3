package io.sluice.bench.soak;

/**
 * What a soak phase may do and still pass. A resource's bound is {@code baseline x (1 + relative) + absolute},
 * its baseline being its level from 10% to 20% into the run (after JIT and heap warm-up) and its end its level
 * in the last 10%; growth is judged only in runs of at least {@link #minJudgedSeconds} seconds. Immutable.
 *
 * @param rssGrowth        relative RSS growth allowed (the soak's gateway pre-touches its fixed heap, so RSS
 *                         growth is off-heap growth: direct buffers, threads, metaspace)
 * @param rssSlackBytes    absolute RSS growth allowed on top
 * @param liveHeapGrowth   relative growth allowed of the live heap (heap in use right after a full collection,
 *                         forced once in each window: what the gateway holds on to)
 * @param liveHeapSlackBytes absolute live heap growth allowed on top
 * @param fileGrowth       relative growth allowed of open file descriptors
 * @param fileSlack        absolute growth allowed of open file descriptors
 * @param threadSlack      absolute growth allowed of threads
 * @param maxErrorRate     requests that got no answer or a non-2xx one, as a share of those sent
 * @param minJudgedSeconds shortest run whose growth is judged
 */
public record SoakBounds(double rssGrowth, long rssSlackBytes, double liveHeapGrowth, long liveHeapSlackBytes,
                         double fileGrowth, int fileSlack, int threadSlack, double maxErrorRate,
                         int minJudgedSeconds) {

    /** RSS +10% + 32 MiB, live heap +50% + 32 MiB, open files +25% + 64, threads +16, errors 0.1%, 60 s. */
    public static SoakBounds defaults() {
        return new SoakBounds(0.10, 32L << 20, 0.50, 32L << 20, 0.25, 64, 16, 0.001, 60);
    }

    public SoakBounds withRssGrowth(double growth) {
        return new SoakBounds(growth, rssSlackBytes, liveHeapGrowth, liveHeapSlackBytes, fileGrowth, fileSlack,
                threadSlack, maxErrorRate, minJudgedSeconds);
    }

    /** These bounds, judging growth in runs of {@code seconds} or more (e.g. a short planted-leak test). */
    public SoakBounds withMinJudgedSeconds(int seconds) {
        return new SoakBounds(rssGrowth, rssSlackBytes, liveHeapGrowth, liveHeapSlackBytes, fileGrowth, fileSlack,
                threadSlack, maxErrorRate, seconds);
    }

    public SoakBounds withMaxErrorRate(double rate) {
        return new SoakBounds(rssGrowth, rssSlackBytes, liveHeapGrowth, liveHeapSlackBytes, fileGrowth, fileSlack,
                threadSlack, rate, minJudgedSeconds);
    }
}

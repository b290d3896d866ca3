/**
 * The statistics behind every number {@code sluice bench} prints: throughput with a 95% confidence
 * interval, outliers, latency percentiles, and the change against an earlier run. Pure functions; the
 * random resampling is seeded, so the same samples always give the same report.
 *
 * <h2>What the interval means</h2>
 * A run measures a handful of samples, and a rerun on the same machine would measure slightly different
 * ones (scheduler, GC, the broker's log flushes, other tenants). "81,432 req/s" alone hides that. The
 * interval {@code [80,910 81,432 81,977]} says: if the run were repeated, the procedure that produced this
 * interval would cover the true throughput of this setup on this machine about 95% of the time. It is about
 * the mean rate, not about single seconds: it narrows with more samples even when each second is noisy.
 * Two runs whose intervals do not overlap differ by more than the noise; overlapping intervals mean the
 * benchmark cannot tell them apart (see {@link io.sluice.bench.stats.Comparison}).
 *
 * <h2>Why the bootstrap</h2>
 * Throughput samples are not normal: they are skewed (a GC pause or a broker flush only ever makes a
 * sample slower) and there are few of them (Criterion's 11 in the reference experiment). A t-interval would
 * assume a shape the data do not have. The percentile bootstrap ({@link io.sluice.bench.stats.Bootstrap})
 * assumes nothing about the shape: it treats the samples as the best picture of their own distribution,
 * draws 10,000 new sample sets of the same size from them with replacement, computes the statistic on each,
 * and reports the 2.5% and 97.5% quantiles of those 10,000 values. It is what Criterion does (with 100,000
 * draws; 10,000 moves the bounds by well under 1% and costs a tenth).
 *
 * <h2>Why a regression for BURST</h2>
 * A BURST iteration is K concurrent requests and a wait for all of them; timing a single one mixes the
 * burst's work with fixed costs (taking the clock, starting and joining the burst). Criterion's linear
 * sampling runs sample i with {@code i * b} iterations, so each sample's time is roughly
 * {@code iterations * t + c}. The slope of the least-squares line through the origin,
 * {@code t = sum(iterations * nanos) / sum(iterations^2)}, is the time per iteration; long samples weigh
 * most, so fixed costs and jitter of short ones fade. Throughput is {@code K / t}. The bootstrap resamples
 * whole (iterations, nanos) samples and refits the line. Inverting a time into a rate swaps the ends: the
 * slowest resample gives the lowest rate, so the lower bound of the rate comes from the upper bound of the
 * time. The other scenarios run for a fixed time and cut it into equal windows; their throughput is all
 * requests over all measured time, bootstrapped by resampling windows.
 *
 * <h2>Worked example</h2>
 * BURST with K = 1,000 and b = 1, five samples:
 * <pre>
 * sample  iterations  nanos            ms per iteration
 * 1       1           260,000,000      260
 * 2       2           440,000,000      220
 * 3       3           660,000,000      220
 * 4       4           880,000,000      220
 * 5       5         1,100,000,000      220
 * </pre>
 * {@code sum(x*y) = 0.26e9 + 0.88e9 + 1.98e9 + 3.52e9 + 5.50e9 = 12.14e9} and
 * {@code sum(x^2) = 55}, so {@code t = 220.7 ms} per iteration and throughput = 1,000 / 0.2207 s = 4,530
 * req/s. The first sample's 40 ms of start-up cost moves the slope by 0.7 ms, where a plain mean of the
 * per-iteration times (228 ms) would have been 3.3% slower. Resampling the five rows 10,000 times
 * (one resample might be rows 2, 2, 4, 5, 5) gives 10,000 slopes; their 2.5% and 97.5% quantiles, turned
 * into rates, are the interval. Tukey's fences over the per-iteration times (Q1 = 220, Q3 = 220, IQR = 0)
 * flag sample 1 as a severe high outlier: reported, never dropped.
 */
package io.sluice.bench.stats;

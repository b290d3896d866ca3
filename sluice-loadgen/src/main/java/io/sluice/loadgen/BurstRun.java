package io.sluice.loadgen;

import io.sluice.loadgen.LoadGenerator.RunPlan;
import io.sluice.loadgen.internal.BurstDriver;
import io.sluice.loadgen.internal.BurstDriver.Batch;
import io.sluice.loadgen.internal.BurstWorker;
import io.sluice.loadgen.internal.LoopRecording;
import io.sluice.loadgen.internal.RunTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One BURST run, sampled the way Criterion samples a routine (the reference experiment's tool): warm up with
 * batches of 1, 2, 4, ... iterations until the warm-up time is spent, estimate the time per iteration, then
 * take {@code n} samples where sample {@code i} runs {@code i * b} iterations. With {@code n(n+1)/2 * b}
 * iterations in all, {@code b} is chosen so the measurement fills {@value #PLAN_FILL} of the duration, leaving
 * room for noise; the duration is a hard bound (plus one request timeout): a sample still running then is
 * dropped. Runs on the caller's thread, which waits and reports progress.
 */
final class BurstRun {
    static final double PLAN_FILL = 0.9;

    private final RunPlan plan;
    private final ProgressListener progress;

    BurstRun(RunPlan plan, ProgressListener progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Criterion's base iteration count {@code b}: {@code n} samples of 1b..nb iterations fit {@code budget}. */
    static long baseIterations(int samples, double nanosPerIteration, long budgetNanos) {
        double total = samples * (samples + 1) / 2.0;
        return Math.max(1, (long) Math.floor(budgetNanos / (total * Math.max(1.0, nanosPerIteration))));
    }

    LoadResult run() {
        LoadSpec spec = plan.spec();
        long timeout = spec.requestTimeout().toNanos();
        long duration = spec.duration().toNanos();
        long start = System.nanoTime();
        RunTiming timing = new RunTiming(start, start, Long.MAX_VALUE, 1_000_000_000L, timeout);
        BurstDriver driver = new BurstDriver();
        List<BurstWorker> workers = plan.workers(timing, l -> new BurstWorker(l.context(), driver, plan.closeRequest()));
        int[] shares = new int[workers.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = plan.share(spec.concurrency(), i);
        }
        driver.workers(workers, shares);
        for (BurstWorker w : workers) {
            WindowedRun.onLoop(w, () -> {
                w.start();
                return null;
            });
        }

        double nanosPerIteration = warmUp(driver, start, start + spec.warmup().toNanos(), timeout);
        long b = baseIterations(spec.samples(), nanosPerIteration, (long) (duration * PLAN_FILL));

        long measureStart = System.nanoTime();
        long hardEnd = measureStart + duration + timeout;
        int seconds = (int) ((hardEnd - measureStart) / 1_000_000_000L + 2);
        for (BurstWorker w : workers) {
            WindowedRun.onLoop(w, () -> {
                w.recording().timeline(measureStart, 1_000_000_000L, 0, seconds);
                return null;
            });
        }
        long cpuFrom = ProcessCpu.nanos();
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= spec.samples(); i++) {
            if (i > 1 && System.nanoTime() - measureStart >= duration) {
                break;
            }
            Batch batch = await(driver.run(i * b, true, hardEnd), "measure", measureStart, duration, hardEnd + timeout);
            if (batch.cutShort()) {
                break;
            }
            samples.add(new Sample(batch.iterations(), batch.successes(), batch.nanos()));
        }
        long measured = System.nanoTime() - measureStart;
        long cpuTo = ProcessCpu.nanos();
        progress.onProgress("measure", 1.0);

        LoopRecording.RunTotals totals = new LoopRecording.RunTotals();
        for (BurstWorker w : workers) {
            WindowedRun.onLoop(w, w::stop).addTo(totals);
        }
        totals.seconds = Arrays.copyOf(totals.seconds, (int) ((measured + 999_999_999L) / 1_000_000_000L));
        return Results.of(spec, totals, samples, ProcessCpu.secondsBetween(cpuFrom, cpuTo), measured);
    }

    /** Warm-up: batches doubling from one iteration until {@code end}; returns nanoseconds per iteration. */
    private double warmUp(BurstDriver driver, long start, long end, long timeout) {
        long iterations = 0;
        long nanos = 0;
        long next = 1;
        do {
            Batch batch = await(driver.run(next, false, end + timeout), "warm-up", start, end - start,
                    end + 2 * timeout);
            iterations += batch.iterations();
            nanos += batch.nanos();
            double perIteration = (double) nanos / iterations;
            long left = end - System.nanoTime();
            next = Math.max(1, Math.min(next * 2, (long) (left / perIteration)));
        } while (System.nanoTime() < end);
        progress.onProgress("warm-up", 1.0);
        return (double) nanos / iterations;
    }

    /** Waits for a batch, reporting progress through {@code phase}; gives up at {@code giveUpAt}. */
    private Batch await(CompletableFuture<Batch> batch, String phase, long from, long span, long giveUpAt) {
        while (true) {
            try {
                return batch.get(RunPacing.PROGRESS_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (now - giveUpAt > 0) {
                    throw new IllegalStateException("a BURST iteration did not end within its request timeout");
                }
                progress.onProgress(phase, Math.min(1.0, (double) (now - from) / Math.max(1, span)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a BURST run", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("BURST run failed", e.getCause());
            }
        }
    }
}

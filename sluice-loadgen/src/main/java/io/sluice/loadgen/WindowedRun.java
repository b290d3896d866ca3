package io.sluice.loadgen;

import io.sluice.loadgen.LoadGenerator.RunPlan;
import io.sluice.loadgen.internal.ConnectWorker;
import io.sluice.loadgen.internal.IntendedStartSchedule;
import io.sluice.loadgen.internal.KeepAliveWorker;
import io.sluice.loadgen.internal.LoopRecording;
import io.sluice.loadgen.internal.LoopWorker;
import io.sluice.loadgen.internal.RateWorker;
import io.sluice.loadgen.internal.RunTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One KEEPALIVE, CONNECT or RATE run on a fixed time line: warm-up, then the measurement cut into windows (one
 * {@link Sample} each), then a grace of one request timeout for answers still under way. Runs on the caller's
 * thread, which only waits and reports progress; the load itself runs on the event loops.
 */
final class WindowedRun {
    private static final long GRACE_SLACK_NANOS = 50_000_000L;

    private final RunPlan plan;
    private final ProgressListener progress;

    WindowedRun(RunPlan plan, ProgressListener progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** The sample window: 1 s, or a 20th of the measurement when that is shorter (at least 1 ms). */
    static long windowNanos(long durationNanos) {
        return Math.max(1_000_000L, Math.min(1_000_000_000L, durationNanos / 20));
    }

    LoadResult run() {
        LoadSpec spec = plan.spec();
        long duration = spec.duration().toNanos();
        long timeout = spec.requestTimeout().toNanos();
        long start = System.nanoTime();
        long measureStart = start + spec.warmup().toNanos();
        RunTiming timing = new RunTiming(start, measureStart, measureStart + duration, windowNanos(duration), timeout);
        List<? extends LoopWorker> workers = workers(timing);
        for (LoopWorker w : workers) {
            w.loop().execute(() -> {
                w.recording().timeline(timing.measureStart(), timing.windowNanos(), timing.windowCount(),
                        timing.secondCount());
                w.start();
            });
        }
        RunPacing.await(progress, "warm-up", start, measureStart);
        long cpuFrom = ProcessCpu.nanos();
        RunPacing.await(progress, "measure", measureStart, timing.measureEnd());
        long cpuTo = ProcessCpu.nanos();
        drain(workers, timing.measureEnd() + timeout + GRACE_SLACK_NANOS);
        LoopRecording.RunTotals totals = new LoopRecording.RunTotals();
        for (LoopWorker w : workers) {
            onLoop(w, w::stop).addTo(totals);
        }
        List<Sample> samples = new ArrayList<>();
        for (long completions : totals.windows) {
            samples.add(new Sample(1, completions, timing.windowNanos()));
        }
        return Results.of(spec, totals, samples, ProcessCpu.secondsBetween(cpuFrom, cpuTo), duration);
    }

    private List<? extends LoopWorker> workers(RunTiming timing) {
        LoadSpec spec = plan.spec();
        int lanes = plan.loops().size();
        return switch (spec.scenario()) {
            case KEEPALIVE -> plan.workers(timing, l -> new KeepAliveWorker(l.context(),
                    plan.share(spec.concurrency(), l.index()), plan.keepAliveRequest()));
            case CONNECT -> plan.workers(timing, l -> new ConnectWorker(l.context(),
                    plan.share(spec.concurrency(), l.index()), plan.closeRequest()));
            case RATE -> plan.workers(timing, l -> new RateWorker(l.context(),
                    new IntendedStartSchedule(timing.start(), spec.rate(), lanes, l.index()),
                    Math.max(1, plan.share(spec.concurrency(), l.index())), plan.keepAliveRequest()));
            case BURST -> throw new IllegalArgumentException("BURST is not a windowed run");
        };
    }

    /** Waits until every loop finished its outstanding requests, or {@code deadline}. */
    private static void drain(List<? extends LoopWorker> workers, long deadline) {
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (LoopWorker w : workers) {
                all &= onLoop(w, () -> w.finished(System.nanoTime()));
            }
            if (all) {
                return;
            }
            LockSupport.parkNanos(Math.min(10_000_000L, Math.max(0, deadline - System.nanoTime())));
        }
    }

    static <T> T onLoop(LoopWorker w, java.util.concurrent.Callable<T> task) {
        try {
            return w.loop().submit(task).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the load generator's event loop", e);
        } catch (Exception e) {
            throw new IllegalStateException("the load generator's event loop did not answer: " + e, e);
        }
    }
}

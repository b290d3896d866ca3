package io.sluice.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the gateway process once a second while a soak phase runs: resident memory, threads and open files
 * from /proc, heap and GC pause time from its /metrics, and the machine's TIME_WAIT sockets. Sample {@code k}
 * is taken at the end of second {@code k} after {@code startNanos}; a second whose sampling was skipped (the
 * sampler fell behind on a busy machine) stays {@code null}.
 *
 * <p>Threading: {@link #start} launches one daemon thread that owns the samples; {@link #stop} joins it and
 * hands them over. Not for use by several callers.
 */
final class ResourceSampler {
    /** What the gateway process looked like at one instant; null where a figure could not be read. */
    record Sample(Long rssBytes, Long heapUsedBytes, Double gcPauseSeconds, Integer openFiles, Integer threads,
                  Integer timeWait) {
    }

    private final long pid;
    private final int port;
    private final ProcStats proc;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private long startNanos;
    private Thread thread;

    ResourceSampler(long pid, int port, ProcStats proc) {
        this.pid = pid;
        this.port = port;
        this.proc = proc;
    }

    /** Starts sampling seconds counted from {@code startNanos} (System.nanoTime). */
    void start(long startNanos) {
        this.startNanos = startNanos;
        thread = Thread.ofPlatform().daemon().name("sluice-soak-sampler").start(this::loop);
    }

    /** Stops and returns one entry per second sampled so far (null: skipped). */
    List<Sample> stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        return samples;
    }

    private void loop() {
        while (running) {
            int next = samples.size();
            long due = startNanos + (next + 1) * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                if (!running) {
                    return;
                }
                if (System.nanoTime() < due) {
                    continue; // woken early
                }
            }
            long behind = (System.nanoTime() - startNanos) / 1_000_000_000L - 1;
            while (samples.size() < behind) {
                samples.add(null); // fell behind: those seconds have no sample
            }
            samples.add(sample());
        }
    }

    private Sample sample() {
        JvmFigures jvm = JvmFigures.scrape(port, 900);
        return new Sample(proc.rssBytes(pid), jvm.heapUsedBytes(), jvm.gcPauseSeconds(), proc.openFiles(pid),
                proc.threads(pid), proc.timeWait());
    }
}

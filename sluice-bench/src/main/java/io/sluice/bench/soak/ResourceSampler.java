package io.sluice.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the gateway process once a second while a soak phase runs: resident memory, threads and open files
 * from /proc, heap and GC pause time from its /metrics, and the machine's TIME_WAIT sockets. Sample {@code k}
 * is taken at the end of second {@code k} after {@code startNanos}; a second whose sampling was skipped (the
 * sampler fell behind on a busy machine) stays {@code null}. At the seconds it is given, it also measures the
 * {@link LiveHeap} (a forced full collection) on a thread of its own, so the per-second samples go on meanwhile.
 *
 * <p>Threading: {@link #start} launches one daemon thread that owns the samples; {@link #stop} joins it and
 * the live-heap measurements, and hands everything over. Not for use by several callers.
 */
final class ResourceSampler {
    /**
     * What the gateway process looked like at one instant; null where a figure could not be read, and
     * {@code liveHeapBytes} null except in the seconds whose live heap was measured.
     */
    record Sample(Long rssBytes, Long heapUsedBytes, Double gcPauseSeconds, Integer openFiles, Integer threads,
                  Integer timeWait, Long liveHeapBytes) {
        static final Sample NONE = new Sample(null, null, null, null, null, null, null);

        Sample withLiveHeap(Long bytes) {
            return new Sample(rssBytes, heapUsedBytes, gcPauseSeconds, openFiles, threads, timeWait, bytes);
        }
    }

    /** How the live heap is measured (a seam for tests); blocking. */
    interface LiveHeapProbe {
        LiveHeap.Reading measure();
    }

    private static final long MEASUREMENT_JOIN_MILLIS = 90_000;

    private final long pid;
    private final int port;
    private final ProcStats proc;
    private final Set<Integer> liveHeapSeconds;
    private final LiveHeapProbe liveHeap;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<Integer, LiveHeap.Reading> liveReadings = new ConcurrentHashMap<>();
    private final List<Thread> measurements = new ArrayList<>();
    private volatile boolean running = true;
    private long startNanos;
    private Thread thread;

    /** Samples the gateway {@code pid} listening on {@code port}; measures its live heap at {@code liveHeapSeconds}. */
    ResourceSampler(long pid, int port, ProcStats proc, Set<Integer> liveHeapSeconds) {
        this(pid, port, proc, liveHeapSeconds, () -> LiveHeap.measure(pid, port));
    }

    ResourceSampler(long pid, int port, ProcStats proc, Set<Integer> liveHeapSeconds, LiveHeapProbe liveHeap) {
        this.pid = pid;
        this.port = port;
        this.proc = proc;
        this.liveHeapSeconds = Set.copyOf(liveHeapSeconds);
        this.liveHeap = liveHeap;
    }

    /** Starts sampling seconds counted from {@code startNanos} (System.nanoTime). */
    void start(long startNanos) {
        this.startNanos = startNanos;
        thread = Thread.ofPlatform().daemon().name("sluice-soak-sampler").start(this::loop);
    }

    /**
     * Stops, waits for the live-heap measurements under way, and returns one entry per second sampled so far
     * (null: skipped), each with its live heap where it was measured.
     */
    List<Sample> stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        for (Thread t : measurements) {
            t.join(MEASUREMENT_JOIN_MILLIS);
        }
        List<Sample> out = new ArrayList<>(samples);
        liveReadings.forEach((second, reading) -> {
            if (reading.bytes() != null && second < out.size()) {
                Sample s = out.get(second);
                out.set(second, (s == null ? Sample.NONE : s).withLiveHeap(reading.bytes()));
            }
        });
        return out;
    }

    /** After {@link #stop}: why a live-heap measurement gave no figure, by second; empty when all succeeded. */
    Map<Integer, String> liveHeapProblems() {
        Map<Integer, String> problems = new TreeMap<>();
        liveReadings.forEach((second, reading) -> {
            if (reading.problem() != null) {
                problems.put(second, reading.problem());
            }
        });
        return problems;
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
                measureLiveHeapIfDue(samples.size());
                samples.add(null); // fell behind: those seconds have no sample
            }
            measureLiveHeapIfDue(samples.size());
            samples.add(sample());
        }
    }

    /** Starts the live-heap measurement of {@code second} when it is one of those asked for. */
    private void measureLiveHeapIfDue(int second) {
        if (liveHeapSeconds.contains(second)) {
            measurements.add(Thread.ofPlatform().daemon().name("sluice-soak-live-heap-" + second)
                    .start(() -> liveReadings.put(second, liveHeap.measure())));
        }
    }

    private Sample sample() {
        JvmFigures jvm = JvmFigures.scrape(port, 900);
        return new Sample(proc.rssBytes(pid), jvm.heapUsedBytes(), jvm.gcPauseSeconds(), proc.openFiles(pid),
                proc.threads(pid), proc.timeWait(), null);
    }
}

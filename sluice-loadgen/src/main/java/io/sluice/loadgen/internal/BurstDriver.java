package io.sluice.loadgen.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs BURST iterations across the event loops: one iteration is K requests, each on a new connection, spread
 * over the loops' {@link BurstWorker}s; when the last of them ends, the next iteration starts. Thread-safe:
 * {@link #run} is called by the coordinator, {@link #requestDone} by every loop; the thread that ends an
 * iteration (the one that counts {@code remaining} down to 0) starts the next, so iterations never overlap.
 */
public final class BurstDriver {
    /** What a batch of iterations did; {@code cutShort} when it hit its deadline and stopped early. */
    public record Batch(long iterations, long successes, long nanos, boolean cutShort) {
    }

    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicLong successes = new AtomicLong();
    private List<BurstWorker> workers = List.of();
    private int[] shares = new int[0];
    private int burstSize;
    // Written by the coordinator before a batch starts, then only by the thread that ended the previous iteration
    // (the atomic countdown orders them).
    private boolean counted;
    private long iterationsLeft;
    private long iterationsDone;
    private long deadline;
    private long batchStart;
    private CompletableFuture<Batch> done;

    /** Sets the workers and how many of each burst each one opens (called once, before the first batch). */
    public void workers(List<BurstWorker> workers, int[] shares) {
        this.workers = List.copyOf(workers);
        this.shares = shares.clone();
        int k = 0;
        for (int s : shares) {
            k += s;
        }
        this.burstSize = k;
    }

    /**
     * Runs {@code iterations} bursts one after another; {@code counted}: they belong to the measurement. Stops
     * early (cut short) when an iteration ends after {@code deadlineNanos}.
     */
    public CompletableFuture<Batch> run(long iterations, boolean counted, long deadlineNanos) {
        this.counted = counted;
        this.iterationsLeft = iterations;
        this.iterationsDone = 0;
        this.deadline = deadlineNanos;
        this.successes.set(0);
        this.done = new CompletableFuture<>();
        this.batchStart = System.nanoTime();
        startIteration();
        return done;
    }

    private void startIteration() {
        remaining.set(burstSize);
        boolean c = counted;
        for (int i = 0; i < workers.size(); i++) {
            BurstWorker w = workers.get(i);
            int n = shares[i];
            if (n > 0) {
                w.loop().execute(() -> w.burst(n, c));
            }
        }
    }

    /** One request of the current iteration ended (on any loop). */
    void requestDone(boolean success) {
        if (success) {
            successes.incrementAndGet();
        }
        if (remaining.decrementAndGet() == 0) {
            iterationDone();
        }
    }

    private void iterationDone() {
        iterationsDone++;
        iterationsLeft--;
        long now = System.nanoTime();
        if (iterationsLeft > 0 && now - deadline < 0) {
            startIteration();
        } else {
            done.complete(new Batch(iterationsDone, successes.get(), now - batchStart, iterationsLeft > 0));
        }
    }
}

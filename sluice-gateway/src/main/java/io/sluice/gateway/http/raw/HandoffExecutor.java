package io.sluice.gateway.http.raw;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on the one thread that waits for them: the router finishes a response (JSON, status
 * mapping) on the executor it is given, and on a virtual-thread connection that work belongs on the
 * connection's own thread, not on the Kafka producer's network thread that completes the delivery.
 * {@link #execute} may be called from any thread; {@link #runUntilDone} only from the owner.
 */
final class HandoffExecutor implements Executor {
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs handed-off tasks until {@code future} completes or {@code timeoutNanos} pass; returns its value. */
    <T> T runUntilDone(CompletableFuture<T> future, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!future.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Runnable task = tasks.poll(left, TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }
        return future.join();
    }
}

package io.sluice.kafka.embedded.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;

/**
 * Reads a child process's output on its own daemon thread: completes {@link #ready()} with the text after
 * the ready prefix, forwards every other line to a logger and remembers the last few; {@link #ready()} and
 * {@link #lastLines()} may be called from any thread.
 */
public final class ChildOutputWatcher {

    private static final int KEPT_LINES = 30;

    private final String readyPrefix;
    private final Consumer<String> forward;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ChildOutputWatcher(String readyPrefix, Consumer<String> forward) {
        this.readyPrefix = readyPrefix;
        this.forward = forward;
    }

    /**
     * Starts watching {@code output} on a daemon thread named {@code threadName}; forwarded lines start
     * with {@code logPrefix}.
     */
    public static ChildOutputWatcher start(InputStream output, String readyPrefix, Logger log, String logPrefix,
                                           String threadName) {
        return start(output, readyPrefix, line -> log.info("{}{}", logPrefix, line), threadName);
    }

    /**
     * Starts watching {@code output} on a daemon thread named {@code threadName}; every line but the ready one
     * goes to {@code forward}, on that thread.
     */
    public static ChildOutputWatcher start(InputStream output, String readyPrefix, Consumer<String> forward,
                                           String threadName) {
        ChildOutputWatcher watcher = new ChildOutputWatcher(readyPrefix, forward);
        Thread thread = new Thread(() -> watcher.run(output), threadName);
        thread.setDaemon(true);
        thread.start();
        return watcher;
    }

    /**
     * Completes with what followed the ready prefix; completes exceptionally with an
     * {@link java.io.EOFException} if the output ended first.
     */
    public CompletableFuture<String> ready() {
        return ready;
    }

    /** The last lines the child printed, other than the ready line, oldest first, one per line. */
    public synchronized String lastLines() {
        return lastLines.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), lastLines);
    }

    private void run(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!ready.isDone() && line.startsWith(readyPrefix)) {
                    ready.complete(line.substring(readyPrefix.length()).trim());
                } else {
                    remember(line);
                    forward.accept(line);
                }
            }
        } catch (IOException e) {
            // the stream closes when the child dies; treat like end of file
        }
        ready.completeExceptionally(new java.io.EOFException("the child's output ended before it was ready"));
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}

package io.sluice.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a command started, newest first (the gateway before the broker it produces to), exactly
 * once. Thread-safe: {@link #run()} may be called from a shutdown hook and from the command at the same time.
 */
final class Teardown implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Teardown.class);

    private final Deque<Named> started = new ArrayDeque<>();
    private boolean done;

    private record Named(String name, AutoCloseable resource) {
    }

    /** Registers something to close; closed before everything registered earlier. */
    synchronized void add(String name, AutoCloseable resource) {
        started.push(new Named(name, resource));
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!started.isEmpty()) {
            Named next = started.pop();
            log.info("stopping {}", next.name());
            try {
                next.resource().close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", next.name(), e.toString());
            }
        }
    }
}

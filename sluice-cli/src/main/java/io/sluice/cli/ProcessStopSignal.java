package io.sluice.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The real {@link StopSignal}: SIGTERM and SIGINT release {@link #await}, so the command can close
 * everything in order and return 0 (rather than the JVM exiting with 143 from inside a shutdown hook).
 * A shutdown hook runs the cleanup too, for any other way the JVM stops (SIGHUP, an exit elsewhere).
 * Signal handlers run on a JVM signal thread; they only count a latch down.
 */
public final class ProcessStopSignal implements StopSignal {

    private static final Logger log = LoggerFactory.getLogger(ProcessStopSignal.class);

    @Override
    public void await(Runnable cleanup) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received: stopping", signal.getName());
                    stop.countDown();
                });
            } catch (IllegalArgumentException e) {
                log.debug("cannot handle SIG{} ({}); the shutdown hook will clean up instead", name, e.getMessage());
            }
        }
        Thread hook = new Thread(cleanup, "sluice-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDownAlready) {
            // the hook runs the cleanup; the caller's call is then a no-op
        }
    }
}

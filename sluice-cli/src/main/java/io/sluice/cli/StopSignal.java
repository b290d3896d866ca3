package io.sluice.cli;

/**
 * How a foreground command ({@code serve}, {@code kafka}) waits to be told to stop. Injected so that
 * tests can stop a command without sending the test JVM a signal.
 */
public interface StopSignal {

    /**
     * Blocks until a stop is requested (SIGTERM or SIGINT for a real process). If the JVM instead shuts
     * down some other way while waiting, {@code cleanup} runs in a shutdown hook. The caller runs
     * {@code cleanup} itself after this returns, so it must be idempotent.
     */
    void await(Runnable cleanup) throws InterruptedException;
}

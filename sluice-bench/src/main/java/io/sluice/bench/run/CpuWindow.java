package io.sluice.bench.run;

import java.util.function.DoubleSupplier;

/**
 * CPU of the server under test and of the broker between the start of a cell's measurement and its end, in
 * cores. Used by the orchestrating thread and the load generator's progress callback, one after the other.
 */
final class CpuWindow {
    private final DoubleSupplier serverSeconds;
    private final long brokerPid;
    private double server0 = Double.NaN;
    private double broker0 = Double.NaN;
    private long wall0;
    private double serverCores = Double.NaN;
    private double brokerCores = Double.NaN;

    /** A server known by its pid alone (no pid: -1, which measures nothing). */
    CpuWindow(long serverPid, long brokerPid) {
        this(() -> ProcessCpu.seconds(serverPid), brokerPid);
    }

    /** A server whose CPU seconds so far come from {@code serverSeconds} (e.g. a whole process tree). */
    CpuWindow(DoubleSupplier serverSeconds, long brokerPid) {
        this.serverSeconds = serverSeconds;
        this.brokerPid = brokerPid;
    }

    /** Starts the window; later calls do nothing. */
    void begin() {
        if (wall0 == 0) {
            wall0 = System.nanoTime();
            server0 = serverSeconds.getAsDouble();
            broker0 = ProcessCpu.seconds(brokerPid);
        }
    }

    void end() {
        double wall = (System.nanoTime() - wall0) / 1e9;
        serverCores = (serverSeconds.getAsDouble() - server0) / wall;
        brokerCores = (ProcessCpu.seconds(brokerPid) - broker0) / wall;
    }

    double serverCores() {
        return serverCores;
    }

    double brokerCores() {
        return brokerCores;
    }
}

package io.sluice.loadgen;

import java.lang.management.ManagementFactory;

/** This process's CPU time (all threads), for the generator's own cost. Thread-safe. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** CPU nanoseconds used so far, or -1 when the JVM cannot tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static double secondsBetween(long from, long to) {
        return from < 0 || to < 0 ? Double.NaN : (to - from) / 1e9;
    }
}

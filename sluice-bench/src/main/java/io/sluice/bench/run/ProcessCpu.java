package io.sluice.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc/&lt;pid&gt;/stat (Linux). Stateless. */
public final class ProcessCpu {
    /** USER_HZ: the unit of utime/stime; 100 on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User + system CPU seconds of {@code pid} and its threads so far, or NaN if unknown. */
    public static double seconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = String.join(" ", Files.readAllLines(Path.of("/proc/" + pid + "/stat"))); // see EnvironmentProbe
            // The command name may contain spaces: fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * User + system CPU seconds of {@code root} and of every descendant alive now (a launcher script that does
     * not {@code exec} leaves the real server as its child), or NaN if the root's is unknown. Children that have
     * already exited are not counted.
     */
    public static double treeSeconds(ProcessHandle root) {
        double total = seconds(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            double s = seconds(child.pid());
            if (!Double.isNaN(s)) {
                total += s;
            }
        }
        return total;
    }
}

package io.sluice.bench.soak;

import io.sluice.bench.run.GatewayProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's live heap: a full collection forced through the JVM's diagnostic command
 * ({@code jcmd <pid> GC.run}), then what that collection left in use, read from the gateway's {@code /metrics}
 * as the sum of {@code jvm_memory_pool_collection_used_bytes} (each heap pool's usage right after its last
 * collection, so allocation after the collection does not count). Blocking: it runs jcmd, a JVM of its own,
 * and waits for it. Stateless; thread-safe.
 *
 * <p>Why not heap in use, or its lowest value over a window: with a 1 GiB heap, G1 first runs young
 * collections only, and the old generation fills with what survived them until the first concurrent cycle.
 * The floor of heap in use of a gateway that leaks nothing then climbs from 33 to 96 MiB within a minute.
 * After a full collection only what is reachable is left, so growth of this figure between the start and the
 * end of a run is growth of what the gateway holds on to.
 */
final class LiveHeap {
    private static final String METRIC = "jvm_memory_pool_collection_used_bytes{";
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    /** Bytes of heap in use after a forced full collection, or why there is no figure. */
    record Reading(Long bytes, String problem) {
        static Reading of(long bytes) {
            return new Reading(bytes, null);
        }

        static Reading failed(String problem) {
            return new Reading(null, problem);
        }
    }

    private LiveHeap() {
    }

    /** Forces a full collection in the gateway JVM {@code pid}, then reads its heap in use from its /metrics. */
    static Reading measure(long pid, int port) {
        String problem = forceFullCollection(pid, JCMD_TIMEOUT);
        if (problem != null) {
            return Reading.failed(problem);
        }
        String metrics = GatewayProcess.get(port, "/metrics", 10_000);
        Long bytes = metrics == null ? null : parse(metrics);
        return bytes == null ? Reading.failed("no " + METRIC + "...} in the gateway's /metrics") : Reading.of(bytes);
    }

    /**
     * Runs {@code jcmd pid GC.run} (a full, stop-the-world collection, even under -XX:+DisableExplicitGC); null
     * when it succeeded, otherwise what went wrong and what to do.
     */
    static String forceFullCollection(long pid, Duration timeout) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "no " + jcmd + " to force a collection with; run the soak with a JDK, not a JRE";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            // jcmd prints a few lines; read them after exit (the pipe buffer holds far more than that)
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "jcmd " + pid + " GC.run did not finish within " + timeout;
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || !said.contains("Command executed successfully")) {
                return "jcmd " + pid + " GC.run failed (exit " + p.exitValue() + "): " + said.replace('\n', ' ')
                        + " (is the attach mechanism off, e.g. -XX:+DisableAttachMechanism?)";
            }
            return null;
        } catch (IOException e) {
            return "could not run jcmd: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while jcmd ran";
        }
    }

    /** The sum of {@code jvm_memory_pool_collection_used_bytes} over every pool; null when there is none. */
    static Long parse(String metrics) {
        Long sum = null;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(METRIC)) {
                String[] f = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+");
                sum = (sum == null ? 0 : sum) + (long) Double.parseDouble(f[0]);
            }
        }
        return sum;
    }
}

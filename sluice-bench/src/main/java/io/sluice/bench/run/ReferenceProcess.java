package io.sluice.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The reference design under test (see {@code shared/reference/tokio-design}): any executable started as
 * {@code PATH PORT BOOTSTRAP TOPIC}, the signature of its {@code run.sh}, once for a whole run, its output in a
 * log file next to the reports. Not thread-safe; used by the orchestrating thread.
 *
 * <p>The launcher may {@code exec} the server or keep it as a child, so the CPU counted is the whole process
 * tree's, and stopping signals the whole tree: SIGTERM first (the reference flushes its producer and prints its
 * counters), then SIGKILL for whatever is still alive after the grace period.
 */
public final class ReferenceProcess implements AutoCloseable {
    /** The topic the reference produces to (4 partitions, like the bench topic). */
    public static final String TOPIC = "reference-bench";
    /** The path the load is sent to (the reference accepts any). */
    public static final String PATH = "/payload";

    private final Process process;
    private final int port;
    private final Path log;

    private ReferenceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The reference design could not be started; the message says why and where its log is. */
    public static final class NotStarted extends IllegalStateException {
        NotStarted(String message) {
            super(message);
        }
    }

    /**
     * Starts {@code executable PORT BOOTSTRAP TOPIC} and waits until 127.0.0.1:{@code port} accepts connections.
     *
     * @throws NotStarted when it is not an executable file, exits first, or does not listen within
     *                    {@code listenTimeout}; the message names the exit code, its last lines of output and the
     *                    log
     */
    public static ReferenceProcess start(Path executable, int port, String bootstrap, String topic, Path log,
                                         Duration listenTimeout) throws IOException, InterruptedException {
        Path exe = executable.toAbsolutePath();
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new NotStarted("the reference " + exe + " is not an executable file; build it with "
                    + "scripts/reference-build, which prints the path of its run.sh");
        }
        Process p = new ProcessBuilder(exe.toString(), Integer.toString(port), bootstrap, topic)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ReferenceProcess reference = new ReferenceProcess(p, port, log);
        try {
            reference.awaitListening(exe, listenTimeout);
        } catch (RuntimeException | InterruptedException e) {
            reference.stop(Duration.ofSeconds(5));
            throw e;
        }
        return reference;
    }

    private void awaitListening(Path exe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NotStarted("the reference " + exe + " exited with " + process.exitValue()
                        + " before it listened on 127.0.0.1:" + port + tail() + "; see " + log);
            }
            if (LocalPort.accepts(port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new NotStarted("the reference " + exe + " did not accept connections on 127.0.0.1:" + port
                + " within " + timeout.toSeconds() + " s" + tail() + "; see " + log);
    }

    /** The last lines of its output, as {@code : "..." } for an error message, or nothing when it said nothing. */
    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return last.isEmpty() ? "" : ": \"" + String.join(" / ", last).strip() + "\"";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why it can take no more load: null while it runs, otherwise its exit code and where its log is. */
    public String whyNotRunning() {
        return process.isAlive() ? null : "the reference exited with " + process.exitValue() + "; see " + log;
    }

    /** CPU seconds used so far by the process and its descendants; NaN when unknown. */
    public double cpuSeconds() {
        return ProcessCpu.treeSeconds(process.toHandle());
    }

    /**
     * SIGTERM to the process and its descendants, waits up to {@code grace} for all of them, then SIGKILL to those
     * left. Returns the launcher's exit code, or -1 when it had to be killed.
     */
    public int stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // killed below
                }
            }
        }
        boolean killed = false;
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
                killed = true;
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        return killed || process.isAlive() ? -1 : process.exitValue();
    }

    private List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
    }

    /** Stops it if it is still running (SIGTERM, 10 s, then SIGKILL). */
    @Override
    public void close() {
        try {
            if (process.isAlive() || process.toHandle().descendants().findAny().isPresent()) {
                stop(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree().forEach(ProcessHandle::destroyForcibly);
        }
    }
}

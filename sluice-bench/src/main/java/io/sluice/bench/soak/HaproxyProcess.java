package io.sluice.bench.soak;

import io.sluice.bench.run.LocalPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code haproxy} as a child process, running a {@link HaproxyConfig} written next to the run's
 * reports ({@code haproxy -f FILE -db}: in the foreground, its log in a file). Not thread-safe; used by the
 * orchestrating thread.
 */
public final class HaproxyProcess implements AutoCloseable {
    /** What to tell someone whose machine has no HAProxy. */
    public static final String INSTALL_HINT = "HAProxy is not installed (no `haproxy` on the PATH or in /usr/sbin); "
            + "install it with `sudo apt-get install -y haproxy` (Debian, Ubuntu) or `sudo dnf install -y haproxy` "
            + "(Fedora, RHEL), then run `sluice soak --topology` again";

    private final Process process;

    private HaproxyProcess(Process process) {
        this.process = process;
    }

    /** The haproxy binary: on the PATH, else in /usr/sbin or /usr/local/sbin (Debian puts it in /usr/sbin). */
    public static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/sbin:/usr/local/sbin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code config} to {@code configFile}, checks it with {@code haproxy -c}, starts HAProxy and returns
     * once its frontend accepts connections.
     *
     * @throws IllegalStateException with {@link #INSTALL_HINT} when HAProxy is missing, or with HAProxy's own
     *                               words when the configuration is refused or it does not start
     */
    public static HaproxyProcess start(HaproxyConfig config, Path configFile, Path log, Duration readyTimeout)
            throws IOException, InterruptedException {
        Path haproxy = binary().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Files.writeString(configFile, config.render(), StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", configFile.toString())
                .redirectErrorStream(true).start();
        String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("HAProxy refused " + configFile + ": " + checkOutput.strip());
        }
        Process p = new ProcessBuilder(List.of(haproxy.toString(), "-f", configFile.toString(), "-db"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HaproxyProcess h = new HaproxyProcess(p);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (!LocalPort.accepts(config.listenPort())) {
            if (!p.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + p.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                h.close();
                throw new IllegalStateException("HAProxy did not listen on " + config.listenPort() + " within "
                        + readyTimeout + "; see " + log);
            }
            Thread.sleep(50);
        }
        return h;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops HAProxy (SIGTERM: immediate stop) and waits for it to exit. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

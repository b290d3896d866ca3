package io.sluice.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway under test in a JVM of its own (a fresh process per cell, so cells cannot contaminate
 * each other), started with {@code sluice serve}; its output goes to a log file next to the reports. Not thread-safe; used by the orchestrating thread.
 */
public final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the gateway and waits until /readyz answers 200.
     *
     * @param serveArgs arguments after {@code serve}
     * @param cpus      CPU list for taskset, or null
     * @param log       where the gateway's output goes
     */
    public static GatewayProcess start(int port, List<String> serveArgs, List<String> jvmArgs, String cpus, Path log,
                                       Duration readyTimeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (cpus != null) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
            cmd.add("-Dio.netty.noUnsafe=false"); // as ./sluice does: Netty's Unsafe paths are off by default on 24+
        }
        cmd.add("-Xms1g");
        cmd.add("-Xmx1g");
        cmd.addAll(jvmArgs);
        // The CLI's class path (the gateway runs `sluice serve`; the benchmark's classes are present but unused).
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.sluice.cli.Main", "serve", "--bind",
                "127.0.0.1",
                "--port", Integer.toString(port)));
        cmd.addAll(serveArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess g = new GatewayProcess(p, port);
        g.awaitReady(readyTimeout, log);
        return g;
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            if (readyStatus() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway was not ready within " + timeout + "; see " + log);
    }

    /** GET /readyz status, or -1 when nothing answers. */
    int readyStatus() {
        String response = get(port, "/readyz", 2000);
        try {
            return response != null && response.length() >= 12 ? Integer.parseInt(response.substring(9, 12)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * GET {@code path} from a gateway on 127.0.0.1:{@code port} with {@code Connection: close}: the whole response
     * (status line, headers, body) as text, or null when nothing answers within {@code timeoutMillis}.
     */
    public static String get(int port, String path, int timeoutMillis) {
        return exchange(port, ("GET " + path + " HTTP/1.1\r\nHost: sluice\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), timeoutMillis);
    }

    /**
     * POST {@code body} to {@code path} of a gateway on 127.0.0.1:{@code port} with {@code Connection: close}: the
     * whole response as text, or null when nothing answers within {@code timeoutMillis}.
     */
    public static String post(int port, String path, String contentType, byte[] body, int timeoutMillis) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: sluice\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return exchange(port, request, timeoutMillis);
    }

    private static String exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM and wait: the gateway drains and flushes; returns its exit code (or -1 if killed). */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

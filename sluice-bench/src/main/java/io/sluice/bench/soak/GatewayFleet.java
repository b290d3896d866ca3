package io.sluice.bench.soak;

import io.sluice.bench.run.GatewayProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway JVMs of a topology run, each on a fixed port that HAProxy knows, each restartable on that port;
 * its methods are synchronized, because the event thread restarts gateways while the orchestrating thread may
 * be stopping them all at the end.
 */
final class GatewayFleet implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final byte[] PRIMER = "{\"soak\":\"primer, before this gateway takes load\"}"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<Integer> ports;
    private final List<String> serveArgs;
    private final List<String> jvmArgs;
    private final Path dir;
    private final String topic;
    private final GatewayProcess[] running;
    private final int[] incarnation;
    private final List<Integer> exits = new ArrayList<>();

    GatewayFleet(List<Integer> ports, List<String> serveArgs, List<String> jvmArgs, Path dir, String topic) {
        this.ports = List.copyOf(ports);
        this.serveArgs = List.copyOf(serveArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.dir = dir;
        this.topic = topic;
        this.running = new GatewayProcess[ports.size()];
        this.incarnation = new int[ports.size()];
    }

    List<Integer> ports() {
        return ports;
    }

    /**
     * Starts gateway {@code index} on its port, waits for /readyz 200, then sends it one record directly (no
     * id: the read-back counts it as foreign), so it has the topic's metadata before HAProxy gives it load.
     */
    synchronized void start(int index) throws IOException, InterruptedException {
        incarnation[index]++;
        Path log = dir.resolve("gateway-" + HaproxyConfig.serverName(index) + "-" + incarnation[index] + ".log");
        running[index] = GatewayProcess.start(ports.get(index), serveArgs, jvmArgs, null, log, READY_TIMEOUT);
        String response = GatewayProcess.post(ports.get(index), "/topics/" + topic, "application/json", PRIMER,
                30_000);
        if (response == null || !response.startsWith("HTTP/1.1 2")) {
            throw new IllegalStateException(HaproxyConfig.serverName(index) + " did not accept a first record within "
                    + "30 s: " + (response == null ? "no answer" : response.lines().findFirst().orElse("")));
        }
    }

    /** SIGTERM to gateway {@code index}, and waits for it to drain, flush and exit; returns its exit code. */
    synchronized int stop(int index) throws InterruptedException {
        GatewayProcess g = running[index];
        if (g == null) {
            return 0;
        }
        int exit = g.stop(STOP_TIMEOUT);
        running[index] = null;
        exits.add(exit);
        return exit;
    }

    /** Stops every running gateway, one after the other. */
    synchronized void stopAll() throws InterruptedException {
        for (int i = 0; i < running.length; i++) {
            stop(i);
        }
    }

    /** Every stop's exit code so far, in order. */
    synchronized List<Integer> exits() {
        return List.copyOf(exits);
    }

    @Override
    public synchronized void close() {
        for (GatewayProcess g : running) {
            if (g != null) {
                g.close();
            }
        }
    }
}

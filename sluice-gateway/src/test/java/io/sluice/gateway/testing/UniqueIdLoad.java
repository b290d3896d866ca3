package io.sluice.gateway.testing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for fault tests: each of a few platform threads keeps one HTTP/1.1 keep-alive
 * connection and POSTs one record per request whose body is an id never used before, and logs every
 * exchange, so the test can later match what Kafka holds against what each client was told. Started and
 * stopped from the test thread; the client threads only append to a concurrent queue. Test-only.
 */
public final class UniqueIdLoad {

    /** The outcome of one request: an HTTP status, or {@link #NO_RESPONSE} / {@link #TIMED_OUT}. */
    public record Exchange(String id, int status, long startNanos, long endNanos) {
        public long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }
    }

    /** The connection failed before a response came (the client then opens a new one). */
    public static final int NO_RESPONSE = -1;
    /** No response within the client's read timeout: the request hung. */
    public static final int TIMED_OUT = -2;

    private final ConcurrentLinkedQueue<Exchange> log = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final List<Thread> clients = new ArrayList<>();

    private UniqueIdLoad() {
    }

    /**
     * Starts {@code threads} clients POSTing to {@code target} on 127.0.0.1:{@code port}; each waits at
     * most {@code readTimeout} for a response and {@code pause} between requests.
     */
    public static UniqueIdLoad start(int port, String target, int threads, Duration readTimeout, Duration pause) {
        UniqueIdLoad load = new UniqueIdLoad();
        for (int t = 0; t < threads; t++) {
            String prefix = "c" + t + "-";
            load.clients.add(Thread.ofPlatform().name("load-" + t).daemon(true).start(
                    () -> load.run(port, target, prefix, (int) readTimeout.toMillis(), pause.toMillis())));
        }
        return load;
    }

    /**
     * Stops the clients and waits for each one's last request to finish (at most {@code timeout} per
     * client); returns every exchange, in no particular order.
     */
    public List<Exchange> stop(Duration timeout) throws InterruptedException {
        stop.set(true);
        for (Thread client : clients) {
            if (!client.join(timeout)) {
                throw new AssertionError(client.getName() + " still waits for a response " + timeout + " after stop");
            }
        }
        return List.copyOf(log);
    }

    private void run(int port, String target, String prefix, int readTimeoutMillis, long pauseMillis) {
        while (!stop.get()) {
            try (HttpConnection c = new HttpConnection(port, readTimeoutMillis)) {
                while (!stop.get()) {
                    exchange(c, target, prefix + ids.incrementAndGet());
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the exchange is logged; open a new connection after a short back-off
                if (!pauseQuietly(10)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean pauseQuietly(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void exchange(HttpConnection c, String target, String id) throws IOException {
        long start = System.nanoTime();
        try {
            int status = c.exchange(HttpConnection.post(target, id.getBytes(StandardCharsets.UTF_8))).status();
            log.add(new Exchange(id, status, start, System.nanoTime()));
        } catch (SocketTimeoutException e) {
            log.add(new Exchange(id, TIMED_OUT, start, System.nanoTime()));
            throw e;
        } catch (IOException | RuntimeException e) {
            log.add(new Exchange(id, NO_RESPONSE, start, System.nanoTime()));
            throw e;
        }
    }
}

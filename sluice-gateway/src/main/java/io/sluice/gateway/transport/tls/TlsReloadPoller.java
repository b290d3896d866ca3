package io.sluice.gateway.transport.tls;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks the TLS files for a change every interval on one daemon thread of its own, so that a certificate
 * rotated on disk (cert-manager replacing files or swapping a symlink) reaches new connections without a
 * restart. Thread-safe; {@link #close} stops it.
 */
public final class TlsReloadPoller implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private TlsReloadPoller(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Polls {@code tls} every {@code interval}; a zero interval polls never (a test calls reloadIfChanged). */
    public static TlsReloadPoller start(ServerTls tls, Duration interval) {
        if (interval.isZero()) {
            return new TlsReloadPoller(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sluice-tls-reload").factory());
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(tls::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
        return new TlsReloadPoller(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

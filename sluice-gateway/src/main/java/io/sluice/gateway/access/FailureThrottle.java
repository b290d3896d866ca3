package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Slows down credential guessing: after {@code maxFailures} failed authentications from one address
 * within {@code window}, that address is refused (429) until the window that began with its first
 * failure ends. Thread-safe and non-blocking (a short lock per address). Memory is bounded: at most
 * {@link #MAX_ADDRESSES} addresses are tracked, each for one window after its first failure.
 */
public final class FailureThrottle {
    static final int MAX_ADDRESSES = 100_000;

    /** Never throttles. */
    public static final FailureThrottle OFF = new FailureThrottle(Integer.MAX_VALUE, Duration.ofSeconds(1),
            Ticker.systemTicker());

    private static final class Window {
        final long startNanos;
        int failures;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    public FailureThrottle(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterWrite(window).ticker(ticker).build();
    }

    /** 0 when {@code address} may try; else the nanoseconds until it may try again. */
    public long retryAfterNanos(String address) {
        if (address == null || maxFailures == Integer.MAX_VALUE) {
            return 0;
        }
        Window w = windows.getIfPresent(address);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            long left = w.startNanos + windowNanos - ticker.read();
            return w.failures >= maxFailures && left > 0 ? left : 0;
        }
    }

    /** Counts one failed authentication from {@code address}. */
    public void failed(String address) {
        if (address == null || maxFailures == Integer.MAX_VALUE) {
            return;
        }
        long now = ticker.read();
        Window w = windows.get(address, a -> new Window(now));
        synchronized (w) {
            if (now - w.startNanos >= windowNanos) {
                windows.put(address, new Window(now));
                w = windows.getIfPresent(address);
            }
        }
        if (w != null) {
            synchronized (w) {
                w.failures++;
            }
        }
    }
}

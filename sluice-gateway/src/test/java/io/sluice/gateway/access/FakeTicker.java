package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A hand-driven clock for caches (Ticker) and wall-clock checks (Clock). Test-only; thread-safe. */
final class FakeTicker extends Clock implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long epochMillisAtStart = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMillisAtStart + (nanos.get() - 1_000_000_000L) / 1_000_000);
    }
}

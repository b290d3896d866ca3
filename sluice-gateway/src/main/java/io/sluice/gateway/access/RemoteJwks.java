package io.sluice.gateway.access;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWKS fetched over HTTP(S) and kept in memory. {@link #current()} and {@link #refreshSoon()} are
 * thread-safe and never block; every fetch runs on the given scheduler (one background thread), every
 * {@link #REFRESH_EVERY} and, rate-limited to one per {@link #MIN_REFRESH_GAP}, when a token names an
 * unknown key id (rotation). A failed fetch keeps the last good set.
 *
 * <p>Why not nimbus's {@code JWKSourceBuilder}: its cache refreshes on the calling thread when a key is
 * missing, which would put a network round trip on an event loop. Here the caller gets a 401 for a
 * token whose key is not known yet, and the next request (after the background fetch) passes.
 */
public final class RemoteJwks implements JwksSource {
    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);
    static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(10);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).build();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile JWKSet current = new JWKSet();
    private volatile long lastFetchNanos;

    /** Fetches once now (a failure is logged: requests get 401 until a fetch succeeds), then every 5 minutes. */
    public RemoteJwks(URI uri, ScheduledExecutorService scheduler, LongSupplier nanoClock) {
        this.uri = uri;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        fetch();
        scheduler.scheduleWithFixedDelay(this::fetch, REFRESH_EVERY.toSeconds(), REFRESH_EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public JWKSet current() {
        return current;
    }

    @Override
    public void refreshSoon() {
        long since = nanoClock.getAsLong() - lastFetchNanos;
        if (since < MIN_REFRESH_GAP.toNanos() || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        scheduler.execute(() -> {
            refreshQueued.set(false);
            fetch();
        });
    }

    /** Fetches the set now, on the calling thread. Package-private for tests. */
    void fetch() {
        lastFetchNanos = nanoClock.getAsLong();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                log.warn("JWKS not refreshed from {}: HTTP {}; the last good keys stay", uri, r.statusCode());
                return;
            }
            current = JWKSet.parse(r.body()).toPublicJWKSet();
        } catch (IOException | ParseException e) {
            log.warn("JWKS not refreshed from {}: {}; the last good keys stay", uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

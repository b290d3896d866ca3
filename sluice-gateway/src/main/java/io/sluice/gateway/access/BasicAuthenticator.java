package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * HTTP Basic against the current {@link BasicUsers}. Thread-safe; never runs PBKDF2 on the calling thread
 * when given an executor for slow checks.
 *
 * <p>PBKDF2 is slow by design: 600,000 iterations took 250 to 420 ms per check on a shared 2-core test
 * machine, far too long for an event loop that serves thousands of connections. So a successful check
 * is remembered for {@link #CACHE_TTL} (the cache key is the SHA-256 of the user's salt, stored hash and
 * the presented credentials, so a changed or removed user misses at once after a reload, and the cache
 * holds no password), and a check that misses the cache runs on the {@code slowChecks} executor: the
 * answer is {@link AuthOutcome#later}. When that executor is saturated the request is refused as invalid
 * rather than queued without bound; the failure throttle bounds how often one address can ask.
 */
public final class BasicAuthenticator implements Authenticator {
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 10_000;

    private final Supplier<BasicUsers> users;
    private final Cache<ByteBuffer, Boolean> verified;
    private final Executor slowChecks;

    /** Runs PBKDF2 on the calling thread (for virtual threads and tests). */
    public BasicAuthenticator(Supplier<BasicUsers> users, Ticker ticker) {
        this(users, ticker, null);
    }

    /** @param slowChecks where PBKDF2 runs on a cache miss, or null for the calling thread */
    public BasicAuthenticator(Supplier<BasicUsers> users, Ticker ticker, Executor slowChecks) {
        this.users = users;
        this.slowChecks = slowChecks;
        this.verified = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL).ticker(ticker)
                .build();
    }

    /** @param credential the base64 payload of {@code Authorization: Basic} */
    @Override
    public AuthOutcome authenticate(String credential) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(credential.trim());
        } catch (IllegalArgumentException e) {
            return refused();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return refused();
        }
        String name = pair.substring(0, colon);
        BasicUsers.User found = users.get().user(name);
        // An unknown user is checked as slowly as a wrong password: timing does not tell which names exist.
        BasicUsers.User user = found != null ? found : BasicUsers.NOBODY;
        ByteBuffer key = cacheKey(user, decoded);
        if (verified.getIfPresent(key) != null) {
            return ok(name);
        }
        char[] password = pair.substring(colon + 1).toCharArray();
        if (slowChecks == null) {
            return check(user, password, key);
        }
        try {
            return AuthOutcome.later(CompletableFuture.supplyAsync(() -> check(user, password, key), slowChecks));
        } catch (RejectedExecutionException saturated) {
            return refused();
        }
    }

    private AuthOutcome check(BasicUsers.User user, char[] password, ByteBuffer key) {
        try {
            if (!BasicUsers.matches(user, password) || user == BasicUsers.NOBODY) {
                return refused();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        verified.put(key, Boolean.TRUE);
        return ok(user.name());
    }

    private static AuthOutcome ok(String name) {
        return AuthOutcome.ok(new Principal(name, Set.of(), AuthMethod.BASIC.cliName()));
    }

    private static ByteBuffer cacheKey(BasicUsers.User user, byte[] presented) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(user.salt());
            d.update(user.hash());
            d.update(presented);
            return ByteBuffer.wrap(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthOutcome refused() {
        return AuthOutcome.refused(AuthMethod.BASIC, AuthOutcome.Reason.INVALID);
    }
}

package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * HTTP Basic against the current {@link BasicUsers}. Thread-safe. PBKDF2 is slow by design (600,000
 * iterations: tens to hundreds of milliseconds), so a successful check is remembered for
 * {@link #CACHE_TTL}: the cache key is the SHA-256 of the user's stored hash and the presented password,
 * so a changed or removed user (after a reload) misses at once, and the cache holds no password. The
 * first request of each user and password, and every wrong password, pays the full PBKDF2 cost on the
 * calling thread; the failure throttle bounds how often one address can make it do that.
 */
public final class BasicAuthenticator implements Authenticator {
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 10_000;

    private final Supplier<BasicUsers> users;
    private final Cache<ByteBuffer, Boolean> verified;

    public BasicAuthenticator(Supplier<BasicUsers> users, Ticker ticker) {
        this.users = users;
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
        BasicUsers.User user = users.get().user(name);
        if (user == null) {
            return refused();
        }
        char[] password = pair.substring(colon + 1).toCharArray();
        ByteBuffer key = cacheKey(user, decoded);
        if (verified.getIfPresent(key) == null) {
            if (!BasicUsers.matches(user, password)) {
                return refused();
            }
            verified.put(key, Boolean.TRUE);
        }
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

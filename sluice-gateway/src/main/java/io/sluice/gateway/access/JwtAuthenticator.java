package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JWT bearer tokens (OAuth2 / OIDC access tokens) signed with RSA or EC keys from a {@link JwksSource}.
 * Thread-safe and non-blocking: keys come from memory, a key id not found asks the source to refresh in
 * the background and the token is refused now.
 *
 * <p>Refused: {@code alg: none} (not a JWS), every HMAC algorithm (a verification key set holds public
 * keys; accepting HS256 would let anyone who has the public key sign: algorithm confusion), tokens
 * without {@code exp}, and the wrong {@code iss} or {@code aud}. HMAC is not supported at all.
 *
 * <p>A verified token is cached by the SHA-256 of its text (bounded; each hit still checks {@code exp}
 * against the clock), so a client that sends the same token on every request pays one signature check.
 */
public final class JwtAuthenticator implements Authenticator {
    /** RS/PS/ES only: the explicit allowed set that keeps HMAC and "none" out. */
    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final int CACHE_SIZE = 10_000;
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);

    /** How a token is checked. */
    public record Settings(String issuer, String audience, String principalClaim, String groupsClaim,
                           Duration clockSkew) {
        public Settings {
            principalClaim = principalClaim == null ? "sub" : principalClaim;
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        }
    }

    private record Verified(Principal principal, long expiresMillis) {
    }

    private static final class Expired extends BadJWTException {
        Expired() {
            super("expired");
        }
    }

    private final JwksSource keys;
    private final Settings settings;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<ByteBuffer, Verified> cache;

    public JwtAuthenticator(JwksSource keys, Settings settings, Clock clock, Ticker ticker) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED,
                (selector, context) -> selector.select(keys.current())));
        processor.setJWTClaimsSetVerifier(this::verifyClaims);
        this.cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL).ticker(ticker).build();
    }

    @Override
    public AuthOutcome authenticate(String token) {
        ByteBuffer key = sha256(token);
        Verified v = cache.getIfPresent(key);
        if (v == null) {
            try {
                v = verify(token);
            } catch (Expired e) {
                return refused(AuthOutcome.Reason.EXPIRED);
            } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
                return refused(AuthOutcome.Reason.INVALID);
            }
            if (v == null) {
                return refused(AuthOutcome.Reason.INVALID);
            }
            cache.put(key, v);
        } else if (clock.millis() >= v.expiresMillis() + settings.clockSkew().toMillis()) {
            cache.invalidate(key);
            return refused(AuthOutcome.Reason.EXPIRED);
        }
        return AuthOutcome.ok(v.principal());
    }

    private Verified verify(String token) throws ParseException, BadJOSEException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token); // "alg: none" is not a JWS: ParseException
        String kid = jwt.getHeader().getKeyID();
        if (kid != null && keys.current().getKeyByKeyId(kid) == null) {
            keys.refreshSoon(); // rotation: the key may be published by now; this request is refused
            return null;
        }
        JWTClaimsSet claims = processor.process(jwt, null);
        String name = stringClaim(claims, settings.principalClaim());
        if (name == null || name.isEmpty()) {
            return null;
        }
        return new Verified(new Principal(name, groups(claims), AuthMethod.JWT.cliName()),
                claims.getExpirationTime().getTime());
    }

    private void verifyClaims(JWTClaimsSet claims, SecurityContext ctx) throws BadJWTException {
        long now = clock.millis();
        long skew = settings.clockSkew().toMillis();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new BadJWTException("no exp");
        }
        if (now >= exp.getTime() + skew) {
            throw new Expired();
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now < nbf.getTime() - skew) {
            throw new BadJWTException("not yet valid");
        }
        if (settings.issuer() != null && !settings.issuer().equals(claims.getIssuer())) {
            throw new BadJWTException("issuer");
        }
        if (settings.audience() != null && (claims.getAudience() == null
                || !claims.getAudience().contains(settings.audience()))) {
            throw new BadJWTException("audience");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    /** The groups claim as a list of strings, or one space-separated string (as OAuth's {@code scope}). */
    private Set<String> groups(JWTClaimsSet claims) {
        if (settings.groupsClaim() == null) {
            return Set.of();
        }
        Object v = claims.getClaim(settings.groupsClaim());
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        } else if (v instanceof String s) {
            for (String g : s.trim().split("\\s+")) {
                if (!g.isEmpty()) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    private static ByteBuffer sha256(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthOutcome refused(AuthOutcome.Reason reason) {
        return AuthOutcome.refused(AuthMethod.JWT, reason);
    }
}

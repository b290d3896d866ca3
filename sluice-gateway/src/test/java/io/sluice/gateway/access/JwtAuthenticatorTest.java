package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JwtAuthenticatorTest {
    private static RSAKey k1;
    private static RSAKey k2;
    private static ECKey ec;

    private final FakeTicker clock = new FakeTicker();
    private final JwtAuthenticator.Settings settings =
            new JwtAuthenticator.Settings("https://issuer.example", "sluice", null, "groups", Duration.ofSeconds(30));

    @BeforeAll
    static void keys() throws Exception {
        k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    }

    /** A fixed key set, counting refresh requests. */
    private static final class StaticJwks implements JwksSource {
        final AtomicReference<JWKSet> set;
        final AtomicInteger refreshes = new AtomicInteger();

        StaticJwks(JWK... keys) {
            set = new AtomicReference<>(new JWKSet(List.of(keys)).toPublicJWKSet());
        }

        @Override
        public JWKSet current() {
            return set.get();
        }

        @Override
        public void refreshSoon() {
            refreshes.incrementAndGet();
        }
    }

    private JWTClaimsSet.Builder claims() {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder().subject("svc-ingest").issuer("https://issuer.example").audience("sluice")
                .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).claim("groups", List.of("writers", "ops"));
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JwtAuthenticator authenticator(JwksSource keys) {
        return new JwtAuthenticator(keys, settings, clock, clock);
    }

    @Test
    void shouldAcceptAValidTokenWithItsSubjectAndGroups() throws Exception {
        AuthOutcome o = authenticator(new StaticJwks(k1)).authenticate(rs256(k1, claims().build()));

        assertThat(o.principal()).isEqualTo(new Principal("svc-ingest", Set.of("writers", "ops"), "jwt"));
    }

    @Test
    void shouldAcceptEcKeysAndAnotherPrincipalClaim() throws Exception {
        JwtAuthenticator a = new JwtAuthenticator(new StaticJwks(ec),
                new JwtAuthenticator.Settings(null, null, "client_id", null, null), clock, clock);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(),
                claims().claim("client_id", "partner-9").build());
        jwt.sign(new ECDSASigner(ec));

        assertThat(a.authenticate(jwt.serialize()).principal().name()).isEqualTo("partner-9");
    }

    @Test
    void shouldSayExpiredForAnExpiredTokenAlsoWhenItWasCached() throws Exception {
        JwtAuthenticator a = authenticator(new StaticJwks(k1));
        Date now = Date.from(clock.instant());
        String expired = rs256(k1, claims().expirationTime(new Date(now.getTime() - 31_000)).build());
        assertThat(a.authenticate(expired).reason()).isEqualTo(AuthOutcome.Reason.EXPIRED);

        String soon = rs256(k1, claims().expirationTime(new Date(now.getTime() + 10_000)).build());
        assertThat(a.authenticate(soon).authenticated()).isTrue();
        clock.advance(Duration.ofSeconds(10 + 29));
        assertThat(a.authenticate(soon).authenticated()).as("within the clock skew").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(a.authenticate(soon).reason()).isEqualTo(AuthOutcome.Reason.EXPIRED);
    }

    @Test
    void shouldRefuseATokenNotYetValidBeyondTheSkew() throws Exception {
        Date now = Date.from(clock.instant());
        String later = rs256(k1, claims().notBeforeTime(new Date(now.getTime() + 60_000)).build());
        String withinSkew = rs256(k1, claims().notBeforeTime(new Date(now.getTime() + 20_000)).build());

        assertThat(authenticator(new StaticJwks(k1)).authenticate(later).reason()).isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(authenticator(new StaticJwks(k1)).authenticate(withinSkew).authenticated()).isTrue();
    }

    @Test
    void shouldRefuseTheWrongAudienceIssuerOrNoExpiry() throws Exception {
        JwtAuthenticator a = authenticator(new StaticJwks(k1));

        assertThat(a.authenticate(rs256(k1, claims().audience("other").build())).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(a.authenticate(rs256(k1, claims().issuer("https://evil.example").build())).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(a.authenticate(rs256(k1, claims().expirationTime(null).build())).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
    }

    @Test
    void shouldRefuseABadSignature() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
        String token = rs256(impostor, claims().build());

        assertThat(authenticator(new StaticJwks(k1)).authenticate(token).reason()).isEqualTo(AuthOutcome.Reason.INVALID);
        String valid = rs256(k1, claims().build());
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        assertThat(authenticator(new StaticJwks(k1)).authenticate(tampered).authenticated()).isFalse();
    }

    @Test
    void shouldRefuseAlgNone() {
        String none = new PlainJWT(claims().build()).serialize();

        assertThat(authenticator(new StaticJwks(k1)).authenticate(none).reason()).isEqualTo(AuthOutcome.Reason.INVALID);
    }

    @Test
    void shouldRefuseAnHs256TokenSignedWithThePublicRsaKeyAlgorithmConfusion() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(k1.toPublicKey().getEncoded()));

        assertThat(authenticator(new StaticJwks(k1)).authenticate(jwt.serialize()).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
    }

    @Test
    void shouldRefuseAnUnknownKidAndAskForARefresh() throws Exception {
        StaticJwks keys = new StaticJwks(k1);

        assertThat(authenticator(keys).authenticate(rs256(k2, claims().build())).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(keys.refreshes).hasValue(1);
    }

    @Test
    void shouldFollowAKeyRotationServedOverHttp() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(new JWKSet(k1).toPublicJWKSet().toString());
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        ScheduledExecutorService bg = Executors.newSingleThreadScheduledExecutor();
        AtomicLong nanos = new AtomicLong(0);
        try {
            RemoteJwks jwks = new RemoteJwks(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
                    bg, nanos::get);
            JwtAuthenticator a = authenticator(jwks);
            assertThat(a.authenticate(rs256(k1, claims().build())).authenticated()).isTrue();
            String rotated = rs256(k2, claims().build());
            served.set(new JWKSet(List.of(k1, k2)).toPublicJWKSet().toString());

            assertThat(a.authenticate(rotated).authenticated()).as("not fetched yet, and within the refresh gap")
                    .isFalse();
            nanos.addAndGet(RemoteJwks.MIN_REFRESH_GAP.toNanos());
            assertThat(a.authenticate(rotated).authenticated()).as("answered now; the refresh runs in the background")
                    .isFalse();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!a.authenticate(rotated).authenticated() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(a.authenticate(rotated).authenticated()).isTrue();
            assertThat(fetches).hasValue(2);
        } finally {
            bg.shutdownNow();
            server.stop(0);
        }
    }
}

package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access machinery assembled from settings: which methods run, files read at start and on reload. */
class AccessControlTest {
    @TempDir
    Path dir;

    private final FakeTicker clock = new FakeTicker();

    private AccessSettings jwtFromFile(Path jwks) {
        return new AccessSettings(List.of(), null, jwks.toString(), null, null, null, false, null, null, 20,
                Duration.ofMinutes(1));
    }

    private String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("svc").expirationTime(Date.from(clock.instant().plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void shouldBeOffWithoutMethods() throws Exception {
        try (AccessControl a = AccessControl.start(AccessSettings.NONE, clock, clock)) {
            assertThat(a.authentication()).isNull();
            assertThat(a.throttle()).isSameAs(FailureThrottle.OFF);
        }
    }

    @Test
    void shouldFollowAJwksFileThroughARotation() throws Exception {
        RSAKey k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(k1).toString(false));
        try (AccessControl a = AccessControl.start(jwtFromFile(jwks), clock, clock)) {
            assertThat(a.authentication().methods()).containsExactly(AuthMethod.JWT);
            assertThat(a.authentication().authenticate(new Credentials("Bearer " + token(k1), null, null))
                    .authenticated()).isTrue();
            assertThat(a.authentication().authenticate(new Credentials("Bearer " + token(k2), null, null))
                    .authenticated()).isFalse();

            Files.writeString(jwks, new JWKSet(List.of(k1, k2)).toString(false));
            a.reloadNow();

            assertThat(a.authentication().authenticate(new Credentials("Bearer " + token(k2), null, null))
                    .authenticated()).isTrue();
            assertThat(Files.readString(jwks)).as("the test wrote private keys; the gateway keeps only public ones")
                    .contains("\"d\"");
        }
    }

    @Test
    void shouldFailTheStartWithTheFileAndLineOfABadPolicyFile() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.txt"), "# header\nk-1 alice\n");
        AccessSettings s = new AccessSettings(List.of(AuthMethod.API_KEY), keys, null, null, null, null, false, null,
                null, 20, null);

        assertThatThrownBy(() -> AccessControl.start(s, clock, clock)).isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("keys.txt:2:");
        assertThatThrownBy(() -> AccessControl.start(jwtFromFile(Files.writeString(dir.resolve("j.json"), "{")),
                clock, clock)).isInstanceOf(PolicyFileException.class).hasMessageContaining("j.json");
    }
}

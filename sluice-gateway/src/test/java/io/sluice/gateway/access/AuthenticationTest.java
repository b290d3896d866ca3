package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private final ApiKeys.NewKey key = ApiKeys.newKey("alice", Instant.now(), new SecureRandom());
    private final ApiKeys keys = parse(ApiKeys.format(List.of(key.entry())));
    private final Authenticator apiKeys = new ApiKeyAuthenticator(() -> keys);
    private final Authenticator jwt = token -> token.equals("good.jwt.token")
            ? AuthOutcome.ok(new Principal("svc", Set.of("g"), "jwt"))
            : AuthOutcome.refused(AuthMethod.JWT, AuthOutcome.Reason.EXPIRED);

    private static ApiKeys parse(String content) {
        try {
            return ApiKeys.parse(Path.of("keys"), content.getBytes(StandardCharsets.UTF_8));
        } catch (PolicyFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAcceptAnApiKeyAsBearerOrAsXApiKey() {
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, apiKeys));

        assertThat(auth.authenticate(new Credentials("Bearer " + key.key(), null, null)).principal())
                .isEqualTo(new Principal("alice", Set.of(), "api-key"));
        assertThat(auth.authenticate(new Credentials("bearer " + key.key(), null, null)).authenticated()).isTrue();
        assertThat(auth.authenticate(new Credentials(null, key.key(), null)).authenticated()).isTrue();
    }

    @Test
    void shouldSayOnlyMissingOrInvalid() {
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, apiKeys));

        assertThat(auth.authenticate(new Credentials(null, null, null)).reason()).isEqualTo(AuthOutcome.Reason.MISSING);
        assertThat(auth.authenticate(new Credentials("Bearer nope", null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(auth.authenticate(new Credentials("Digest x", null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(auth.authenticate(new Credentials(null, null, "cn=alice")).reason())
                .as("mtls not configured").isEqualTo(AuthOutcome.Reason.MISSING);
    }

    @Test
    void shouldSendBearerTokensWithoutTheKeyPrefixToJwtWhenBothAreConfigured() {
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, apiKeys, AuthMethod.JWT, jwt));

        assertThat(auth.authenticate(new Credentials("Bearer good.jwt.token", null, null)).principal().name())
                .isEqualTo("svc");
        assertThat(auth.authenticate(new Credentials("Bearer " + key.key(), null, null)).principal().name())
                .isEqualTo("alice");
        assertThat(auth.authenticate(new Credentials("Bearer old.jwt.token", null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.EXPIRED);
        assertThat(auth.challenges()).containsExactly("Bearer realm=\"sluice\"");
    }

    @Test
    void shouldTakeTheClientCertificateOnlyWhenNoOtherCredentialIsPresented() {
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, apiKeys, AuthMethod.MTLS,
                c -> AuthOutcome.refused(AuthMethod.MTLS, AuthOutcome.Reason.INVALID)));

        assertThat(auth.authenticate(new Credentials(null, null, "device-7")).principal())
                .isEqualTo(new Principal("device-7", Set.of(), "mtls"));
        assertThat(auth.authenticate(new Credentials("Bearer wrong", null, "device-7")).authenticated())
                .as("a client that sends a key means that key").isFalse();
    }

    @Test
    void shouldChallengeOncePerScheme() {
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, apiKeys, AuthMethod.JWT, jwt,
                AuthMethod.BASIC, b -> null));

        assertThat(auth.challenges()).containsExactly("Bearer realm=\"sluice\"",
                "Basic realm=\"sluice\", charset=\"UTF-8\"");
    }

    @Test
    void shouldAcceptBasicCredentialsAgainstPbkdf2HashesAndCacheSuccessOnly() throws Exception {
        String line = BasicUsers.line("shipper", "s3cret!".toCharArray(), 1000, new SecureRandom());
        BasicUsers users = BasicUsers.parse(Path.of("users"), line.getBytes(StandardCharsets.UTF_8));
        BasicAuthenticator basic = new BasicAuthenticator(() -> users, new FakeTicker());
        Authentication auth = new Authentication(Map.of(AuthMethod.BASIC, basic));

        assertThat(line).doesNotContain("s3cret!").startsWith("shipper:pbkdf2-sha256:1000:");
        assertThat(auth.authenticate(new Credentials(basic("shipper", "s3cret!"), null, null)).principal())
                .isEqualTo(new Principal("shipper", Set.of(), "basic"));
        assertThat(auth.authenticate(new Credentials(basic("shipper", "s3cret!"), null, null)).authenticated())
                .as("from the cache").isTrue();
        assertThat(auth.authenticate(new Credentials(basic("shipper", "wrong"), null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(auth.authenticate(new Credentials(basic("nobody", "s3cret!"), null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
        assertThat(auth.authenticate(new Credentials("Basic !!!", null, null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);
    }

    @Test
    void shouldForgetACachedBasicSuccessWhenTheUsersPasswordChanges() throws Exception {
        SecureRandom r = new SecureRandom();
        BasicUsers[] current = {BasicUsers.parse(Path.of("u"),
                BasicUsers.line("u", "one".toCharArray(), 1000, r).getBytes(StandardCharsets.UTF_8))};
        BasicAuthenticator basic = new BasicAuthenticator(() -> current[0], new FakeTicker());
        assertThat(basic.authenticate(b64("u:one")).authenticated()).isTrue();

        current[0] = BasicUsers.parse(Path.of("u"),
                BasicUsers.line("u", "two".toCharArray(), 1000, r).getBytes(StandardCharsets.UTF_8));

        assertThat(basic.authenticate(b64("u:one")).authenticated()).isFalse();
        assertThat(basic.authenticate(b64("u:two")).authenticated()).isTrue();
    }

    @Test
    void shouldRefuseAMalformedUsersFileWithItsLine() {
        byte[] bad = "u:pbkdf2-sha256:1000:AAAA:AAAA\nv:plain:secret\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BasicUsers.parse(Path.of("users"), bad)).isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("users:2:").hasMessageNotContaining("secret");
    }

    @Test
    void shouldThrottleAnAddressAfterTooManyFailuresAndLetItTryAgainAfterTheWindow() {
        FakeTicker clock = new FakeTicker();
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterNanos("10.0.0.1")).isZero();
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.retryAfterNanos("10.0.0.1")).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(throttle.retryAfterNanos("10.0.0.2")).as("another address").isZero();
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttle.retryAfterNanos("10.0.0.1")).isEqualTo(Duration.ofSeconds(15).toNanos());
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.retryAfterNanos("10.0.0.1")).isZero();
        throttle.failed("10.0.0.1");
        assertThat(throttle.retryAfterNanos("10.0.0.1")).as("a new window").isZero();
    }

    private static String basic(String user, String password) {
        return "Basic " + b64(user + ":" + password);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFollowAReloadedUsersFileAndKeepTheLastGoodOneAfterABadEdit(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        SecureRandom r = new SecureRandom();
        Path f = java.nio.file.Files.writeString(dir.resolve("users.txt"),
                BasicUsers.line("a", "one".toCharArray(), 1000, r) + "\n");
        ReloadingFile<BasicUsers> users = new ReloadingFile<>(f, "Basic users", BasicUsers::parse);
        BasicAuthenticator basic = new BasicAuthenticator(users::current, new FakeTicker());
        assertThat(basic.authenticate(b64("a:one")).authenticated()).isTrue();

        java.nio.file.Files.writeString(f, BasicUsers.line("b", "two".toCharArray(), 1000, r) + "\n");
        assertThat(users.reloadIfChanged()).isTrue();
        assertThat(basic.authenticate(b64("a:one")).authenticated()).as("removed, though cached").isFalse();
        assertThat(basic.authenticate(b64("b:two")).authenticated()).isTrue();

        java.nio.file.Files.writeString(f, "b:plain:two\n");
        assertThat(users.reloadIfChanged()).isFalse();
        assertThat(basic.authenticate(b64("b:two")).authenticated()).isTrue();
    }

    @Test
    void shouldCheckOffTheCallingThreadWhenGivenAnExecutorAndAnswerFromTheCacheAfterwards() throws Exception {
        BasicUsers users = BasicUsers.parse(Path.of("u"), BasicUsers.line("u", "pw".toCharArray(), 1000,
                new SecureRandom()).getBytes(StandardCharsets.UTF_8));
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        BasicAuthenticator basic = new BasicAuthenticator(() -> users, new FakeTicker(), queued::add);

        AuthOutcome first = basic.authenticate(b64("u:pw"));
        assertThat(first.isPending()).isTrue();
        assertThat(first.pending()).isNotDone();
        queued.forEach(Runnable::run);
        assertThat(first.pending().join().principal().name()).isEqualTo("u");
        assertThat(basic.authenticate(b64("u:pw")).authenticated()).as("cached: decided at once").isTrue();
        assertThat(basic.authenticate(b64("u:wrong")).isPending()).isTrue();
    }
}

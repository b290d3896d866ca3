package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void shouldMakeKeysOf256RandomBitsWithARecognisablePrefix() {
        ApiKeys.NewKey k = ApiKeys.newKey("alice", Instant.now(), random);

        assertThat(k.key()).startsWith(ApiKeys.PREFIX);
        byte[] secret = Base64.getUrlDecoder().decode(k.key().substring(ApiKeys.PREFIX.length()));
        assertThat(secret).hasSize(32);
        assertThat(ApiKeys.newKey("alice", Instant.now(), random).key()).isNotEqualTo(k.key());
        assertThat(k.entry().line()).doesNotContain(k.key()).contains("alice").startsWith(k.entry().id());
    }

    @Test
    void shouldFindTheOwnerOfAKeyByItsHashOnly() throws Exception {
        ApiKeys.NewKey a = ApiKeys.newKey("alice", Instant.now(), random);
        ApiKeys.NewKey b = ApiKeys.newKey("bob", Instant.now(), random);
        Path f = Files.writeString(dir.resolve("keys"), ApiKeys.format(List.of(a.entry(), b.entry())));

        String content = Files.readString(f);
        assertThat(content).doesNotContain(a.key()).doesNotContain(b.key());
        ApiKeys keys = ApiKeys.parse(f, content.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.find(a.key()).principal()).isEqualTo("alice");
        assertThat(keys.find(b.key()).principal()).isEqualTo("bob");
        assertThat(keys.find(a.key() + "x")).isNull();
        assertThat(keys.find("")).isNull();
    }

    @Test
    void shouldRefuseAMalformedFileWithItsLineAndReason() {
        byte[] bad = "# comment\n\nk-1 alice 2026-01-01T00:00:00Z sha256:abc\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ApiKeys.parse(dir.resolve("keys"), bad))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("keys:3:")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> ApiKeys.parse(dir.resolve("keys"), "k-1 alice\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("keys:1: expected 4 fields");
    }

    @Test
    void shouldStopAcceptingARevokedKeyAfterReloadAndKeepTheLastGoodFileAfterABadEdit() throws Exception {
        ApiKeys.NewKey a = ApiKeys.newKey("alice", Instant.now(), random);
        ApiKeys.NewKey b = ApiKeys.newKey("bob", Instant.now(), random);
        Path f = Files.writeString(dir.resolve("keys"), ApiKeys.format(List.of(a.entry(), b.entry())));
        ReloadingFile<ApiKeys> file = new ReloadingFile<>(f, "API keys", ApiKeys::parse);
        Authentication auth = new Authentication(Map.of(AuthMethod.API_KEY, new ApiKeyAuthenticator(file::current)));

        assertThat(auth.authenticate(new Credentials(null, a.key(), null)).principal().name()).isEqualTo("alice");

        Files.writeString(f, ApiKeys.format(List.of(b.entry())));
        assertThat(file.reloadIfChanged()).isTrue();
        assertThat(auth.authenticate(new Credentials(null, a.key(), null)).reason())
                .isEqualTo(AuthOutcome.Reason.INVALID);

        Files.writeString(f, "garbage\n");
        assertThat(file.reloadIfChanged()).isFalse();
        assertThat(auth.authenticate(new Credentials("Bearer " + b.key(), null, null)).principal().name())
                .isEqualTo("bob");
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.AuthMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authentication options of {@code serve}: flags, environment, config file, validation, startup log. */
class AuthOptionsTest {
    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void shouldLeaveAuthenticationOffByDefault() {
        AccessSettings a = cli.serve("--bootstrap-servers", "kafka:9092").access();

        assertThat(a.effectiveMethods()).isEmpty();
        assertThat(a.gated()).isFalse();
        assertThat(a.principalHeader()).isNull();
    }

    @Test
    void shouldTakeTheMethodsFromTheFilesGivenUnlessAuthNamesThem() {
        AccessSettings implied = cli.serve("--bootstrap-servers", "kafka:9092", "--api-keys", "k.txt",
                "--basic-users", "u.txt").access();
        AccessSettings named = cli.serve("--bootstrap-servers", "kafka:9092", "--api-keys", "k.txt",
                "--auth", "api-key,mtls").access();

        assertThat(implied.effectiveMethods()).containsExactly(AuthMethod.API_KEY, AuthMethod.BASIC);
        assertThat(named.effectiveMethods()).containsExactly(AuthMethod.API_KEY, AuthMethod.MTLS);
    }

    @Test
    void shouldTakeAuthOptionsFromTheEnvironmentAndTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("sluice.properties"),
                "jwt-issuer=https://idp.example\njwt-audience=sluice\nprincipal-header=who\n");
        cli.env.put("SLUICE_JWT_JWKS", "https://idp.example/jwks.json");
        cli.env.put("SLUICE_JWT_GROUPS_CLAIM", "roles");

        GatewayConfig c = cli.serve("--bootstrap-servers", "kafka:9092", "--config", config.toString());

        assertThat(c.access().jwtJwks()).isEqualTo("https://idp.example/jwks.json");
        assertThat(c.access().jwt().issuer()).isEqualTo("https://idp.example");
        assertThat(c.access().jwt().audience()).isEqualTo("sluice");
        assertThat(c.access().jwt().groupsClaim()).isEqualTo("roles");
        assertThat(c.access().jwt().principalClaim()).isEqualTo("sub");
        assertThat(c.access().principalHeader()).isEqualTo("who");
    }

    @Test
    void shouldRefuseAMethodWithoutItsFileAndAnUnknownMethod() {
        assertThat(cli.run("serve", "--bootstrap-servers", "kafka:9092", "--auth", "jwt")).isEqualTo(2);
        assertThat(cli.err).contains("--auth jwt needs --jwt-jwks");
        assertThat(cli.run("serve", "--bootstrap-servers", "kafka:9092", "--auth", "kerberos")).isEqualTo(2);
        assertThat(cli.err).contains("unknown authentication method 'kerberos'").contains("api-key, jwt, basic, mtls");
    }

    @Test
    void shouldLogTheMethodsAndRuleCountButNothingSecret() {
        GatewayConfig c = cli.serve("--bootstrap-servers", "kafka:9092", "--api-keys", "/etc/keys.txt",
                "--jwt-jwks", "/etc/jwks.json", "--principal-header", "who");

        assertThat(new StartupReport(c, 8080, "external", OptionalLong.empty()).access())
                .isEqualTo("access: auth=api-key,jwt acl=(none: any topic) principal-header=who");
        assertThat(new StartupReport(cli.serve("--bootstrap-servers", "kafka:9092"), 8080, "external",
                OptionalLong.empty()).access()).contains("auth=(none");
        assertThat(List.of(c.access().apiKeys().toString())).containsExactly("/etc/keys.txt");
    }

    @Test
    void shouldLogTheDefaultQuotaAndTheAclFilesOverrides() throws Exception {
        java.nio.file.Path acl = java.nio.file.Files.createTempFile("acl", ".yaml");
        try {
            java.nio.file.Files.writeString(acl, "rules:\n  - principal: alice\n    topics: [events]\n"
                    + "    allow: [produce]\nquotas:\n  - principal: alice\n    requests-per-second: 5\n");
            GatewayConfig c = cli.serve("--bootstrap-servers", "kafka:9092", "--acl", acl.toString(),
                    "--quota", "requests=100/s,bytes=1KiB/s");

            assertThat(new StartupReport(c, 8080, "external", OptionalLong.empty()).access())
                    .contains("acl-rules=1")
                    .contains("quotas=(default requests=100/s,bytes=1024B/s, 1 override(s) in the ACL file)");
            assertThat(c.access().authorizer().mayProduce(
                    new io.sluice.gateway.access.Principal("alice", java.util.Set.of(), "api-key"), "events")).isTrue();
        } finally {
            java.nio.file.Files.delete(acl);
        }
    }
}

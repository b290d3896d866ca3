package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The TLS options: flags and environment into the gateway's configuration; the keystore password never in a flag. */
class TlsOptionsTest {
    private final CliHarness cli = new CliHarness();

    private GatewayConfig serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--bootstrap-servers=kafka:9092";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.serve(all);
    }

    @Test
    void shouldServeNoTlsUnlessConfigured() {
        GatewayConfig c = serve();

        assertThat(c.tls()).isNull();
        assertThat(c.plaintext()).isTrue();
    }

    @Test
    void shouldAddATlsPortBesideThePlaintextOneWithPemFiles() {
        GatewayConfig c = serve("--tls-cert", "/certs/tls.crt", "--tls-key", "/certs/tls.key");

        assertThat(c.tls().certFile()).isEqualTo(Path.of("/certs/tls.crt"));
        assertThat(c.tls().keyFile()).isEqualTo(Path.of("/certs/tls.key"));
        assertThat(c.tlsPort()).isEqualTo(8443);
        assertThat(c.plaintext()).isTrue();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.tls().clientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(c.tls().principalFrom()).isEqualTo(PrincipalSource.CN);
        assertThat(c.tls().reloadInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldServeTlsOnlyWhenPortZeroIsGivenWithTls() {
        GatewayConfig c = serve("--tls-cert", "c.pem", "--tls-key", "k.pem", "--port", "0", "--tls-port", "9443");

        assertThat(c.plaintext()).isFalse();
        assertThat(c.tlsPort()).isEqualTo(9443);
    }

    @Test
    void shouldKeepPortZeroAsAFreePortWithoutTls() {
        GatewayConfig c = serve("--port", "0");

        assertThat(c.plaintext()).isTrue();
        assertThat(c.port()).isZero();
    }

    @Test
    void shouldTurnTheReloadPollOffWithAZeroInterval() {
        GatewayConfig c = serve("--tls-cert", "c.pem", "--tls-key", "k.pem", "--tls-reload-interval", "0s");

        assertThat(c.tls().reloadInterval()).isZero();
    }

    @Test
    void shouldTakeMutualTlsSettingsFromFlagsAndEnvironment() {
        cli.env.put("SLUICE_TLS_CLIENT_AUTH", "required");
        GatewayConfig c = serve("--tls-cert", "c.pem", "--tls-key", "k.pem", "--tls-client-ca", "ca.pem",
                "--tls-principal-from", "san-uri");

        assertThat(c.tls().clientAuth()).isEqualTo(ClientAuth.REQUIRED);
        assertThat(c.tls().clientCaFile()).isEqualTo(Path.of("ca.pem"));
        assertThat(c.tls().principalFrom()).isEqualTo(PrincipalSource.SAN_URI);
    }

    @Test
    void shouldReadTheKeystorePasswordFromTheEnvironmentAndNeverShowIt() {
        cli.env.put("SLUICE_TLS_KEYSTORE_PASSWORD", "hunter2");
        GatewayConfig c = serve("--tls-keystore", "server.p12");

        assertThat(c.tls().keystoreFile()).isEqualTo(Path.of("server.p12"));
        assertThat(new String(c.tls().keystorePassword().reveal())).isEqualTo("hunter2");
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(cli.out + cli.err).doesNotContain("hunter2");
    }

    @Test
    void shouldTakeTheKeystorePasswordFromAFile() {
        GatewayConfig c = serve("--tls-keystore", "server.p12", "--tls-keystore-password-file", "/run/secrets/pw");

        assertThat(c.tls().keystorePasswordFile()).isEqualTo(Path.of("/run/secrets/pw"));
        assertThat(c.tls().keystorePassword()).isNull();
    }

    @Test
    void shouldHaveNoFlagForTheKeystorePassword() {
        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--tls-keystore", "s.p12",
                "--tls-keystore-password", "hunter2");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("--tls-keystore-password");
    }

    @Test
    void shouldRefuseAKeystoreWithoutPassword() {
        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--tls-keystore", "s.p12");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("--tls-keystore-password-file").contains("SLUICE_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void shouldRefuseACertificateWithoutKeyAndClientAuthWithoutCa() {
        assertThat(cli.run("serve", "--bootstrap-servers", "k:1", "--tls-cert", "c.pem")).isEqualTo(2);
        assertThat(cli.err).contains("--tls-cert needs --tls-key");

        assertThat(cli.run("serve", "--bootstrap-servers", "k:1", "--tls-cert", "c.pem", "--tls-key", "k.pem",
                "--tls-client-auth", "required")).isEqualTo(2);
        assertThat(cli.err).contains("--tls-client-ca");

        assertThat(cli.run("serve", "--bootstrap-servers", "k:1", "--tls-client-auth", "maybe")).isEqualTo(2);
        assertThat(cli.err).contains("none, optional, required");
    }

    @Test
    void shouldFailTheStartWithTheGatewaysReasonForABadTlsFile() {
        cli.gatewayFailure = new IllegalArgumentException("--tls-key file 'k.pem' does not match the certificate");

        int code = cli.run("serve", "--bootstrap-servers", "k:1", "--tls-cert", "c.pem", "--tls-key", "k.pem");

        assertThat(code).isEqualTo(1);
        assertThat(cli.err).contains("--tls-key file 'k.pem' does not match the certificate");
    }

    @Test
    void shouldDocumentTheTlsOptionsInHelp() {
        assertThat(cli.run("serve", "--help")).isZero();

        assertThat(cli.out).contains("--tls-cert", "--tls-key", "--tls-keystore", "--tls-keystore-password-file",
                "--tls-port", "--tls-client-ca", "--tls-client-auth", "--tls-principal-from",
                "SLUICE_TLS_KEYSTORE_PASSWORD");
        assertThat(cli.out.replaceAll("\\s+", " ")).contains("With TLS configured, 0 disables plaintext (TLS only)");
    }
}

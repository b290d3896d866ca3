package io.sluice.gateway.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the TLS files: every accepted form, and a clear refusal naming the option, the file and the reason. */
class TlsMaterialTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static Issued server;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(dir.resolve("pki"));
        server = pki.server("server");
    }

    @Test
    void shouldLoadAPkcs8KeyAndACertificateChainLeafFirst() {
        TlsMaterial m = TlsMaterial.load(TlsSettings.pem(pki.chainFile(server, "server"), server.keyFile()));

        assertThat(m.chain()).containsExactly(server.certificate(), pki.ca().certificate());
        assertThat(m.key().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void shouldLoadPkcs1RsaAndSec1EcKeys() {
        Issued rsa = pki.serverRsa("server-rsa");
        Path pkcs1 = pki.traditionalKeyFile(rsa);
        Path sec1 = pki.traditionalKeyFile(server);

        assertThat(PemFiles.text(readAll(pkcs1))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(PemFiles.text(readAll(sec1))).contains("BEGIN EC PRIVATE KEY");
        assertThat(TlsMaterial.load(TlsSettings.pem(rsa.certFile(), pkcs1)).key()).isEqualTo(rsa.key());
        assertThat(((ECPrivateKey) TlsMaterial.load(TlsSettings.pem(server.certFile(), sec1)).key()).getS())
                .isEqualTo(((ECPrivateKey) server.key()).getS());
    }

    @Test
    void shouldLoadAPkcs12KeystoreWithItsPasswordFromAFileOrTheEnvironment() throws Exception {
        Path p12 = pki.keystore(server, "server", "s3cret".toCharArray());
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "s3cret\n");

        assertThat(TlsMaterial.load(TlsSettings.keystore(p12, passwordFile)).chain().get(0))
                .isEqualTo(server.certificate());
        TlsSettings fromEnv = new TlsSettings(null, null, p12, null, Secret.of("s3cret"), null, null, null, null,
                null);
        assertThat(TlsMaterial.load(fromEnv).key().getEncoded()).isEqualTo(server.key().getEncoded());
    }

    @Test
    void shouldRefuseAWrongKeystorePasswordWithoutSayingIt() throws Exception {
        Path p12 = pki.keystore(server, "server-wrong", "s3cret".toCharArray());
        Path passwordFile = dir.resolve("wrong-password.txt");
        Files.writeString(passwordFile, "guess-w0rd\n");

        assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.keystore(p12, passwordFile)))
                .hasMessageContaining("--tls-keystore").hasMessageContaining(p12.toString())
                .hasMessageContaining("wrong password").hasMessageNotContaining("guess-w0rd");
    }

    @Test
    void shouldRefuseAMissingFileNamingIt() {
        Path missing = dir.resolve("nope.crt");
        assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.pem(missing, server.keyFile())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--tls-cert file '" + missing + "' does not exist");
    }

    @Test
    void shouldRefuseAnUnparsableCertificateOrKeyNamingTheFile() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "this is not PEM\n");

        assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.pem(junk, server.keyFile())))
                .hasMessageStartingWith("--tls-cert file '" + junk + "': no PEM certificate");
        assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.pem(server.certFile(), junk)))
                .hasMessageStartingWith("--tls-key file '" + junk + "': no PEM private key");
    }

    @Test
    void shouldRefuseAKeyThatDoesNotMatchTheCertificate() {
        Issued other = pki.server("other");
        assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.pem(server.certFile(), other.keyFile())))
                .hasMessageContaining("--tls-key file '" + other.keyFile() + "' does not match the certificate")
                .hasMessageContaining(server.certFile().toString());
    }

    @Test
    void shouldRefuseClientAuthWithoutAClientCa() {
        assertThatThrownBy(() -> new TlsSettings(server.certFile(), server.keyFile(), null, null, null, null,
                ClientAuth.REQUIRED, null, Duration.ZERO, null)).hasMessageContaining("--tls-client-ca");
    }

    @Test
    void shouldNeverPrintTheKeystorePassword() {
        TlsSettings s = new TlsSettings(null, null, dir.resolve("x.p12"), null, Secret.of("hunter2"), null, null,
                null, null, null);
        assertThat(s.toString()).doesNotContain("hunter2");
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

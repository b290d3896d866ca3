package io.sluice.gateway.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation without restart, without sockets: the reload is triggered by the test (no timer, no sleeps), the
 * way cert-manager changes files: replaced in place, or a symlink swapped to a new directory.
 */
class ServerTlsReloadTest {
    @TempDir
    Path dir;
    static TestPki pki;

    @BeforeAll
    static void createPki(@TempDir Path pkiDir) {
        pki = TestPki.create(pkiDir);
    }

    private static ServerTls start(Path cert, Path key) {
        return ServerTls.start(TlsSettings.pem(cert, key).withReloadInterval(Duration.ZERO),
                ServerTls.Engine.NETTY, Duration.ofSeconds(5));
    }

    @Test
    void shouldKeepTheContextWhileTheFilesAreUnchanged() throws Exception {
        Issued first = pki.server("unchanged");
        Path cert = copy(first.certFile(), "tls.crt");
        Path key = copy(first.keyFile(), "tls.key");
        ServerTls tls = start(cert, key);

        assertThat(tls.reloadIfChanged()).isFalse();
        assertThat(tls.currentCertificate()).isEqualTo(first.certificate());
    }

    @Test
    void shouldServeTheNewCertificateOnceTheFilesAreReplaced() throws Exception {
        Issued first = pki.server("first");
        Issued second = pki.server("second");
        Path cert = copy(first.certFile(), "tls.crt");
        Path key = copy(first.keyFile(), "tls.key");
        ServerTls tls = start(cert, key);

        copy(second.certFile(), "tls.crt");
        copy(second.keyFile(), "tls.key");

        assertThat(tls.reloadIfChanged()).isTrue();
        assertThat(tls.currentCertificate()).isEqualTo(second.certificate());
    }

    @Test
    void shouldKeepTheLastGoodCertificateWhenTheNewFilesAreBad() throws Exception {
        Issued first = pki.server("good");
        Issued other = pki.server("mismatched");
        Path cert = copy(first.certFile(), "tls.crt");
        Path key = copy(first.keyFile(), "tls.key");
        ServerTls tls = start(cert, key);

        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");
        assertThat(tls.reloadIfChanged()).isFalse();
        assertThat(tls.currentCertificate()).isEqualTo(first.certificate());

        copy(other.certFile(), "tls.crt"); // half-way through a rotation: new cert, old key
        assertThat(tls.reloadIfChanged()).isFalse();
        assertThat(tls.currentCertificate()).isEqualTo(first.certificate());

        copy(other.keyFile(), "tls.key"); // rotation complete
        assertThat(tls.reloadIfChanged()).isTrue();
        assertThat(tls.currentCertificate()).isEqualTo(other.certificate());
    }

    @Test
    void shouldFollowASymlinkSwapAsCertManagerDoes() throws Exception {
        Issued first = pki.server("link-first");
        Issued second = pki.server("link-second");
        Path v1 = Files.createDirectories(dir.resolve("..v1"));
        Path v2 = Files.createDirectories(dir.resolve("..v2"));
        Files.copy(first.certFile(), v1.resolve("tls.crt"));
        Files.copy(first.keyFile(), v1.resolve("tls.key"));
        Files.copy(second.certFile(), v2.resolve("tls.crt"));
        Files.copy(second.keyFile(), v2.resolve("tls.key"));
        Path data = dir.resolve("..data");
        Files.createSymbolicLink(data, v1.getFileName());
        Files.createSymbolicLink(dir.resolve("tls.crt"), Path.of("..data/tls.crt"));
        Files.createSymbolicLink(dir.resolve("tls.key"), Path.of("..data/tls.key"));
        ServerTls tls = start(dir.resolve("tls.crt"), dir.resolve("tls.key"));
        assertThat(tls.currentCertificate()).isEqualTo(first.certificate());

        Path tmp = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, v2.getFileName());
        Files.move(tmp, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(tls.reloadIfChanged()).isTrue();
        assertThat(tls.currentCertificate()).isEqualTo(second.certificate());
    }

    private Path copy(Path from, String name) throws Exception {
        Path to = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return to;
    }
}

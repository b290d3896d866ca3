package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificate rotation without restart on a running gateway (Netty with OpenSSL where it loads, and
 * virtual threads with the JDK's TLS): new connections get the new certificate, an open connection keeps
 * being served; a bad new file keeps the last good certificate. And what clients do with a bad server
 * certificate: expired, for another host, from an unknown CA are all refused by the JDK's HttpClient and curl.
 * The reload is triggered by the test ({@link Gateway#reloadTlsIfChanged}), never by waiting.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = IoMode.class, names = {"NIO", "VIRTUAL"})
@Timeout(120)
class TlsRotationTest extends SharedBrokerTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static Gateway gateway;
    static Path cert;
    static Path key;
    static Issued first;

    @Parameter
    IoMode io;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(dir.resolve("pki"));
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io) throws Exception {
        first = pki.server("first-" + io.cliName());
        cert = dir.resolve(io.cliName() + "-tls.crt");
        key = dir.resolve(io.cliName() + "-tls.key");
        install(first);
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).bind("127.0.0.1").port(0).tlsPort(0)
                .tls(TlsSettings.pem(cert, key).withReloadInterval(Duration.ZERO)).io(io).ioThreads(2).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    /** Replaces the served files the way a rotation does: write aside, then rename over. */
    private static void install(Issued issued) throws Exception {
        replace(issued.certFile(), cert);
        replace(issued.keyFile(), key);
    }

    private static void replace(Path from, Path to) throws Exception {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate served(SSLSocket s) throws Exception {
        return (X509Certificate) s.getSession().getPeerCertificates()[0];
    }

    @Test
    void shouldGiveNewConnectionsTheNewCertificateAndKeepServingOpenOnes() throws Exception {
        install(first);
        gateway.reloadTlsIfChanged();
        SSLContext client = pki.clientContext(null);
        try (SSLSocket open = TestPki.connect(client, gateway.tlsPort(), 10_000)) {
            assertThat(served(open)).isEqualTo(first.certificate());
            HttpConnection before = exchangeOn(open);

            Issued second = pki.server("second-" + io.cliName());
            install(second);
            assertThat(gateway.reloadTlsIfChanged()).isTrue();

            try (SSLSocket fresh = TestPki.connect(client, gateway.tlsPort(), 10_000)) {
                assertThat(served(fresh)).isEqualTo(second.certificate());
            }
            assertThat(before.exchange(HttpConnection.get("/healthz")).status())
                    .as("the connection opened before the rotation is still served").isEqualTo(200);
            assertThat(served(open)).isEqualTo(first.certificate());
        }
    }

    private static HttpConnection exchangeOn(SSLSocket s) throws Exception {
        HttpConnection c = HttpConnection.over(s);
        assertThat(c.exchange(HttpConnection.get("/healthz")).status()).isEqualTo(200);
        return c;
    }

    @Test
    void shouldKeepServingTheLastGoodCertificateWhenTheNewFileIsBad() throws Exception {
        Issued good = pki.server("good-" + io.cliName());
        install(good);
        gateway.reloadTlsIfChanged();

        Files.writeString(cert, "not a certificate\n");
        assertThat(gateway.reloadTlsIfChanged()).isFalse();

        try (SSLSocket s = TestPki.connect(pki.clientContext(null), gateway.tlsPort(), 10_000)) {
            assertThat(served(s)).isEqualTo(good.certificate());
        }
        install(good);
    }

    @Test
    void shouldBeRefusedByClientsWhenTheServerCertificateIsExpiredForAnotherHostOrFromAnUnknownCa()
            throws Exception {
        try {
            for (Issued bad : List.of(pki.serverExpired(), pki.serverWrongHost(), pki.serverFromOtherCa())) {
                install(bad);
                assertThat(gateway.reloadTlsIfChanged()).as(bad.certFile().toString()).isTrue();

                try (HttpClient http = HttpClient.newBuilder().sslContext(pki.clientContext(null))
                        .connectTimeout(Duration.ofSeconds(5)).build()) {
                    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(
                                    URI.create("https://localhost:" + gateway.tlsPort() + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                            .as(bad.certFile().toString()).isInstanceOf(SSLHandshakeException.class);
                }
                if (TlsGatewayTest.onPath("curl")) {
                    Process p = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--cacert",
                            pki.ca().certFile().toString(), "https://localhost:" + gateway.tlsPort() + "/healthz")
                            .redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(p.exitValue()).as("curl refuses %s: %s", bad.certFile(), out).isNotZero();
                }
            }
        } finally {
            install(first);
            gateway.reloadTlsIfChanged();
        }
    }
}

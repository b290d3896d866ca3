package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.ssl.OpenSsl;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import io.sluice.gateway.transport.tls.TlsProvider;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS and mTLS end to end on all four runtimes, with real handshakes and real clients (the JDK's
 * HttpClient; curl and openssl s_client where installed): records produced over TLS are read back from
 * Kafka; TLS 1.0/1.1 and non-AEAD suites are refused; client certificates that are expired, not yet valid or
 * from an unknown CA are refused at the handshake; a client that never finishes its handshake is closed
 * after --header-read-timeout. One broker for the class; per runtime one gateway with optional client
 * certificates and one that requires them.
 */
@ParameterizedClass(name = "{0} + {1}, TLS provider {2}")
@MethodSource("runtimes")
@Timeout(120)
class TlsGatewayTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;
    static TestPki pki;
    static Issued alice;
    static Gateway optional;
    static Gateway required;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;
    @Parameter(2)
    TlsProvider provider;

    static Stream<Arguments> runtimes() {
        return Stream.of(
                Arguments.of(IoMode.NIO, HttpStyle.CODEC, TlsProvider.AUTO),
                Arguments.of(IoMode.EPOLL, HttpStyle.RAW, TlsProvider.AUTO),
                Arguments.of(IoMode.IO_URING, HttpStyle.RAW, TlsProvider.AUTO),
                Arguments.of(IoMode.VIRTUAL, HttpStyle.RAW, TlsProvider.AUTO),
                Arguments.of(IoMode.NIO, HttpStyle.RAW, TlsProvider.JDK)); // Netty with the JDK's engine
    }

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(dir.resolve("pki"));
        alice = pki.client("alice");
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateways(IoMode io, HttpStyle http, TlsProvider provider) {
        Issued server = pki.server("server-" + io.cliName());
        TlsSettings tls = TlsSettings.pem(pki.chainFile(server, "server-" + io.cliName()), server.keyFile())
                .withReloadInterval(Duration.ZERO).withProvider(provider);
        optional = start(io, http, tls.withClientAuth(pki.ca().certFile(), ClientAuth.OPTIONAL, PrincipalSource.CN));
        required = start(io, http, tls.withClientAuth(pki.ca().certFile(), ClientAuth.REQUIRED, PrincipalSource.CN));
    }

    private static Gateway start(IoMode io, HttpStyle http, TlsSettings tls) {
        return Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).bind("127.0.0.1").port(0).tlsPort(0)
                .tls(tls).io(io).http(http).ioThreads(2).headerReadTimeout(HANDSHAKE_TIMEOUT)
                .idleTimeout(Duration.ofSeconds(60)).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateways() {
        for (Gateway g : new Gateway[] {optional, required}) {
            if (g != null) {
                g.close();
            }
        }
        optional = null;
        required = null;
    }

    @AfterAll
    static void forgetPki() {
        pki = null;
    }

    private static HttpResponse<String> post(SSLContext ctx, int port, String topic, String body) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/topics/" + topic))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String recordValue(String answer) throws Exception {
        JsonNode position = JSON.readTree(answer);
        return new String(KafkaRecords.at(kafka.bootstrapServers(), position.get("topic").asText(),
                position.get("partition").asInt(), position.get("offset").asLong()).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldProduceOverTlsWithTheJdkHttpClient() throws Exception {
        HttpResponse<String> r = post(pki.clientContext(null), optional.tlsPort(), "events", "over-tls-" + io);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(recordValue(r.body())).isEqualTo("over-tls-" + io);
        assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    void shouldUseOpenSslOnNettyWhereItLoadsAndTheJdkOtherwise() {
        boolean openSsl = io != IoMode.VIRTUAL && provider == TlsProvider.AUTO && OpenSsl.isAvailable();
        assertThat(optional.tlsProvider()).startsWith(openSsl ? "OpenSSL" : "the JDK");
    }

    @Test
    void shouldKeepServingPlaintextBesideTls() throws Exception {
        try (HttpConnection c = new HttpConnection(optional.port())) {
            assertThat(c.exchange(HttpConnection.get("/healthz")).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldProduceWithAValidClientCertificateWhenOneIsRequired() throws Exception {
        HttpResponse<String> r = post(pki.clientContext(alice), required.tlsPort(), "events", "mtls-" + io);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(recordValue(r.body())).isEqualTo("mtls-" + io);
    }

    @Test
    void shouldRefuseAClientWithoutCertificateWhenOneIsRequired() {
        assertHandshakeRefused(pki.clientContext(null), required.tlsPort());
    }

    @Test
    void shouldRefuseExpiredNotYetValidAndUnknownCaClientCertificates() {
        for (Issued bad : List.of(pki.clientExpired(), pki.clientNotYetValid(), pki.clientFromOtherCa())) {
            assertHandshakeRefused(pki.clientContext(bad), required.tlsPort());
            assertHandshakeRefused(pki.clientContext(bad), optional.tlsPort());
        }
    }

    /** The handshake, or the first exchange after it (TLS 1.3 reports client-certificate refusals late), fails. */
    private static void assertHandshakeRefused(SSLContext ctx, int port) {
        assertThatThrownBy(() -> {
            try (HttpConnection c = HttpConnection.overTls(ctx, port, 10_000)) {
                HttpConnection.Response r = c.exchange(HttpConnection.get("/healthz"));
                throw new AssertionError("answered " + r.status() + " instead of refusing the handshake");
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseTls11AndNonAeadCipherSuites() throws Exception {
        assertThatThrownBy(() -> handshake(optional.tlsPort(), new String[] {"TLSv1.1"}, null))
                .isInstanceOf(SSLException.class);
        assertThatThrownBy(() -> handshake(optional.tlsPort(), new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                        "TLS_RSA_WITH_AES_128_GCM_SHA256"}))
                .isInstanceOf(SSLException.class);
        try (SSLSocket s = handshake(optional.tlsPort(), new String[] {"TLSv1.2"}, null)) {
            assertThat(s.getSession().getCipherSuite()).startsWith("TLS_ECDHE_").containsPattern("GCM|CHACHA20");
            assertThat(s.getApplicationProtocol()).isEqualTo("http/1.1");
        }
    }

    private static SSLSocket handshake(int port, String[] protocols, String[] ciphers) throws IOException {
        SSLSocket s = (SSLSocket) pki.clientContext(null).getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(protocols);
        if (ciphers != null) {
            p.setCipherSuites(ciphers);
        }
        p.setApplicationProtocols(new String[] {"http/1.1"});
        s.setSSLParameters(p);
        try {
            s.startHandshake();
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Test
    void shouldCloseAConnectionThatNeverFinishesItsHandshake() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", optional.tlsPort()), 5_000);
            s.setSoTimeout(15_000);
            long start = System.nanoTime();
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01}); // the first bytes of a ClientHello, no more
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                while (in.read() != -1) {
                    // an alert may come before the close
                }
            } catch (IOException reset) {
                // closed with a reset: closed all the same
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waited).as("closed after the header read timeout (%s), not before", HANDSHAKE_TIMEOUT)
                    .isGreaterThanOrEqualTo(HANDSHAKE_TIMEOUT.toMillis() - 100).isLessThan(10_000);
        }
    }

    @Test
    void shouldAnswerCurlOverMutualTls() throws Exception {
        assumeThat(onPath("curl")).as("curl on PATH").isTrue();
        Process p = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--cacert", pki.ca().certFile().toString(),
                "--cert", alice.certFile().toString(), "--key", alice.keyFile().toString(),
                "-H", "Content-Type: text/plain", "--data-binary", "curl-" + io,
                "https://localhost:" + required.tlsPort() + "/topics/events")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(recordValue(out)).isEqualTo("curl-" + io);
    }

    @Test
    void shouldNegotiateAlpnAndAModernProtocolWithOpensslSClient() throws Exception {
        assumeThat(onPath("openssl")).as("openssl on PATH").isTrue();
        String out = sClient(optional.tlsPort(), "-alpn", "http/1.1");
        assertThat(out).contains("ALPN protocol: http/1.1").contains("Verify return code: 0 (ok)")
                .containsPattern("Protocol *: TLSv1\\.3|New, TLSv1\\.3");
        String legacy = sClient(optional.tlsPort(), "-tls1_2", "-cipher", "AES128-SHA");
        assertThat(legacy).contains("Cipher is (NONE)"); // no RSA key exchange, no CBC: the handshake fails
    }

    private static String sClient(int port, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-verify_hostname", "localhost", "-CAfile", pki.ca().certFile().toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close(); // EOF on stdin: s_client ends after the handshake
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}

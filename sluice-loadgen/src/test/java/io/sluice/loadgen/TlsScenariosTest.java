package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator over TLS against a small Netty TLS server (JDK provider, self-signed certificate for
 * {@code localhost}): requests are answered, and connection-per-request load resumes sessions exactly when
 * resumption is on.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsScenariosTest {
    private static SelfSignedCertificate certificate;
    private static SslContext serverTls;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = new SelfSignedCertificate("localhost");
        serverTls = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    private static LoadSpec spec(Scenario scenario, RequestTemplate request, int concurrency, long durationMillis) {
        return new LoadSpec(scenario, request, concurrency, 0, Duration.ofMillis(200),
                Duration.ofMillis(durationMillis), scenario == Scenario.BURST ? 5 : 0, Duration.ofSeconds(5));
    }

    private static LoadResult run(ClientTls tls, LoadSpec spec) {
        return LoadGenerator.builder().tls(tls).build().execute(spec, ProgressListener.NONE);
    }

    @Test
    void shouldAnswerEveryKeepAliveRequestOverTlsOnOneConnectionEach() {
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            LoadResult r = run(ClientTls.trustingAnyCertificate(), spec(Scenario.KEEPALIVE, server.template(), 4, 500));

            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isGreaterThan(10).isEqualTo(r.successes());
            assertThat(server.connections.get()).isEqualTo(4);
        }
    }

    @Test
    void shouldResumeSessionsForConnectionPerRequestLoadWhenResumptionIsOn() {
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            LoadResult r = run(ClientTls.trustingAnyCertificate(), spec(Scenario.CONNECT, server.template(), 2, 800));

            assertThat(r.errors()).isEmpty();
            assertThat(r.successes()).isGreaterThan(2);
            // the warm-up already cached a session: every measured connection resumes it
            assertThat(r.handshakes().total()).isEqualTo(r.successes());
            assertThat(r.handshakes().resumed()).isGreaterThan(r.handshakes().full());
        }
    }

    @Test
    void shouldDoOnlyFullHandshakesWithoutResumption() {
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            LoadResult r = run(ClientTls.trustingAnyCertificate().withoutResumption(),
                    spec(Scenario.CONNECT, server.template(), 2, 800));

            assertThat(r.errors()).isEmpty();
            assertThat(r.successes()).isPositive();
            assertThat(r.handshakes().resumed()).isZero();
            assertThat(r.handshakes().full()).isEqualTo(r.successes());
        }
    }

    @Test
    void shouldResumeSessionsInBurstsOfConcurrentConnections() {
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            LoadResult r = run(ClientTls.trustingAnyCertificate(), spec(Scenario.BURST, server.template(), 8, 1500));

            assertThat(r.errors()).isEmpty();
            assertThat(r.successes()).isPositive();
            assertThat(r.handshakes().total()).isEqualTo(r.successes());
            assertThat(r.handshakes().resumed()).isGreaterThan(r.handshakes().full());
        }
    }

    @Test
    void shouldResumeMostHandshakesOfABurstLargerThanOneSessionCacheHolds() {
        // 40 new connections at once: four times the JDK client's 10 single-use TLS 1.3 tickets per context
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            LoadResult r = run(ClientTls.trustingAnyCertificate(), spec(Scenario.BURST, server.template(), 40, 2000));

            assertThat(r.errors()).isEmpty();
            assertThat(r.handshakes().total()).isEqualTo(r.successes()).isPositive();
            assertThat(r.handshakes().resumed()).isGreaterThan(3 * r.handshakes().full());
        }
    }

    @Test
    void shouldVerifyTheServerAgainstTheGivenCaAndItsName() {
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            RequestTemplate byName = new RequestTemplate("localhost", server.port(), "/topics/t", "application/json",
                    RequestTemplate.jsonPayload(35));

            LoadResult r = run(ClientTls.trusting(certificate.certificate().toPath()),
                    spec(Scenario.KEEPALIVE, byName, 2, 300));

            assertThat(r.errors()).isEmpty();
            assertThat(r.successes()).isPositive();
        }
    }

    @Test
    void shouldGetNoAnswerFromAServerItDoesNotTrust() throws Exception {
        SelfSignedCertificate other = new SelfSignedCertificate("localhost");
        try (TestHttpServer server = TestHttpServer.fastTls(serverTls)) {
            RequestTemplate byName = new RequestTemplate("localhost", server.port(), "/topics/t", "application/json",
                    RequestTemplate.jsonPayload(35));

            LoadResult r = run(ClientTls.trusting(Path.of(other.certificate().getPath())),
                    spec(Scenario.CONNECT, byName, 1, 300));

            assertThat(r.successes()).isZero();
            assertThat(r.errors()).isNotEmpty();
            assertThat(r.handshakes().total()).isZero();
        } finally {
            other.delete();
        }
    }
}

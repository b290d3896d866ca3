package io.sluice.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.gateway.IoMode;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.internal.ConnectionInfos;
import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.TestPki.Issued;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import io.sluice.gateway.transport.tls.ServerTls;
import io.sluice.gateway.transport.tls.TlsHandshake;
import io.sluice.gateway.transport.tls.TlsProvider;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the transport tells the layers above after a real handshake: protocol, cipher suite and the client
 * certificate's principal taken as {@code --tls-principal-from} says, on Netty (OpenSSL and the JDK's engine)
 * and on virtual threads; and the {@link ConnectionInfo} the HTTP layer builds from it.
 */
class TlsPeerIdentityTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static Issued server;
    static Issued alice;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(dir);
        server = pki.server("server");
        alice = pki.client("alice");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(IoMode.NIO, TlsProvider.AUTO, PrincipalSource.CN, "alice"),
                Arguments.of(IoMode.EPOLL, TlsProvider.AUTO, PrincipalSource.SAN_DNS, "alice.clients.test"),
                Arguments.of(IoMode.NIO, TlsProvider.JDK, PrincipalSource.SAN_EMAIL, "alice@clients.test"),
                Arguments.of(IoMode.VIRTUAL, TlsProvider.JDK, PrincipalSource.SAN_URI, "spiffe://sluice.test/alice"),
                Arguments.of(IoMode.VIRTUAL, TlsProvider.JDK, PrincipalSource.CN, "alice"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void shouldReportTheVerifiedClientPrincipalAfterTheHandshake(IoMode io, TlsProvider provider,
                                                                 PrincipalSource from, String principal)
            throws Exception {
        TlsHandshake seen = handshakeSeenByTheServer(io, provider, from, alice);

        assertThat(seen.protocol()).isEqualTo("TLSv1.3");
        assertThat(seen.cipherSuite()).startsWith("TLS_");
        assertThat(seen.clientPrincipal()).isEqualTo(principal);
        ConnectionInfo info = ConnectionInfos.of(null, seen);
        assertThat(info.secure()).isTrue();
        assertThat(info.tls().clientPrincipal()).isEqualTo(principal);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shouldReportNoPrincipalWhenTheClientSentNoCertificate(IoMode io, TlsProvider provider,
                                                               PrincipalSource from, String ignored) throws Exception {
        TlsHandshake seen = handshakeSeenByTheServer(io, provider, from, null);

        assertThat(seen.clientPrincipal()).isNull();
        assertThat(ConnectionInfos.of(null, seen).tls().clientPrincipal()).isNull();
    }

    private static TlsHandshake handshakeSeenByTheServer(IoMode io, TlsProvider provider, PrincipalSource from,
                                                         Issued clientCert) throws Exception {
        TlsSettings settings = TlsSettings.pem(server.certFile(), server.keyFile()).withReloadInterval(Duration.ZERO)
                .withProvider(provider).withClientAuth(pki.ca().certFile(), ClientAuth.OPTIONAL, from);
        CompletableFuture<TlsHandshake> seen = new CompletableFuture<>();
        Transport transport;
        if (io == IoMode.VIRTUAL) {
            ServerTls tls = ServerTls.start(settings, ServerTls.Engine.JDK_SOCKET, Duration.ofSeconds(5));
            transport = VirtualThreadTransport.start(new Listeners("127.0.0.1", Listeners.DISABLED, 0, tls), 1, 10,
                    (socket, handshake) -> seen.complete(handshake));
        } else {
            ServerTls tls = ServerTls.start(settings, ServerTls.Engine.NETTY, Duration.ofSeconds(5));
            transport = NettyTransport.start(io, new Listeners("127.0.0.1", Listeners.DISABLED, 0, tls), 1, 10,
                    pipeline -> pipeline.addLast(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                            if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                                seen.complete(ctx.channel().attr(TlsHandshake.ATTRIBUTE).get());
                            }
                        }
                    }));
        }
        try (transport; SSLSocket s = TestPki.connect(pki.clientContext(clientCert), transport.tlsPort(), 10_000)) {
            s.getOutputStream().write('x'); // TLS 1.3: the server finishes once it has read the client's Finished
            s.getOutputStream().flush();
            return seen.get(10, TimeUnit.SECONDS);
        }
    }
}

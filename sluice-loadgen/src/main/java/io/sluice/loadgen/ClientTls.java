package io.sluice.loadgen;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * How the load generator speaks TLS: one client {@link SslContext} (JDK provider, TLS 1.3 and 1.2) for the
 * whole run, and whether connections may resume sessions. Immutable; its context is thread-safe.
 *
 * <p><b>Resumption.</b> The JDK's client session cache is keyed by the peer's host and port, so a handler made
 * with them ({@code newHandler(alloc, host, port)}) offers the session (TLS 1.2) or ticket (TLS 1.3) of an
 * earlier connection to the same server, and the server can skip the certificate and key exchange. A handler
 * made without them never resumes: every connection pays a full handshake. {@link #withoutResumption()}
 * measures that worst case.
 *
 * <p><b>Trust.</b> {@link #trusting(Path)} verifies the server against a CA (PEM), host name included.
 * {@link #trustingAnyCertificate()} verifies nothing: it exists for benchmarks against a server with a
 * throw-away self-signed certificate, where what is measured is the cost of TLS, not its safety. Never point it
 * at anything that matters.
 */
public final class ClientTls {
    private final SslContext resuming;
    private final SslContext full;
    private final boolean resumption;
    private final String trust;

    private ClientTls(SslContext resuming, SslContext full, boolean resumption, String trust) {
        this.resuming = resuming;
        this.full = full;
        this.resumption = resumption;
        this.trust = trust;
    }

    /**
     * Trusts the CA certificates in {@code caPem} and checks the server's name against its certificate (except
     * {@link #withoutResumption()}, whose handlers know no peer name: the chain is still verified).
     */
    public static ClientTls trusting(Path caPem) {
        File ca = caPem.toFile();
        try {
            return new ClientTls(builder().trustManager(ca).build(),
                    builder().trustManager(ca).endpointIdentificationAlgorithm(null).build(), true, "CA " + caPem);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use " + caPem + " as the CA to trust: " + e.getMessage(), e);
        }
    }

    /** INSECURE, benchmarks only: accepts any server certificate and any host name. */
    public static ClientTls trustingAnyCertificate() {
        try {
            SslContext context = builder().trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .endpointIdentificationAlgorithm(null).build();
            return new ClientTls(context, context, true, "any certificate (INSECURE, benchmark only)");
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
        }
    }

    private static SslContextBuilder builder() {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2");
    }

    /** The same trust, but every connection does a full handshake (no session offered). */
    public ClientTls withoutResumption() {
        return new ClientTls(resuming, full, false, trust);
    }

    public boolean resumption() {
        return resumption;
    }

    /** What is trusted, in words, for reports. */
    public String trust() {
        return trust;
    }

    /** A handler for one new connection to {@code host:port}; call on the connection's event loop. */
    public SslHandler newHandler(ByteBufAllocator alloc, String host, int port) {
        return resumption ? resuming.newHandler(alloc, host, port) : full.newHandler(alloc);
    }
}

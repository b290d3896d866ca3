package io.sluice.loadgen;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * How the load generator speaks TLS: client {@link SslContext}s (JDK provider, TLS 1.3 and 1.2) and whether
 * connections may resume sessions. Immutable but for a round-robin counter; {@link #newHandler} is safe from
 * every event loop.
 *
 * <p><b>Resumption.</b> The JDK's client session cache is keyed by the peer's host and port, so a handler made
 * with them ({@code newHandler(alloc, host, port)}) offers the session (TLS 1.2) or ticket (TLS 1.3) of an
 * earlier connection to the same server, and the server can skip the certificate and key exchange. A handler
 * made without them never resumes: every connection pays a full handshake. {@link #withoutResumption()}
 * measures that worst case.
 *
 * <p><b>Why several contexts.</b> TLS 1.3 tickets are single-use on the JDK client (RFC 8446, appendix C.4),
 * and one context keeps at most {@value #TICKETS_PER_CONTEXT} per host and port. A burst of 1,000 new
 * connections would then find 10 tickets and do 990 full handshakes, measuring the client's cache rather than
 * the server. So a run gets one context, with its own cache, per {@value #TICKETS_PER_CONTEXT} concurrent
 * connections ({@link #forConcurrency}), and connections take them in turn: each consumes a ticket of its
 * context and leaves the one the server sends back. {@link LoadResult#handshakes()} counts what really resumed.
 *
 * <p><b>Trust.</b> {@link #trusting(Path)} verifies the server against a CA (PEM), host name included.
 * {@link #trustingAnyCertificate()} verifies nothing: it exists for benchmarks against a server with a
 * throw-away self-signed certificate, where what is measured is the cost of TLS, not its safety. Never point it
 * at anything that matters.
 */
public final class ClientTls {
    /** The JDK client's queue of TLS 1.3 tickets per host and port (sun.security.ssl, JDK 21 to 25). */
    static final int TICKETS_PER_CONTEXT = 10;

    private final ContextFactory factory;
    private final SslContext[] resuming;
    private final SslContext full;
    private final boolean resumption;
    private final String trust;
    private final AtomicInteger next = new AtomicInteger();

    /** Builds a client context: one per session cache. */
    @FunctionalInterface
    private interface ContextFactory {
        SslContext create(boolean checkHostName) throws SSLException;
    }

    private ClientTls(ContextFactory factory, SslContext[] resuming, SslContext full, boolean resumption,
                      String trust) {
        this.factory = factory;
        this.resuming = resuming;
        this.full = full;
        this.resumption = resumption;
        this.trust = trust;
    }

    private static ClientTls of(ContextFactory factory, String trust) throws SSLException {
        return new ClientTls(factory, new SslContext[] {factory.create(true)}, factory.create(false), true, trust);
    }

    /**
     * Trusts the CA certificates in {@code caPem} and checks the server's name against its certificate (except
     * {@link #withoutResumption()}, whose handlers know no peer name: the chain is still verified).
     */
    public static ClientTls trusting(Path caPem) {
        File ca = caPem.toFile();
        try {
            return of(checkName -> (checkName ? builder() : builder().endpointIdentificationAlgorithm(null))
                    .trustManager(ca).build(), "CA " + caPem);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use " + caPem + " as the CA to trust: " + e.getMessage(), e);
        }
    }

    /** INSECURE, benchmarks only: accepts any server certificate and any host name. */
    public static ClientTls trustingAnyCertificate() {
        try {
            return of(checkName -> builder().trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .endpointIdentificationAlgorithm(null).build(), "any certificate (INSECURE, benchmark only)");
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
        }
    }

    private static SslContextBuilder builder() {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2");
    }

    /** The same trust, but every connection does a full handshake (no session offered). */
    public ClientTls withoutResumption() {
        return new ClientTls(factory, resuming, full, false, trust);
    }

    /**
     * The same settings with enough session caches for {@code connections} concurrent new connections to
     * resume (one per {@value #TICKETS_PER_CONTEXT}); called once per run, before the load starts.
     */
    public ClientTls forConcurrency(int connections) {
        int contexts = Math.max(1, (connections + TICKETS_PER_CONTEXT - 1) / TICKETS_PER_CONTEXT);
        if (!resumption || contexts <= resuming.length) {
            return this;
        }
        SslContext[] more = java.util.Arrays.copyOf(resuming, contexts);
        try {
            for (int i = resuming.length; i < contexts; i++) {
                more[i] = factory.create(true);
            }
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
        }
        return new ClientTls(factory, more, full, true, trust);
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
        if (!resumption) {
            return full.newHandler(alloc);
        }
        SslContext context = resuming.length == 1 ? resuming[0]
                : resuming[Math.floorMod(next.getAndIncrement(), resuming.length)];
        return context.newHandler(alloc, host, port);
    }
}

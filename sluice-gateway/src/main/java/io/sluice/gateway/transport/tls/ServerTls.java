package io.sluice.gateway.transport.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS listener's current server context, rebuilt when its files change: new connections get the
 * newest certificate, open ones keep the one they shook hands with. Thread-safe: connections take the
 * context from any I/O thread while {@link #reloadIfChanged} swaps it (one atomic reference); reloads
 * themselves are serialised.
 *
 * <p>TLS 1.2 and 1.3 only; for 1.2 only ECDHE key exchange with AEAD ciphers; ALPN offers {@code http/1.1}.
 */
public final class ServerTls {
    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String ALPN_HTTP_1_1 = "http/1.1";

    /** Whom the contexts are for: Netty's SslHandler, or the JDK's SSLSocket (virtual threads). */
    public enum Engine { NETTY, JDK_SOCKET }

    private record Loaded(TlsMaterial material, SslContext context) {
    }

    private final TlsSettings settings;
    private final SslProvider provider;
    private final long handshakeTimeoutMillis;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Object reloading = new Object();
    private String lastRefused;

    private ServerTls(TlsSettings settings, SslProvider provider, Duration handshakeTimeout) {
        this.settings = settings;
        this.provider = provider;
        this.handshakeTimeoutMillis = Math.max(1, handshakeTimeout.toMillis());
    }

    /**
     * Loads the files and builds the first context; throws {@link IllegalArgumentException} naming the file
     * and the reason when one is missing or bad, and {@link IllegalStateException} when OpenSSL was asked for
     * and does not load.
     *
     * @param handshakeTimeout a connection whose handshake has not finished after this is closed
     */
    public static ServerTls start(TlsSettings settings, Engine engine, Duration handshakeTimeout) {
        ServerTls tls = new ServerTls(settings, providerFor(settings.provider(), engine), handshakeTimeout);
        tls.current.set(tls.build(TlsMaterial.load(settings)));
        log.info("TLS with {} ({}), client certificates: {}", tls.providerName(), tls.describeCurrent(),
                settings.clientAuth().name().toLowerCase(java.util.Locale.ROOT));
        return tls;
    }

    private static SslProvider providerFor(TlsProvider wanted, Engine engine) {
        if (engine == Engine.JDK_SOCKET || wanted == TlsProvider.JDK) {
            return SslProvider.JDK;
        }
        if (OpenSsl.isAvailable()) {
            return SslProvider.OPENSSL;
        }
        if (wanted == TlsProvider.OPENSSL) {
            throw new IllegalStateException("OpenSSL (netty-tcnative) does not load here: "
                    + OpenSsl.unavailabilityCause());
        }
        log.info("OpenSSL does not load ({}); TLS uses the JDK's provider", String.valueOf(OpenSsl.unavailabilityCause()));
        return SslProvider.JDK;
    }

    /** "OpenSSL (BoringSSL ...)" or "JDK (SunJSSE)", for the startup log. */
    public String providerName() {
        return provider == SslProvider.JDK ? "the JDK's TLS provider" : "OpenSSL (" + OpenSsl.versionString() + ")";
    }

    /** Whether Netty's OpenSSL engine is used. */
    public boolean usesOpenSsl() {
        return provider != SslProvider.JDK;
    }

    public PrincipalSource principalFrom() {
        return settings.principalFrom();
    }

    public long handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    /** A handler for a new Netty connection, with the current certificate and the handshake timeout. */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = current.get().context.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }

    /**
     * Puts TLS in front of a new Netty connection's protocol handlers: the {@link SslHandler} with the current
     * certificate and the handshake timeout, then the recorder that publishes the handshake's outcome.
     */
    public void install(io.netty.channel.Channel ch) {
        ch.pipeline().addLast("tls", newHandler(ch.alloc()));
        ch.pipeline().addLast("tls-handshake", new HandshakeRecorder(settings.principalFrom()));
    }

    /** Wraps an accepted plain socket as the server side of a TLS connection, with the current certificate. */
    public SSLSocket wrap(Socket plain) throws IOException {
        SSLContext jdk = ((JdkSslContext) current.get().context).context();
        SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(PROTOCOLS);
        List<String> supported = Arrays.asList(s.getSupportedCipherSuites());
        p.setCipherSuites(CIPHERS.stream().filter(supported::contains).toArray(String[]::new));
        p.setApplicationProtocols(new String[] {ALPN_HTTP_1_1});
        p.setUseCipherSuitesOrder(true);
        switch (settings.clientAuth()) {
            case REQUIRED -> p.setNeedClientAuth(true);
            case OPTIONAL -> p.setWantClientAuth(true);
            case NONE -> p.setNeedClientAuth(false);
        }
        s.setSSLParameters(p);
        return s;
    }

    /**
     * Rebuilds the context when the files changed since the last good load; new connections get it, open
     * ones are untouched. A bad new file keeps the last good context and logs why (once per bad version).
     * Returns whether the context was replaced.
     */
    public boolean reloadIfChanged() {
        synchronized (reloading) {
            try {
                String now = TlsMaterial.currentFingerprint(settings);
                if (now.equals(current.get().material.fingerprint()) || now.equals(lastRefused)) {
                    return false;
                }
                TlsMaterial material;
                try {
                    material = TlsMaterial.load(settings);
                } catch (IllegalArgumentException e) {
                    lastRefused = now;
                    throw e;
                }
                current.set(build(material));
                lastRefused = null;
                log.info("TLS files changed: new connections get {}", describeCurrent());
                return true;
            } catch (IllegalArgumentException | IllegalStateException e) {
                log.error("TLS files changed but cannot be used; keeping the last good certificate: {}",
                        e.getMessage());
                return false;
            }
        }
    }

    /** The leaf certificate new connections get now. */
    public X509Certificate currentCertificate() {
        return current.get().material.chain().get(0);
    }

    private String describeCurrent() {
        X509Certificate leaf = currentCertificate();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (notAfter.isBefore(Instant.now())) {
            log.warn("the TLS certificate {} expired at {}; clients will refuse it",
                    leaf.getSubjectX500Principal().getName(), notAfter);
        }
        return "certificate " + leaf.getSubjectX500Principal().getName() + ", valid until " + notAfter;
    }

    private Loaded build(TlsMaterial m) {
        try {
            SslContextBuilder b = SslContextBuilder.forServer(m.key(), m.chain().toArray(X509Certificate[]::new))
                    .sslProvider(provider)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                            SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                            ALPN_HTTP_1_1))
                    .clientAuth(switch (settings.clientAuth()) {
                        case NONE -> io.netty.handler.ssl.ClientAuth.NONE;
                        case OPTIONAL -> io.netty.handler.ssl.ClientAuth.OPTIONAL;
                        case REQUIRED -> io.netty.handler.ssl.ClientAuth.REQUIRE;
                    });
            if (!m.clientCas().isEmpty()) {
                b.trustManager(m.clientCas().toArray(X509Certificate[]::new));
            }
            return new Loaded(m, b.build());
        } catch (SSLException | RuntimeException e) {
            throw new IllegalArgumentException("the TLS certificate and key cannot be used: " + e.getMessage(), e);
        }
    }
}

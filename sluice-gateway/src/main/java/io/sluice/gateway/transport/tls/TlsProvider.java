package io.sluice.gateway.transport.tls;

/** Which TLS implementation the Netty runtimes use; the virtual-thread runtime always uses the JDK's. */
public enum TlsProvider {
    /** OpenSSL (BoringSSL from netty-tcnative) when it loads on this machine, else the JDK's. */
    AUTO,
    /** OpenSSL; the start fails when it does not load. */
    OPENSSL,
    /** The JDK's TLS (SunJSSE). */
    JDK
}

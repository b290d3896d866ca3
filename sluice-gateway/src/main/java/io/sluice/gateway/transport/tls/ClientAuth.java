package io.sluice.gateway.transport.tls;

/** Whether the TLS listener asks clients for a certificate (mTLS), and whether it insists. */
public enum ClientAuth {
    /** No client certificate is requested. */
    NONE,
    /** A certificate is requested; a client without one is served, one with an untrusted one is refused. */
    OPTIONAL,
    /** A client without a certificate the client CA signed is refused at the handshake. */
    REQUIRED
}

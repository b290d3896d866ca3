package io.sluice.gateway.transport;

import io.sluice.gateway.transport.tls.ServerTls;

/**
 * The ports a runtime listens on: plaintext, TLS, or both, on one address. Immutable.
 *
 * @param bind      address to listen on
 * @param plainPort plaintext port (0 picks a free one), or {@link #DISABLED}
 * @param tlsPort   TLS port (0 picks a free one), or {@link #DISABLED}
 * @param tls       the TLS context the TLS port serves; null when there is no TLS port
 */
public record Listeners(String bind, int plainPort, int tlsPort, ServerTls tls) {
    public static final int DISABLED = -1;

    public Listeners {
        if ((tlsPort == DISABLED) != (tls == null)) {
            throw new IllegalArgumentException("a TLS port needs a TLS context, and a TLS context a port");
        }
        if (plainPort == DISABLED && tlsPort == DISABLED) {
            throw new IllegalArgumentException("nothing to listen on: the plaintext port is disabled and TLS is "
                    + "not configured");
        }
    }

    /** Plaintext only, as before TLS. */
    public static Listeners plain(String bind, int port) {
        return new Listeners(bind, port, DISABLED, null);
    }
}

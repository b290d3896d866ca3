package io.sluice.gateway.http;

import java.net.SocketAddress;

/**
 * What is known of the connection a request came on, the same for every runtime and HTTP style: the
 * peer's address and, over TLS, the handshake's outcome (including the mTLS client principal), so that
 * identity and per-topic authorization need no knowledge of the runtime. One instance per connection,
 * shared by its requests; immutable.
 *
 * @param peer the client's address (the proxy's, behind a reverse proxy), or null when unknown
 * @param tls  the TLS session, or null on a plaintext connection
 */
public record ConnectionInfo(SocketAddress peer, TlsSession tls) {

    /** For requests that did not come over a socket (tests, tools). */
    public static final ConnectionInfo UNKNOWN = new ConnectionInfo(null, null);

    /** A plaintext connection from {@code peer}. */
    public ConnectionInfo(SocketAddress peer) {
        this(peer, null);
    }

    /** Whether the request came over TLS. */
    public boolean secure() {
        return tls != null;
    }
}

package io.sluice.gateway.http;

import java.net.SocketAddress;

/**
 * What is known of the connection a request came on, the same for every runtime and HTTP style: today
 * the peer's address; the TLS session and the authenticated principal will hang here, so that
 * identity and per-topic authorization need no knowledge of the runtime. One instance per connection,
 * shared by its requests; immutable.
 *
 * @param peer the client's address (the proxy's, behind a reverse proxy), or null when unknown
 */
public record ConnectionInfo(SocketAddress peer) {

    /** For requests that did not come over a socket (tests, tools). */
    public static final ConnectionInfo UNKNOWN = new ConnectionInfo(null);
}

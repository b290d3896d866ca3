package io.sluice.gateway.http.internal;

import io.netty.channel.Channel;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.TlsSession;
import io.sluice.gateway.transport.tls.TlsHandshake;
import java.net.SocketAddress;

/**
 * Builds a connection's {@link ConnectionInfo} from what the transport knows of it: the peer, and the TLS
 * handshake's outcome once it has finished. Stateless.
 */
public final class ConnectionInfos {
    private ConnectionInfos() {
    }

    /** A Netty connection as it stands now: over TLS only once its handshake has finished. */
    public static ConnectionInfo of(Channel ch) {
        return of(ch.remoteAddress(), ch.attr(TlsHandshake.ATTRIBUTE).get());
    }

    /** A connection from {@code peer}; {@code tls} is null on plaintext. */
    public static ConnectionInfo of(SocketAddress peer, TlsHandshake tls) {
        return new ConnectionInfo(peer, tls == null ? null
                : new TlsSession(tls.protocol(), tls.cipherSuite(), tls.clientPrincipal()));
    }
}

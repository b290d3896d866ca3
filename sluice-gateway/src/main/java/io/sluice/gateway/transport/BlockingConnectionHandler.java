package io.sluice.gateway.transport;

import io.sluice.gateway.transport.tls.TlsHandshake;
import java.net.Socket;

/**
 * Serves one accepted connection on a blocking socket, start to finish, on the calling (virtual)
 * thread. Implementations are shared by all connections and thread-safe; each call is confined to its
 * own thread and may block freely.
 */
@FunctionalInterface
public interface BlockingConnectionHandler {

    /**
     * Serves the connection until it should close; the caller closes the socket afterwards.
     *
     * @param socket the connection, already past its TLS handshake on the TLS port
     * @param tls    what the handshake established, or null on the plaintext port
     */
    void serve(Socket socket, TlsHandshake tls) throws Exception;
}

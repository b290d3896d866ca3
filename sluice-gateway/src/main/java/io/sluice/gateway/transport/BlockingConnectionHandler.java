package io.sluice.gateway.transport;

import java.net.Socket;

/**
 * Serves one accepted connection on a blocking socket, start to finish, on the calling (virtual)
 * thread. Implementations are shared by all connections and thread-safe; each call is confined to its
 * own thread and may block freely.
 */
@FunctionalInterface
public interface BlockingConnectionHandler {

    /** Serves the connection until it should close; the caller closes the socket afterwards. */
    void serve(Socket socket) throws Exception;
}

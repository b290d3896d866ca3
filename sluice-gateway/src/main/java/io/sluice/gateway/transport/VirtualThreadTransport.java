package io.sluice.gateway.transport;

import io.sluice.gateway.transport.tls.BlockingHandshake;
import io.sluice.gateway.transport.tls.ServerTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK-only runtime: a blocking server socket and one virtual thread per connection, no Netty.
 * Thread-safe. A TLS port, when there is one, gets its own server socket; each connection's virtual thread
 * does its handshake (the JDK's TLS) before serving it. Several acceptor threads share the listening socket so that accept keeps up with
 * connection-per-request load; the backlog is 4096 (the JDK's default of 50 dropped SYNs under bursts
 * of new connections on this machine and cost 1-2 s retransmit stalls).
 */
public final class VirtualThreadTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(VirtualThreadTransport.class);
    private static final int BACKLOG = 4096;

    private final ServerSocket server;
    private final ServerSocket tlsServer;
    private final BlockingHandshake handshake;
    private final ScheduledExecutorService handshakeDeadlines;
    private final BlockingConnectionHandler handler;
    private final ConnectionLimiter limiter;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new ArrayList<>();
    private volatile boolean accepting = true;

    private VirtualThreadTransport(ServerSocket server, ServerSocket tlsServer, ServerTls tls,
                                   BlockingConnectionHandler handler, int maxConnections) {
        this.server = server;
        this.tlsServer = tlsServer;
        this.handshakeDeadlines = tls == null ? null : Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sluice-tls-handshake-deadlines").factory());
        this.handshake = tls == null ? null : new BlockingHandshake(tls, handshakeDeadlines);
        this.handler = handler;
        this.limiter = new ConnectionLimiter(maxConnections);
    }

    /**
     * Binds and starts {@code acceptorThreads} acceptors per port; throws {@link ListenFailedException} if it
     * cannot bind.
     */
    public static VirtualThreadTransport start(Listeners listeners, int acceptorThreads, int maxConnections,
                                              BlockingConnectionHandler handler) {
        ServerSocket server = null;
        ServerSocket tlsServer = null;
        try {
            if (listeners.plainPort() != Listeners.DISABLED) {
                server = bind(listeners.bind(), listeners.plainPort(), false);
            }
            if (listeners.tls() != null) {
                tlsServer = bind(listeners.bind(), listeners.tlsPort(), true);
            }
        } catch (RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
        VirtualThreadTransport t = new VirtualThreadTransport(server, tlsServer, listeners.tls(), handler,
                maxConnections);
        for (int i = 0; i < acceptorThreads; i++) {
            if (server != null) {
                ServerSocket s = server;
                t.acceptors.add(Thread.ofPlatform().daemon().name("sluice-accept-" + i).start(() -> t.acceptLoop(s,
                        false)));
            }
            if (tlsServer != null) {
                ServerSocket s = tlsServer;
                t.acceptors.add(Thread.ofPlatform().daemon().name("sluice-accept-tls-" + i).start(() -> t.acceptLoop(s,
                        true)));
            }
        }
        if (server != null) {
            log.info("Listening on {} with virtual threads ({} acceptor threads)", server.getLocalSocketAddress(),
                    acceptorThreads);
        }
        if (tlsServer != null) {
            log.info("Listening for TLS on {} with virtual threads and {}", tlsServer.getLocalSocketAddress(),
                    listeners.tls().providerName());
        }
        return t;
    }

    private static ServerSocket bind(String bind, int port, boolean tls) {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(bind), port), BACKLOG);
            return server;
        } catch (IOException e) {
            closeQuietly(server);
            throw ListenFailedException.of(bind, port, e, tls);
        }
    }

    private void acceptLoop(ServerSocket server, boolean tls) {
        while (accepting) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (accepting && !server.isClosed()) {
                    log.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            if (!limiter.tryAdmit()) {
                closeQuietly(socket);
                continue;
            }
            sockets.add(socket);
            Thread.ofVirtual().name("sluice-conn").start(() -> serve(socket, tls));
        }
    }

    private void serve(Socket socket, boolean tls) {
        Thread me = Thread.currentThread();
        connectionThreads.add(me);
        try {
            socket.setTcpNoDelay(true);
            if (tls) {
                BlockingHandshake.Done done;
                try {
                    done = handshake.perform(socket);
                } catch (IOException e) {
                    log.debug("TLS handshake with {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
                    return;
                }
                try (Socket ssl = done.socket()) { // closing it sends close_notify, then closes the connection
                    handler.serve(ssl, done.handshake());
                }
            } else {
                handler.serve(socket, null);
            }
        } catch (SocketException closed) {
            log.trace("connection closed: {}", closed.toString());
        } catch (Exception e) {
            log.debug("connection {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            closeQuietly(socket);
            sockets.remove(socket);
            connectionThreads.remove(me);
            limiter.released();
        }
    }

    private static void closeQuietly(java.io.Closeable s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public int port() {
        return server == null ? Listeners.DISABLED : server.getLocalPort();
    }

    @Override
    public int tlsPort() {
        return tlsServer == null ? Listeners.DISABLED : tlsServer.getLocalPort();
    }

    @Override
    public int openConnections() {
        return limiter.open();
    }

    @Override
    public void stopAccepting() {
        accepting = false;
        closeQuietly(server);
        closeQuietly(tlsServer);
    }

    /**
     * Ends every connection gracefully: their input is shut down first, so a connection blocked reading
     * its next request sees end-of-stream, while one still waiting for an outcome writes its answer and
     * then ends (closing the socket right away lost such answers: the record was in Kafka, the client never
     * heard). Sockets still open after the timeout are closed.
     */
    @Override
    public void close(Duration timeout) {
        stopAccepting();
        sockets.forEach(VirtualThreadTransport::shutdownInputQuietly);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : connectionThreads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sockets.forEach(VirtualThreadTransport::closeQuietly);
        if (handshakeDeadlines != null) {
            handshakeDeadlines.shutdownNow();
        }
    }

    private static void shutdownInputQuietly(Socket s) {
        try {
            s.shutdownInput();
        } catch (IOException ignored) {
            // already closed
        }
    }
}

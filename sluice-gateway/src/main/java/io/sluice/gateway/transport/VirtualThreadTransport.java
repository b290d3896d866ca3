package io.sluice.gateway.transport;

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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK-only runtime: a blocking server socket and one virtual thread per connection, no Netty.
 * Thread-safe. Several acceptor threads share the listening socket so that accept keeps up with
 * connection-per-request load; the backlog is 4096 (the JDK's default of 50 dropped SYNs under bursts
 * of new connections on this machine and cost 1-2 s retransmit stalls).
 */
public final class VirtualThreadTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(VirtualThreadTransport.class);
    private static final int BACKLOG = 4096;

    private final ServerSocket server;
    private final BlockingConnectionHandler handler;
    private final ConnectionLimiter limiter;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new ArrayList<>();
    private volatile boolean accepting = true;

    private VirtualThreadTransport(ServerSocket server, BlockingConnectionHandler handler, int maxConnections) {
        this.server = server;
        this.handler = handler;
        this.limiter = new ConnectionLimiter(maxConnections);
    }

    /** Binds and starts {@code acceptorThreads} acceptors; throws {@link ListenFailedException} if it cannot bind. */
    public static VirtualThreadTransport start(String bind, int port, int acceptorThreads, int maxConnections,
                                              BlockingConnectionHandler handler) {
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(bind), port), BACKLOG);
        } catch (IOException e) {
            throw ListenFailedException.of(bind, port, e);
        }
        VirtualThreadTransport t = new VirtualThreadTransport(server, handler, maxConnections);
        for (int i = 0; i < acceptorThreads; i++) {
            t.acceptors.add(Thread.ofPlatform().daemon().name("sluice-accept-" + i).start(t::acceptLoop));
        }
        log.info("Listening on {} with virtual threads ({} acceptor threads)", server.getLocalSocketAddress(),
                acceptorThreads);
        return t;
    }

    private void acceptLoop() {
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
            Thread.ofVirtual().name("sluice-conn").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        Thread me = Thread.currentThread();
        connectionThreads.add(me);
        try {
            socket.setTcpNoDelay(true);
            handler.serve(socket);
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

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public int openConnections() {
        return limiter.open();
    }

    @Override
    public void stopAccepting() {
        accepting = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
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
    }

    private static void shutdownInputQuietly(Socket s) {
        try {
            s.shutdownInput();
        } catch (IOException ignored) {
            // already closed
        }
    }
}

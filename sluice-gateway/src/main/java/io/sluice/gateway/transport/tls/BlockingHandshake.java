package io.sluice.gateway.transport.tls;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * The server side of a TLS handshake on a blocking socket (the virtual-thread runtime), bounded in total
 * time like Netty's handshake timeout: a client that trickles handshake bytes, or sends none, is closed
 * when the time is up. Thread-safe; {@link #perform} blocks its (virtual) caller for at most that time.
 */
public final class BlockingHandshake {

    /** A socket after a finished handshake, and what the handshake established. */
    public record Done(SSLSocket socket, TlsHandshake handshake) {
    }

    private final ServerTls tls;
    private final ScheduledExecutorService deadlines;

    /** @param deadlines closes sockets whose handshake ran out of time (a small shared scheduler) */
    public BlockingHandshake(ServerTls tls, ScheduledExecutorService deadlines) {
        this.tls = tls;
        this.deadlines = deadlines;
    }

    /** Shakes hands on {@code plain}; throws when the handshake fails or runs out of time (the socket is closed). */
    public Done perform(Socket plain) throws IOException {
        SSLSocket ssl = tls.wrap(plain);
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(ssl), tls.handshakeTimeoutMillis(),
                TimeUnit.MILLISECONDS);
        int soTimeout = plain.getSoTimeout();
        try {
            plain.setSoTimeout((int) Math.min(Integer.MAX_VALUE, tls.handshakeTimeoutMillis()));
            ssl.startHandshake();
            return new Done(ssl, TlsHandshake.of(ssl.getSession(), tls.principalFrom()));
        } finally {
            deadline.cancel(false);
            if (!ssl.isClosed()) {
                plain.setSoTimeout(soTimeout);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

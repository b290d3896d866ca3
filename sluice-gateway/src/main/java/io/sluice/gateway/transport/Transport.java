package io.sluice.gateway.transport;

import java.time.Duration;

/**
 * A running network listener: one implementation per runtime. Thread-safe; methods may be called from
 * any thread (typically a shutdown hook).
 */
public interface Transport extends AutoCloseable {

    /** The bound plaintext port, or {@link Listeners#DISABLED}. */
    int port();

    /** The bound TLS port, or {@link Listeners#DISABLED} without TLS. */
    default int tlsPort() {
        return Listeners.DISABLED;
    }

    /** Connections currently open. */
    int openConnections();

    /** Stops accepting new connections; open ones keep being served. */
    void stopAccepting();

    /** Closes every connection and releases the threads, waiting at most {@code timeout}. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(5));
    }
}

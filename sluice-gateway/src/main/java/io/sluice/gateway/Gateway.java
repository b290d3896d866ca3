package io.sluice.gateway;

/**
 * A running gateway: HTTP listener, shared Kafka producer, metrics. Start with {@link #start(GatewayConfig)}.
 * Thread-safe: {@link #close()} may be called from a shutdown hook while I/O threads serve requests.
 */
public final class Gateway implements AutoCloseable {
    // Placeholder while the implementation lands; see the serve issue.
    private Gateway() {
    }

    /** Starts the listener and the producer; returns once the port is bound. Throws if it cannot bind. */
    public static Gateway start(GatewayConfig config) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The bound HTTP port (useful when configured with port 0). */
    public int port() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Graceful stop: stop accepting, /readyz answers 503, in-flight requests finish (up to the configured
     * drain timeout), the producer flushes every accepted record, then everything closes. Idempotent.
     */
    @Override
    public void close() {
    }
}

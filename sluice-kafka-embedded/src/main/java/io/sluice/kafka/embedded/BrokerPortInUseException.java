package io.sluice.kafka.embedded;

/**
 * Thrown when a port the embedded broker needs is already bound by another process; the message says
 * which port and what to do instead.
 */
public final class BrokerPortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;

    private BrokerPortInUseException(int port, String message) {
        super(message);
        this.port = port;
    }

    static BrokerPortInUseException forBrokerPort(String host, int port) {
        return new BrokerPortInUseException(port, "Kafka broker port " + port + " is already in use on " + host
                + "; choose another with --broker-port or point Sluice at a cluster with --bootstrap-servers");
    }

    static BrokerPortInUseException forControllerPort(String host, int port) {
        return new BrokerPortInUseException(port, "Kafka controller port " + port + " is already in use on " + host
                + "; choose another with --controller-port (0 picks a free one)");
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}

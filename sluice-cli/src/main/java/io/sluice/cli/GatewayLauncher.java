package io.sluice.cli;

import io.sluice.gateway.Gateway;
import io.sluice.gateway.GatewayConfig;

/**
 * Starts the HTTP gateway. An interface so that {@code serve} can be tested without binding sockets;
 * {@link #netty()} is the real one.
 */
public interface GatewayLauncher {

    /** Starts the gateway; returns once the port is bound. Throws when it cannot bind or start. */
    RunningGateway start(GatewayConfig config);

    /** A started gateway. {@link #close()} drains and flushes, is idempotent and may run in a shutdown hook. */
    interface RunningGateway extends AutoCloseable {

        /** The bound port (differs from the configured one when that was 0); -1 when plaintext is disabled. */
        int port();

        /** The bound TLS port; -1 without TLS. */
        default int tlsPort() {
            return -1;
        }

        /** The TLS implementation serving the TLS port; null without TLS. */
        default String tlsProvider() {
            return null;
        }

        @Override
        void close();
    }

    /** The real gateway, {@link Gateway#start(GatewayConfig)}. */
    static GatewayLauncher netty() {
        return config -> {
            Gateway gateway = Gateway.start(config);
            return new RunningGateway() {
                @Override
                public int port() {
                    return gateway.port();
                }

                @Override
                public int tlsPort() {
                    return gateway.tlsPort();
                }

                @Override
                public String tlsProvider() {
                    return gateway.tlsProvider();
                }

                @Override
                public void close() {
                    gateway.close();
                }
            };
        };
    }
}

/**
 * How bytes arrive: one {@link io.sluice.gateway.transport.Transport} per runtime. This package knows
 * nothing of HTTP or Kafka: a protocol plugs in through {@link io.sluice.gateway.transport.ProtocolPipeline}
 * (Netty) or {@link io.sluice.gateway.transport.BlockingConnectionHandler} (virtual threads).
 *
 * <p>{@link io.sluice.gateway.transport.NettyTransport} runs Netty 4.2's NIO, epoll or io_uring event
 * loops behind one {@code MultiThreadIoEventLoopGroup}; only the {@code IoHandlerFactory} and server
 * channel class differ. Adding a runtime touches no HTTP or ingest code. The transport owns
 * connection-level limits: the listen backlog (4096, not the JDK's 50, which dropped SYNs under bursts of
 * new connections on this machine) and {@code --max-connections} (one
 * {@link io.sluice.gateway.transport.ConnectionLimiter} for every runtime). A port that cannot be bound is
 * a {@link io.sluice.gateway.transport.ListenFailedException} in the same words on every runtime.
 */
package io.sluice.gateway.transport;

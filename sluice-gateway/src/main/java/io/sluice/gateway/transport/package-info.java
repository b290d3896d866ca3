/**
 * How bytes arrive: one {@link io.sluice.gateway.transport.Transport} per runtime.
 *
 * <p>{@link io.sluice.gateway.transport.NettyTransport} runs Netty 4.2's NIO, epoll or io_uring event
 * loops behind one {@code MultiThreadIoEventLoopGroup}; only the {@code IoHandlerFactory} and server
 * channel class differ. The HTTP stack comes in as a channel initializer, so adding a runtime touches
 * no HTTP or ingest code. The transport owns connection-level limits: the listen backlog (4096, not the
 * JDK's 50, which dropped SYNs under bursts of new connections on this machine) and
 * {@code --max-connections}.
 */
package io.sluice.gateway.transport;

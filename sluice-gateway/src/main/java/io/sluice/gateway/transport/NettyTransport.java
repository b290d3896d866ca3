package io.sluice.gateway.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.sluice.gateway.IoMode;
import io.sluice.gateway.transport.tls.ServerTls;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty runtimes: NIO, epoll or io_uring event loops, chosen by {@link IoMode}; the HTTP style comes
 * in as a {@link ProtocolPipeline}, so this class knows nothing of HTTP beyond that. A plaintext port, a TLS
 * port, or both, served by the same event loops and counted against the same connection limit. Thread-safe.
 */
public final class NettyTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);

    private final EventLoopGroup group;
    private final Channel plainChannel;
    private final Channel tlsChannel;
    private final ChannelGroup channels;
    private final ConnectionLimiter limiter;

    private NettyTransport(EventLoopGroup group, Channel plainChannel, Channel tlsChannel, ChannelGroup channels,
                           ConnectionLimiter limiter) {
        this.group = group;
        this.plainChannel = plainChannel;
        this.tlsChannel = tlsChannel;
        this.channels = channels;
        this.limiter = limiter;
    }

    /**
     * Binds and starts serving. Throws {@link IllegalStateException} with the cause and an alternative
     * when the runtime is unavailable, and {@link ListenFailedException} when the address cannot be bound.
     */
    public static NettyTransport start(IoMode mode, Listeners listeners, int threads, int maxConnections,
                                       ProtocolPipeline http) {
        Native nativeIo = Native.of(mode);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("sluice-" + mode.cliName()), nativeIo.factory);
        ChannelGroup channels = new DefaultChannelGroup("sluice-connections", GlobalEventExecutor.INSTANCE);
        ConnectionLimiter limiter = new ConnectionLimiter(maxConnections);
        Channel plain = null;
        try {
            if (listeners.plainPort() != Listeners.DISABLED) {
                plain = bind(nativeIo, group, listeners.bind(), listeners.plainPort(), limiter, channels, http, null);
                log.info("Listening on {} with {} ({} event-loop threads)", plain.localAddress(), mode.cliName(),
                        threads);
            }
            Channel tls = null;
            if (listeners.tls() != null) {
                tls = bind(nativeIo, group, listeners.bind(), listeners.tlsPort(), limiter, channels, http,
                        listeners.tls());
                log.info("Listening for TLS on {} with {} and {}", tls.localAddress(), mode.cliName(),
                        listeners.tls().providerName());
            }
            return new NettyTransport(group, plain, tls, channels, limiter);
        } catch (RuntimeException e) {
            if (plain != null) {
                plain.close().syncUninterruptibly();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Binds one listening socket; its connections speak TLS when {@code tls} is not null. */
    private static Channel bind(Native nativeIo, EventLoopGroup group, String bind, int port,
                                ConnectionLimiter limiter, ChannelGroup channels, ProtocolPipeline http,
                                ServerTls tls) {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(nativeIo.serverChannel)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Netty 4.2's default adaptive allocator checks the root buffer's reference count on every
                // memory access (3.4% of an I/O thread's samples, JFR, issue 12); the pooled one does not.
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (!limiter.tryAdmit()) {
                            ch.close();
                            return;
                        }
                        channels.add(ch); // closed with the others at shutdown
                        ch.closeFuture().addListener(f -> limiter.released());
                        if (tls != null) {
                            tls.install(ch);
                        }
                        http.install(ch.pipeline());
                    }
                })
                .bind(bind, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw ListenFailedException.of(bind, port, bound.cause(), tls != null);
        }
        return bound.channel();
    }

    /** The I/O handler and server channel class of a Netty runtime, checked for availability. */
    private record Native(IoHandlerFactory factory, Class<? extends ServerChannel> serverChannel) {
        static Native of(IoMode mode) {
            return switch (mode) {
                case NIO -> new Native(NioIoHandler.newFactory(), NioServerSocketChannel.class);
                case EPOLL -> {
                    if (!Epoll.isAvailable()) {
                        throw new IllegalStateException("epoll is not available: "
                                + Epoll.unavailabilityCause() + "; use --io nio");
                    }
                    yield new Native(EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
                }
                case IO_URING -> {
                    if (!IoUring.isAvailable()) {
                        throw new IllegalStateException("io_uring is not available: "
                                + IoUring.unavailabilityCause() + " (check sysctl kernel.io_uring_disabled, seccomp "
                                + "filters and the kernel version); use --io epoll");
                    }
                    log.debug("io_uring features: {}", IoUring.featureString());
                    yield new Native(IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
                }
                case VIRTUAL -> throw new IllegalArgumentException("virtual threads are not a Netty runtime");
            };
        }
    }

    /**
     * The runtime to use when none is asked for: io_uring where the kernel allows it, else epoll, else NIO.
     * io_uring was the fastest runtime in {@code sluice bench} and stable through 10-minute soaks in keepalive
     * and connection-per-request load (see the README's runtime notes).
     */
    public static IoMode preferredIo() {
        if (IoUring.isAvailable()) {
            return IoMode.IO_URING;
        }
        return Epoll.isAvailable() ? IoMode.EPOLL : IoMode.NIO;
    }

    @Override
    public int port() {
        return portOf(plainChannel);
    }

    @Override
    public int tlsPort() {
        return portOf(tlsChannel);
    }

    private static int portOf(Channel server) {
        return server == null ? Listeners.DISABLED : ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public int openConnections() {
        return limiter.open();
    }

    @Override
    public void stopAccepting() {
        if (plainChannel != null) {
            plainChannel.close().syncUninterruptibly();
        }
        if (tlsChannel != null) {
            tlsChannel.close().syncUninterruptibly();
        }
    }

    @Override
    public void close(Duration timeout) {
        stopAccepting();
        channels.close().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
        group.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

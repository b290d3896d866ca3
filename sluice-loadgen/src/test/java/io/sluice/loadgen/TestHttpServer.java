package io.sluice.loadgen;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A small HTTP/1.1 server on 127.0.0.1 whose answers each test chooses; one NIO event loop. */
final class TestHttpServer implements AutoCloseable {

    /** Decides what happens to request number {@code n} (1-based, across all connections). */
    @FunctionalInterface
    interface Responder {
        void onRequest(ChannelHandlerContext ctx, FullHttpRequest request, long n);
    }

    final AtomicLong requests = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    private TestHttpServer(Responder responder, SslContext tls) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                        responder.onRequest(ctx, req, requests.incrementAndGet());
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    static TestHttpServer start(Responder responder) {
        return new TestHttpServer(responder, null);
    }

    /** Serves TLS with {@code tls} (a server context), answering every request with {@code 200 ok}. */
    static TestHttpServer fastTls(SslContext tls) {
        return new TestHttpServer((ctx, req, n) -> answer(ctx, req, 200), tls);
    }

    /** Answers every request with {@code 200 ok}. */
    static TestHttpServer fast() {
        return start((ctx, req, n) -> answer(ctx, req, 200));
    }

    /** Writes a response with {@code status} and a Content-Length body; closes if the client asked for it. */
    static void answer(ChannelHandlerContext ctx, FullHttpRequest req, int status) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer("{\"ok\":true}", StandardCharsets.US_ASCII));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(res, res.content().readableBytes());
        HttpUtil.setKeepAlive(res, HttpUtil.isKeepAlive(req));
        if (HttpUtil.isKeepAlive(req)) {
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    RequestTemplate template() {
        return new RequestTemplate("127.0.0.1", port(), "/topics/t", "application/json",
                RequestTemplate.jsonPayload(35));
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}

package io.sluice.loadgen;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;

/**
 * A bare "200 OK" HTTP/1.1 server (epoll, raw bytes, no codec) for checking the load generator's own ceiling:
 * {@code java -cp ... io.sluice.loadgen.HelloServerMain PORT THREADS [tls]}. Understands only requests with a
 * {@code Content-Length} header, which is what the generator sends. With {@code tls}: JDK TLS with a throw-away
 * self-signed certificate, sessions resumable. Not a test.
 */
public final class HelloServerMain {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
            + "{\"ok\":true}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private HelloServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        SslContext tls = null;
        if (args.length > 2 && args[2].equals("tls")) {
            SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
            tls = SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2").build();
        }
        SslContext serverTls = tls;
        ByteBuf response = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(RESPONSE));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
        new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (serverTls != null) {
                            ch.pipeline().addLast(serverTls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new Handler(response));
                    }
                }).bind(port).sync().channel().closeFuture().sync();
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final ByteBuf response;
        private ByteBuf pending;

        Handler(ByteBuf response) {
            this.response = response;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            if (pending != null) {
                pending.writeBytes(in);
                in.release();
                in = pending;
                pending = null;
            }
            int answers = 0;
            while (true) {
                int end = headerEnd(in);
                if (end < 0) {
                    break;
                }
                long total = end + contentLength(in, in.readerIndex(), end) - in.readerIndex();
                if (in.readableBytes() < total) {
                    break;
                }
                in.skipBytes((int) total);
                answers++;
            }
            if (in.isReadable()) {
                pending = ctx.alloc().buffer(in.readableBytes() * 2).writeBytes(in);
            }
            in.release();
            for (int i = 0; i < answers; i++) {
                ctx.write(response.duplicate(), ctx.voidPromise());
            }
            if (answers > 0) {
                ctx.flush();
            }
        }

        private static int headerEnd(ByteBuf in) {
            for (int i = in.readerIndex(); i + 3 < in.writerIndex(); i++) {
                if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                        && in.getByte(i + 3) == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private static long contentLength(ByteBuf in, int from, int to) {
            outer:
            for (int i = from; i + LENGTH.length < to; i++) {
                for (int j = 0; j < LENGTH.length; j++) {
                    int b = in.getByte(i + j);
                    if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != LENGTH[j]) {
                        continue outer;
                    }
                }
                long v = 0;
                for (int k = i + LENGTH.length; k < to; k++) {
                    byte b = in.getByte(k);
                    if (b >= '0' && b <= '9') {
                        v = v * 10 + (b - '0');
                    } else if (b != ' ') {
                        break;
                    }
                }
                return v;
            }
            return 0;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pending != null) {
                pending.release();
                pending = null;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

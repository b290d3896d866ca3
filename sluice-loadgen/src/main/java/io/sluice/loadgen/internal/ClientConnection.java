package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.loadgen.ClientTls;
import io.sluice.loadgen.ErrorKind;
import java.net.InetSocketAddress;

/**
 * One TCP connection of the load generator and the one request it carries at a time. Runs on its channel's
 * event loop; never blocks. It turns Netty's events into the worker's vocabulary (connected, answered, failed,
 * closed) and leaves every decision to its {@link LoopWorker}.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener {
    private final LoopWorker worker;
    private final ResponseParser parser = new ResponseParser();
    Channel channel;
    /** Position in the worker's list of live connections (for the timeout sweep). */
    int liveIndex = -1;

    /** A request awaits its answer (set before connecting when the request includes the connect). */
    boolean outstanding;
    /** The outstanding request started inside the measurement. */
    boolean counted;
    /** When its latency began: send time, connect start, or (RATE) its intended start. */
    long latencyBase;
    /** System.nanoTime after which it is a timeout. */
    long deadline;
    boolean connected;
    /** False once the server said {@code Connection: close}: send nothing more on it. */
    boolean reusable = true;
    /** The id the {@link RequestStamper} wrote into the outstanding request; -1 when none. */
    long requestId = -1;
    /** TLS only: this connection's handler, and the wall-clock millisecond it was opened. */
    private SslHandler ssl;
    private long openedAtMillis;

    ClientConnection(LoopWorker worker) {
        this.worker = worker;
    }

    /** Marks a request outstanding. */
    void begin(long latencyBase, boolean counted, long deadline) {
        this.outstanding = true;
        this.counted = counted;
        this.latencyBase = latencyBase;
        this.deadline = deadline;
    }

    /** Ends the outstanding request; returns whether there was one. */
    boolean resolve() {
        boolean was = outstanding;
        outstanding = false;
        return was;
    }

    /**
     * Writes the shared encoded request, stamped with a fresh id when the run has a ledger; failures arrive in
     * {@link #exceptionCaught}.
     */
    void write(ByteBuf request) {
        RequestStamper stamper = worker.stamper();
        ByteBuf bytes = stamper == null ? request.duplicate() : stamper.stamp(request, this);
        channel.writeAndFlush(bytes, channel.voidPromise());
    }

    void close() {
        channel.close();
    }

    /** With TLS, puts an {@link SslHandler} in front of this handler before the connect starts. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ClientTls tls = worker.tls();
        if (tls != null) {
            openedAtMillis = System.currentTimeMillis();
            InetSocketAddress server = worker.server();
            ssl = tls.newHandler(ctx.alloc(), server.getHostString(), server.getPort());
            ctx.pipeline().addBefore(ctx.name(), "tls", ssl);
        }
    }

    /**
     * A resumed session keeps the creation time of the session it resumes (TLS 1.2 and 1.3 alike, in the JDK),
     * which is older than this connection; a full handshake creates its session after the connection opened.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess() && ssl != null) {
            worker.handshaken(this, ssl.engine().getSession().getCreationTime() < openedAtMillis);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void operationComplete(ChannelFuture connect) {
        if (connect.isSuccess()) {
            connected = true;
            worker.connected(this);
        } else {
            worker.connectFailed(this, connect.cause());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            int status;
            while ((status = parser.next(in)) != ResponseParser.NEED_MORE) {
                if (status == ResponseParser.MALFORMED || !outstanding) { // garbage, or an answer nobody asked for
                    worker.fail(this, ErrorKind.OTHER);
                    ctx.close();
                    return;
                }
                outstanding = false;
                reusable &= !parser.lastResponseCloses();
                worker.answered(this, status);
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        worker.fail(this, ErrorKind.CLOSED_EARLY);
        worker.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        worker.fail(this, worker.classifier().classify(cause));
        ctx.close();
    }
}

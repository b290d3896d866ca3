package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;

/**
 * What BURST and CONNECT share: every request on a new connection, sent with {@code Connection: close}
 * once connected, the connection closed after the answer. Latency and the request timeout include the
 * connect. Runs on its event loop; never blocks.
 */
abstract class ConnectionPerRequestWorker extends LoopWorker {
    private final ByteBuf request;

    ConnectionPerRequestWorker(LoopContext context, ByteBuf closeRequest) {
        super(context);
        this.request = closeRequest;
    }

    /** Opens a new connection carrying one request that starts now. */
    protected final void startRequest(long now, boolean counted) {
        ClientConnection c = newConnection();
        c.begin(now, counted, now + timing.requestTimeoutNanos());
        recording.started(counted, now);
        open(c);
    }

    @Override
    protected final void onConnected(ClientConnection c) {
        if (c.outstanding) {
            c.write(request);
        } else {
            c.close();
        }
    }

    @Override
    protected final void onAnswered(ClientConnection c, int status, long now) {
        c.close();
        answered(status);
    }

    /** One request got its answer (its connection is closing). */
    protected abstract void answered(int status);

    @Override
    protected void onClosed(ClientConnection c) {
    }
}

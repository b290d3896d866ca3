package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;
import java.util.concurrent.TimeUnit;

/**
 * KEEPALIVE on one event loop (closed loop): {@code connections} keep-alive connections, each sending its next
 * request when the answer arrives. A connection the server closes is replaced at once; a failed connect counts
 * as one failed request and is retried after {@value #RECONNECT_DELAY_MILLIS} ms, so a dead server does not turn
 * the generator into a SYN flood. Runs on its event loop; never blocks.
 */
public final class KeepAliveWorker extends LoopWorker {
    static final long RECONNECT_DELAY_MILLIS = 10;

    private final int connections;
    private final ByteBuf request;
    private final Runnable reopen = () -> {
        if (!stopped && System.nanoTime() < timing.measureEnd()) {
            open(newConnection());
        }
    };

    public KeepAliveWorker(LoopContext context, int connections, ByteBuf request) {
        super(context);
        this.connections = connections;
        this.request = request;
    }

    @Override
    protected void begin() {
        for (int i = 0; i < connections; i++) {
            open(newConnection());
        }
    }

    @Override
    public boolean finished(long now) {
        return now >= timing.measureEnd() && liveCount() == 0;
    }

    @Override
    protected void onConnected(ClientConnection c) {
        sendNext(c, System.nanoTime());
    }

    @Override
    protected void onAnswered(ClientConnection c, int status, long now) {
        sendNext(c, now);
    }

    private void sendNext(ClientConnection c, long now) {
        if (now >= timing.measureEnd() || !c.reusable) { // a closed connection is replaced in onClosed
            c.close();
            return;
        }
        send(c, request, now, timing.counts(now), now);
    }

    @Override
    protected void onConnectFailed(ClientConnection c, boolean hadRequest, ErrorKind kind) {
        long now = System.nanoTime();
        boolean counted = timing.counts(now);
        recording.started(counted, now);
        recording.failed(counted, kind);
        loop.schedule(reopen, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onFailed(ClientConnection c, ErrorKind kind) {
        // the connection is being closed; onClosed replaces it
    }

    @Override
    protected void onClosed(ClientConnection c) {
        if (System.nanoTime() < timing.measureEnd()) {
            open(newConnection());
        }
    }
}

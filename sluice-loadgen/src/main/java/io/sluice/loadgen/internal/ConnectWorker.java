package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;

/**
 * CONNECT on one event loop (closed loop): {@code workers} workers, each opening a new TCP connection per
 * request, sending it with {@code Connection: close}, reading the answer and closing (the client closes first,
 * so TIME_WAIT lands here, honestly: no SO_LINGER 0). The request's latency and timeout include the connect.
 * Runs on its event loop; never blocks.
 */
public final class ConnectWorker extends LoopWorker {
    private final int workers;
    private final ByteBuf request;
    private final Runnable next = this::startNext;

    public ConnectWorker(LoopContext context, int workers, ByteBuf closeRequest) {
        super(context);
        this.workers = workers;
        this.request = closeRequest;
    }

    @Override
    protected void begin() {
        for (int i = 0; i < workers; i++) {
            startNext();
        }
    }

    @Override
    public boolean finished(long now) {
        return now >= timing.measureEnd() && recording.inFlight() == 0;
    }

    private void startNext() {
        long now = System.nanoTime();
        if (stopped || now >= timing.measureEnd()) {
            return;
        }
        ClientConnection c = newConnection();
        boolean counted = timing.counts(now);
        c.begin(now, counted, now + timing.requestTimeoutNanos());
        recording.started(counted);
        open(c);
    }

    @Override
    protected void onConnected(ClientConnection c) {
        if (c.outstanding) {
            c.write(request);
        } else {
            c.close();
        }
    }

    @Override
    protected void onAnswered(ClientConnection c, int status, long now) {
        c.close();
        startNext();
    }

    @Override
    protected void onConnectFailed(ClientConnection c, boolean hadRequest, ErrorKind kind) {
        if (hadRequest) {
            loop.execute(next); // a connect can fail inside connect(): do not recurse
        }
    }

    @Override
    protected void onFailed(ClientConnection c, ErrorKind kind) {
        loop.execute(next);
    }

    @Override
    protected void onClosed(ClientConnection c) {
    }
}

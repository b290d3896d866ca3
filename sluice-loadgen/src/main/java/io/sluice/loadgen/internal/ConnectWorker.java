package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;

/**
 * CONNECT on one event loop (closed loop): {@code workers} workers, each opening a new TCP connection per
 * request, sending it with {@code Connection: close}, reading the answer and closing (the client closes first,
 * so TIME_WAIT lands here, honestly: no SO_LINGER 0). The request's latency and timeout include the connect.
 * Runs on its event loop; never blocks.
 */
public final class ConnectWorker extends ConnectionPerRequestWorker {
    private final int workers;
    private final Runnable next = this::startNext;

    public ConnectWorker(LoopContext context, int workers, ByteBuf closeRequest) {
        super(context, closeRequest);
        this.workers = workers;
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
        startRequest(now, timing.counts(now));
    }

    @Override
    protected void answered(int status) {
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
}

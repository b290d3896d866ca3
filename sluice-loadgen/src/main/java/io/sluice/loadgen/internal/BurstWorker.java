package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;

/**
 * This event loop's part of each BURST iteration: opens its share of the K connections at once, sends one
 * request with {@code Connection: close} on each, reads the answer, closes, and tells the {@link BurstDriver}.
 * Latency and the request timeout include the connect. Runs on its event loop; never blocks.
 */
public final class BurstWorker extends LoopWorker {
    private final BurstDriver driver;
    private final ByteBuf request;

    public BurstWorker(LoopContext context, BurstDriver driver, ByteBuf closeRequest) {
        super(context);
        this.driver = driver;
        this.request = closeRequest;
    }

    @Override
    protected void begin() {
        // bursts start when the driver says so
    }

    @Override
    public boolean finished(long now) {
        return recording.inFlight() == 0;
    }

    /** Opens {@code n} connections, one request each (on the loop). */
    void burst(int n, boolean counted) {
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ClientConnection c = newConnection();
            c.begin(now, counted, now + timing.requestTimeoutNanos());
            recording.started(counted);
            open(c);
        }
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
        driver.requestDone(status >= 200 && status < 300);
    }

    @Override
    protected void onConnectFailed(ClientConnection c, boolean hadRequest, ErrorKind kind) {
        if (hadRequest) {
            driver.requestDone(false);
        }
    }

    @Override
    protected void onFailed(ClientConnection c, ErrorKind kind) {
        driver.requestDone(false);
    }

    @Override
    protected void onClosed(ClientConnection c) {
    }
}

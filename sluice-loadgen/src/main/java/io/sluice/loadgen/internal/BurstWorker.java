package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;

/**
 * This event loop's part of each BURST iteration: opens its share of the K connections at once, sends one
 * request with {@code Connection: close} on each, reads the answer, closes, and tells the {@link BurstDriver}.
 * Latency and the request timeout include the connect. Runs on its event loop; never blocks.
 */
public final class BurstWorker extends ConnectionPerRequestWorker {
    private final BurstDriver driver;

    public BurstWorker(LoopContext context, BurstDriver driver, ByteBuf closeRequest) {
        super(context, closeRequest);
        this.driver = driver;
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
            startRequest(now, counted);
        }
    }

    @Override
    protected void answered(int status) {
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
}

package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.ErrorKind;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * RATE on one event loop (open loop): sends this loop's lane of an {@link IntendedStartSchedule} over a pool of
 * keep-alive connections that grows, up to {@code maxConnections}, when a request is due and none is free. A
 * connection carries one request at a time. A request that finds no free connection waits, and its latency
 * still counts from its intended start: that is the coordinated-omission correction. A request that could not
 * be sent within the request timeout of its intended start counts as a timeout instead of piling up.
 * Runs on its event loop; never blocks.
 */
public final class RateWorker extends LoopWorker {
    private final IntendedStartSchedule schedule;
    private final int maxConnections;
    private final ByteBuf request;
    private final ArrayDeque<ClientConnection> free = new ArrayDeque<>();
    private final Runnable dispatchTask = this::dispatch;
    private final Runnable timerTask = () -> {
        timerAt = Long.MAX_VALUE;
        dispatch();
    };
    private int pooled;      // connections of the pool, connecting or connected
    private int connecting;
    private long timerAt = Long.MAX_VALUE;
    private boolean scheduleDone;

    public RateWorker(LoopContext context, IntendedStartSchedule schedule, int maxConnections, ByteBuf request) {
        super(context);
        this.schedule = schedule;
        this.maxConnections = Math.max(1, maxConnections);
        this.request = request;
    }

    @Override
    protected void begin() {
        dispatch();
    }

    @Override
    public boolean finished(long now) {
        return scheduleDone && recording.inFlight() == 0;
    }

    /** Sends every request that is due, on free connections; grows the pool when none is free. */
    private void dispatch() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        while (true) {
            long intended = schedule.next();
            if (intended >= timing.measureEnd()) {
                scheduleDone = true;
                for (ClientConnection idle; (idle = free.pollFirst()) != null; ) {
                    idle.close();
                }
                return;
            }
            if (intended > now) {
                armTimer(intended, now);
                return;
            }
            boolean counted = timing.counts(intended);
            if (now - intended > timing.requestTimeoutNanos()) { // fell behind: do not pile up
                schedule.advance();
                recording.started(counted, now);
                recording.failed(counted, ErrorKind.TIMEOUT);
                continue;
            }
            ClientConnection c = free.pollFirst();
            if (c == null) {
                grow(now);
                return;
            }
            schedule.advance();
            send(c, request, intended, counted, now);
        }
    }

    private void grow(long now) {
        long wanted = Math.min(schedule.dueBy(now) - connecting, maxConnections - pooled);
        for (long i = 0; i < wanted; i++) {
            pooled++;
            connecting++;
            open(newConnection());
        }
    }

    private void armTimer(long at, long now) {
        if (timerAt <= at) {
            return;
        }
        timerAt = at;
        loop.schedule(timerTask, at - now, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void onConnected(ClientConnection c) {
        connecting--;
        free.addFirst(c);
        dispatch();
    }

    @Override
    protected void onConnectFailed(ClientConnection c, boolean hadRequest, ErrorKind kind) {
        connecting--;
        pooled--;
        long now = System.nanoTime();
        long intended = schedule.next();
        if (intended <= now && intended < timing.measureEnd()) { // the oldest waiting request fails with it
            schedule.advance();
            boolean counted = timing.counts(intended);
            recording.started(counted, now);
            recording.failed(counted, kind);
        }
        loop.execute(dispatchTask); // a connect can fail inside connect(): do not recurse
    }

    @Override
    protected void onAnswered(ClientConnection c, int status, long now) {
        if (!c.reusable) {
            c.close(); // onClosed takes it out of the pool
            return;
        }
        free.addFirst(c);
        dispatch();
    }

    @Override
    protected void onFailed(ClientConnection c, ErrorKind kind) {
        // the connection is being closed; onClosed takes it out of the pool
    }

    @Override
    protected void onClosed(ClientConnection c) {
        if (c.connected) {
            pooled--;
            free.remove(c);
        }
        dispatch();
    }

    @Override
    protected void onTick(long now) {
        dispatch(); // catches requests that fell behind while every connection was busy
    }
}

package io.sluice.loadgen.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.sluice.loadgen.ErrorKind;
import io.sluice.loadgen.ClientTls;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The share of a run's load that one event loop carries. Runs on that event loop; never blocks; every method
 * except the constructor is called on the loop. Subclasses say what happens on each connection event (the
 * scenario); this class keeps the books: the live connections, the recording, the request-timeout sweep.
 *
 * <p>The sweep walks the live connections every {@code requestTimeout/8} (1 to 100 ms) instead of scheduling a
 * timer per request, so the hot path allocates no timer.
 */
public abstract class LoopWorker {
    protected final EventLoop loop;
    protected final LoopRecording recording = new LoopRecording();
    protected final RunTiming timing;
    private final Bootstrap bootstrap;
    private final InetSocketAddress server;
    private final ErrorClassifier classifier;
    private final RequestStamper stamper;
    private final ClientTls tls;
    private ClientConnection[] live = new ClientConnection[16];
    private int liveCount;
    private ScheduledFuture<?> sweep;
    protected boolean stopped;

    protected LoopWorker(LoopContext context) {
        this.loop = context.loop();
        this.timing = context.timing();
        this.bootstrap = context.bootstrap();
        this.server = context.server();
        this.classifier = context.classifier();
        this.stamper = context.stamper();
        this.tls = context.tls();
    }

    /** Starts the load (on the loop). */
    public final void start() {
        long tick = Math.clamp(timing.requestTimeoutNanos() / 8, 1_000_000L, 100_000_000L);
        sweep = loop.scheduleAtFixedRate(this::sweep, tick, tick, TimeUnit.NANOSECONDS);
        begin();
    }

    protected abstract void begin();

    /** Whether this loop has nothing left to do: no counted request in flight, none left to send. */
    public abstract boolean finished(long now);

    /** Stops everything (on the loop): requests still in flight count as timeouts, connections close. */
    public final LoopRecording stop() {
        stopped = true;
        if (sweep != null) {
            sweep.cancel(false);
        }
        for (int i = liveCount - 1; i >= 0; i--) {
            ClientConnection c = live[i];
            if (c.resolve()) {
                recording.failed(c.counted, ErrorKind.TIMEOUT);
            }
            c.close();
        }
        return recording;
    }

    public EventLoop loop() {
        return loop;
    }

    public LoopRecording recording() {
        return recording;
    }

    ErrorClassifier classifier() {
        return classifier;
    }

    /** The TLS settings, or {@code null} for plaintext. */
    ClientTls tls() {
        return tls;
    }

    /** The server, for the TLS session cache's key and the host name check. */
    InetSocketAddress server() {
        return server;
    }

    /** Writes request ids, or {@code null}. */
    RequestStamper stamper() {
        return stamper;
    }

    /** Opens a connection; the worker hears of it through {@link #onConnected} or {@link #onConnectFailed}. */
    protected final ClientConnection open(ClientConnection c) {
        add(c);
        ChannelFuture f = bootstrap.handler(c).connect(server);
        c.channel = f.channel();
        f.addListener(c);
        return c;
    }

    protected final ClientConnection newConnection() {
        return new ClientConnection(this);
    }

    /** Sends {@code request} on {@code c}, whose latency starts at {@code latencyBase}. */
    protected final void send(ClientConnection c, ByteBuf request, long latencyBase, boolean counted, long now) {
        c.begin(latencyBase, counted, now + timing.requestTimeoutNanos());
        recording.started(counted, now);
        c.write(request);
    }

    // --- events from ClientConnection -------------------------------------------------------------------

    final void connected(ClientConnection c) {
        if (!stopped) {
            onConnected(c);
        } else {
            c.close();
        }
    }

    final void connectFailed(ClientConnection c, Throwable cause) {
        remove(c);
        ErrorKind kind = classifier.classify(cause);
        boolean had = c.resolve();
        if (had) {
            recording.failed(c.counted, kind);
        }
        if (!stopped) {
            onConnectFailed(c, had, kind);
        }
    }

    /** {@code c}'s TLS handshake succeeded; {@code resumed}: it resumed an earlier session. */
    final void handshaken(ClientConnection c, boolean resumed) {
        recording.handshake(c.counted, resumed);
    }

    final void answered(ClientConnection c, int status) {
        long now = System.nanoTime();
        if (stamper != null) {
            stamper.answered(c, status);
        }
        recording.answered(c.counted, c.latencyBase, status, now);
        if (!stopped) {
            onAnswered(c, status, now);
        }
    }

    /** Ends {@code c}'s outstanding request, if any, with {@code kind}; the caller closes the connection. */
    final void fail(ClientConnection c, ErrorKind kind) {
        if (c.resolve()) {
            recording.failed(c.counted, kind);
            if (!stopped) {
                onFailed(c, kind);
            }
        }
    }

    final void closed(ClientConnection c) {
        remove(c);
        if (!stopped) {
            onClosed(c);
        }
    }

    protected abstract void onConnected(ClientConnection c);

    /** The connect failed; {@code hadRequest}: a request was outstanding on it and has been counted as failed. */
    protected abstract void onConnectFailed(ClientConnection c, boolean hadRequest, ErrorKind kind);

    protected abstract void onAnswered(ClientConnection c, int status, long now);

    protected abstract void onFailed(ClientConnection c, ErrorKind kind);

    protected abstract void onClosed(ClientConnection c);

    /** Called by the sweep after timeouts were handled. */
    protected void onTick(long now) {
    }

    private void sweep() {
        long now = System.nanoTime();
        for (int i = liveCount - 1; i >= 0; i--) {
            ClientConnection c = live[i];
            if (c.outstanding && now - c.deadline > 0) {
                fail(c, ErrorKind.TIMEOUT);
                c.close();
            }
        }
        if (!stopped) {
            onTick(now);
        }
    }

    private void add(ClientConnection c) {
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        c.liveIndex = liveCount;
        live[liveCount++] = c;
    }

    private void remove(ClientConnection c) {
        int i = c.liveIndex;
        if (i < 0) {
            return;
        }
        ClientConnection last = live[--liveCount];
        live[i] = last;
        last.liveIndex = i;
        live[liveCount] = null;
        c.liveIndex = -1;
    }

    protected final int liveCount() {
        return liveCount;
    }
}

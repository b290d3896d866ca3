package io.sluice.loadgen;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.sluice.loadgen.internal.ErrorClassifier;
import io.sluice.loadgen.internal.LoopContext;
import io.sluice.loadgen.internal.LoopWorker;
import io.sluice.loadgen.internal.RequestStamper;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a {@link LoadSpec} against an HTTP/1.1 server and returns what it measured.
 *
 * <p><b>Why hand-written.</b> The load generator's hot path is the point of a server benchmark: it must not
 * become the bottleneck before the server does (the gateway serves ~60-90 k req/s on the 2 cores it shares
 * with its load). So instead of a general HTTP client this class drives Netty directly (epoll when available,
 * else NIO) on one event loop by default, writes one pre-encoded request (shared bytes, no per-request
 * encoding), and reads answers with a minimal HTTP/1.1 response reader (status line, {@code Content-Length},
 * skip the body; no Strings). Latency goes into one HdrHistogram per event loop, merged at the end, so the hot
 * path takes no lock.
 *
 * <p><b>What it counts.</b> Every request attempted during the measurement counts in {@link LoadResult#sent()}
 * (a failed connect too) and ends in exactly one status or one error, so {@code sent == answers + errors}.
 * Requests still unanswered when the run ends (measurement plus one request timeout of grace) count as
 * {@link ErrorKind#TIMEOUT}. Warm-up results are discarded.
 *
 * <p>Thread-safety: a {@code LoadGenerator} is immutable; each {@link #execute} call uses its own event loops
 * and blocks its caller until the run is over (bounded by warm-up + duration + request timeout, plus shutdown).
 */
public final class LoadGenerator {
    /** How the generator's sockets do I/O. */
    public enum Io { AUTO, EPOLL, NIO }

    private final int threads;
    private final Io io;
    private final RequestLedger ledger;
    private final ClientTls tls;

    private LoadGenerator(Builder b) {
        this.threads = b.threads;
        this.io = b.io;
        this.ledger = b.ledger;
        this.tls = b.tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the load to completion (warm-up, then measurement) on one event loop and returns what was measured. */
    public static LoadResult run(LoadSpec spec, ProgressListener progress) {
        return builder().build().execute(spec, progress);
    }

    /** Runs the load to completion (warm-up, then measurement) and returns what was measured. */
    public LoadResult execute(LoadSpec spec, ProgressListener progress) {
        validate(spec);
        RequestStamper stamper = null;
        if (ledger != null) {
            int slot = spec.request().idSlotFromEnd();
            if (slot < 0) {
                throw new IllegalArgumentException("a run with a request ledger needs a body with an id slot "
                        + "(RequestTemplate.idPayload)");
            }
            stamper = new RequestStamper(ledger, slot);
        }
        boolean epoll = switch (io) {
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll is not available: " + Epoll.unavailabilityCause()
                            + "; use Io.NIO");
                }
                yield true;
            }
            case NIO -> false;
            case AUTO -> Epoll.isAvailable();
        };
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends SocketChannel> channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, factory);
        ByteBuf keepAlive = sharedBytes(spec.request().encode(false));
        ByteBuf close = sharedBytes(spec.request().encode(true));
        try {
            List<EventLoop> loops = new ArrayList<>();
            for (EventExecutor e : group) {
                loops.add((EventLoop) e);
            }
            RunPlan plan = new RunPlan(spec, loops, channelClass, keepAlive, close,
                    new InetSocketAddress(spec.request().host(), spec.request().port()), new ErrorClassifier(), stamper,
                    tls == null ? null : tls.forConcurrency(spec.concurrency()));
            return switch (spec.scenario()) {
                case KEEPALIVE, CONNECT, RATE -> new WindowedRun(plan, progress).run();
                case BURST -> new BurstRun(plan, progress).run();
            };
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly(5_000);
            keepAlive.unwrap().release();
            close.unwrap().release();
        }
    }

    private static ByteBuf sharedBytes(byte[] bytes) {
        ByteBuf direct = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        return Unpooled.unreleasableBuffer(direct);
    }

    private static void validate(LoadSpec spec) {
        if (spec.concurrency() < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + spec.concurrency());
        }
        if (spec.scenario() == Scenario.RATE && !(spec.rate() > 0)) {
            throw new IllegalArgumentException("RATE needs a rate > 0 req/s, was " + spec.rate());
        }
        if (spec.scenario() == Scenario.BURST && spec.samples() < 1) {
            throw new IllegalArgumentException("BURST needs samples >= 1, was " + spec.samples());
        }
        if (spec.duration().isNegative() || spec.duration().isZero() || spec.warmup().isNegative()) {
            throw new IllegalArgumentException("duration must be > 0 and warm-up >= 0");
        }
        if (spec.requestTimeout().toMillis() < 1) {
            throw new IllegalArgumentException("request timeout must be >= 1 ms");
        }
    }

    /** What one run needs to build its workers. */
    record RunPlan(LoadSpec spec, List<EventLoop> loops, Class<? extends SocketChannel> channelClass,
                   ByteBuf keepAliveRequest, ByteBuf closeRequest, InetSocketAddress server,
                   ErrorClassifier classifier, RequestStamper stamper, ClientTls tls) {

        /** A bootstrap bound to {@code loop}; used only on that loop's thread. */
        Bootstrap bootstrap(EventLoop loop) {
            int connectTimeout = (int) Math.min(Integer.MAX_VALUE, spec.requestTimeout().toMillis());
            return new Bootstrap().group(loop).channel(channelClass)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout);
        }

        /** The share of {@code total} that loop {@code index} carries (the first loops take the remainder). */
        int share(int total, int index) {
            int n = loops.size();
            return total / n + (index < total % n ? 1 : 0);
        }

        <W extends LoopWorker> List<W> workers(io.sluice.loadgen.internal.RunTiming timing,
                                              Function<Indexed, W> factory) {
            List<W> out = new ArrayList<>();
            for (int i = 0; i < loops.size(); i++) {
                EventLoop loop = loops.get(i);
                out.add(factory.apply(new Indexed(i, new LoopContext(loop, bootstrap(loop), server, timing, classifier,
                        stamper, tls))));
            }
            return out;
        }
    }

    /** A loop's context and its position among the run's loops. */
    record Indexed(int index, LoopContext context) {
    }

    /** Configures a {@link LoadGenerator}. Not thread-safe. */
    public static final class Builder {
        private int threads = 1;
        private Io io = Io.AUTO;
        private RequestLedger ledger;
        private ClientTls tls;

        private Builder() {
        }

        /**
         * Speaks TLS on every connection (default: plaintext). Each connection gets its own handler from
         * {@code tls}; with resumption on, connections to the same host and port resume earlier sessions, and
         * {@link LoadResult#handshakes()} tells full handshakes from resumed ones.
         */
        public Builder tls(ClientTls tls) {
            this.tls = java.util.Objects.requireNonNull(tls);
            return this;
        }

        /**
         * Stamps every request with a unique id from {@code ledger} and reports the acknowledged ones to it
         * (default none: every request is the same shared bytes). The request body needs an id slot
         * ({@link RequestTemplate#idPayload}).
         */
        public Builder ledger(RequestLedger ledger) {
            this.ledger = java.util.Objects.requireNonNull(ledger);
            return this;
        }

        /** Event-loop threads (default 1: the bench pins generator and server to share 2 cores). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Socket I/O (default {@link Io#AUTO}: epoll on Linux, else NIO). */
        public Builder io(Io io) {
            this.io = java.util.Objects.requireNonNull(io);
            return this;
        }

        public LoadGenerator build() {
            return new LoadGenerator(this);
        }
    }
}

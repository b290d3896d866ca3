package io.sluice.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.buffer.PooledByteBufAllocator;
import io.sluice.gateway.access.AccessControl;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.PolicyFileException;
import io.sluice.gateway.http.RequestGate;
import io.sluice.gateway.http.Cors;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.RouterOptions;
import io.sluice.gateway.http.codec.CodecPipeline;
import io.sluice.gateway.http.raw.BlockingRawConnection;
import io.sluice.gateway.http.raw.RawPipeline;
import io.sluice.gateway.ingest.IngestBackend;
import io.sluice.gateway.ingest.IngestService;
import io.sluice.gateway.ops.GatewayMetrics;
import io.sluice.gateway.transport.Listeners;
import io.sluice.gateway.transport.NettyTransport;
import io.sluice.gateway.transport.ProtocolPipeline;
import io.sluice.gateway.transport.Transport;
import io.sluice.gateway.transport.VirtualThreadTransport;
import io.sluice.gateway.transport.tls.ServerTls;
import io.sluice.gateway.transport.tls.TlsReloadPoller;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: HTTP listener, the shared Kafka producer, metrics. Start with {@link #start}.
 * Thread-safe: {@link #close()} may be called from a shutdown hook while I/O threads serve requests.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final IngestBackend backend;
    private final IngestService ingest;
    private final GatewayMetrics metrics;
    private final Transport transport;
    private final AccessControl access;
    private final ServerTls tls;
    private final TlsReloadPoller tlsReload;
    private boolean closed;

    private Gateway(GatewayConfig config, IngestBackend backend, GatewayMetrics metrics, Transport transport,
                    AccessControl access, ServerTls tls) {
        this.access = access;
        this.config = config;
        this.backend = backend;
        this.ingest = backend.service();
        this.metrics = metrics;
        this.transport = transport;
        this.tls = tls;
        this.tlsReload = tls == null ? null : TlsReloadPoller.start(tls, config.tls().reloadInterval());
    }

    /**
     * Connects to Kafka, binds the listener and starts serving; returns once the port is bound.
     * Kafka need not be reachable yet: until it is, /readyz answers 503 and produce requests 503.
     *
     * @throws IllegalArgumentException for an invalid combination of options, or a policy file (API keys,
     *                                  Basic users, JWKS, ACL) that is missing or invalid (the message names its line)
     * @throws IllegalStateException    when the runtime is unavailable or the port cannot be bound
     */
    public static Gateway start(GatewayConfig config) {
        if (config.io() == IoMode.VIRTUAL && config.http() == HttpStyle.CODEC) {
            throw new IllegalArgumentException("--io virtual works only with --http raw: Netty's codec needs a Netty "
                    + "transport (use --io nio, epoll or io_uring for --http codec)");
        }
        // before Kafka: a bad certificate or key file fails the start with the file and the reason
        ServerTls tls = config.tls() == null ? null : ServerTls.start(config.tls(),
                config.io() == IoMode.VIRTUAL ? ServerTls.Engine.JDK_SOCKET : ServerTls.Engine.NETTY,
                config.headerReadTimeout());
        AccessSettings accessSettings = config.access();
        AccessControl access;
        try {
            access = AccessControl.start(accessSettings, Clock.systemUTC(), Ticker.systemTicker());
        } catch (PolicyFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        GatewayMetrics metrics = new GatewayMetrics(accessSettings.metricsPrincipalLabels());
        IngestBackend backend = config.sink() == SinkKind.NONE ? IngestBackend.none(config.ingestSettings())
                : IngestBackend.kafka(config.ingestSettings(), metrics, System::nanoTime);
        try {
            IngestService ingest = backend.service();
            RequestGate gate = accessSettings.gated() ? new RequestGate(access.authentication(), access.throttle(),
                    accessSettings.authorizer(), accessSettings.quotas(), metrics) : RequestGate.OPEN;
            RequestRouter router = new RequestRouter(ingest, backend.availability(), metrics, config.defaultTopic(),
                    gate, accessSettings.principalHeader(), RouterOptions.of(config.maxBodySize(),
                            Cors.of(config.corsOrigins()), config.traceHeaders() == TraceHeaders.ON));
            Transport transport = startTransport(config, router, metrics, ingest::isDraining, tls);
            metrics.gauge("sluice_open_connections", "HTTP connections open", transport::openConnections);
            metrics.gauge("sluice_inflight_requests", "Produce requests waiting for their outcome", ingest::inFlight);
            return new Gateway(config, backend, metrics, transport, access, tls);
        } catch (RuntimeException e) {
            access.close();
            backend.flushAndClose();
            throw e;
        }
    }

    /** The one place that pairs a runtime with an HTTP style. */
    private static Transport startTransport(GatewayConfig c, RequestRouter router, GatewayMetrics metrics,
                                            BooleanSupplier draining, ServerTls tls) {
        Listeners listeners = new Listeners(c.bind(), c.plaintext() ? c.port() : Listeners.DISABLED,
                tls == null ? Listeners.DISABLED : c.tlsPort(), tls);
        if (c.io() == IoMode.VIRTUAL) {
            BlockingRawConnection http = new BlockingRawConnection(router, metrics, draining, c.maxHeaderSize(),
                    c.maxBodySize(), c.idleTimeout(), c.headerReadTimeout(), c.bodyReadTimeout(),
                    PooledByteBufAllocator.DEFAULT);
            return VirtualThreadTransport.start(listeners, Math.max(1, c.ioThreads()), c.maxConnections(), http);
        }
        ProtocolPipeline http = c.http() == HttpStyle.RAW
                ? new RawPipeline(router, metrics, c.maxBodySize(), c.maxHeaderSize(), c.idleTimeout(),
                        c.headerReadTimeout(), c.bodyReadTimeout(), draining)
                : new CodecPipeline(router, metrics, c.maxBodySize(), c.maxHeaderSize(), c.idleTimeout(),
                        c.headerReadTimeout(), c.bodyReadTimeout(), draining);
        return NettyTransport.start(c.io(), listeners, c.ioThreads(), c.maxConnections(), http);
    }

    /** The bound plaintext HTTP port (useful when configured with port 0); -1 when it is disabled. */
    public int port() {
        return transport.port();
    }

    /** The bound TLS port (useful when configured with port 0); -1 without TLS. */
    public int tlsPort() {
        return transport.tlsPort();
    }

    /** Which TLS implementation serves the TLS port ("OpenSSL (BoringSSL)", "the JDK's ..."); null without TLS. */
    public String tlsProvider() {
        return tls == null ? null : tls.providerName();
    }

    /**
     * Checks the TLS files now (the poller does it every {@code reloadInterval}) and, when they changed and are
     * good, gives new connections the new certificate. Returns whether it did; false without TLS.
     */
    public boolean reloadTlsIfChanged() {
        return tls != null && tls.reloadIfChanged();
    }

    public GatewayConfig config() {
        return config;
    }

    /** The gateway's metrics (also served at /metrics). */
    public GatewayMetrics metrics() {
        return metrics;
    }

    /** True while the gateway would answer /readyz with 200. */
    public boolean isReady() {
        return !ingest.isDraining() && backend.availability().isAvailable();
    }

    /**
     * Graceful stop: stop accepting, /readyz answers 503, in-flight requests finish (up to the configured
     * drain timeout), the producer flushes every accepted record, then everything closes. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        ingest.startDraining();
        transport.stopAccepting();
        boolean idle;
        try {
            idle = ingest.awaitIdle(config.drainTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            log.warn("Drain timeout ({}) passed with {} request(s) still waiting; closing anyway",
                    config.drainTimeout(), ingest.inFlight());
        }
        transport.close(Duration.ofSeconds(5));
        if (tlsReload != null) {
            tlsReload.close();
        }
        access.close();
        backend.flushAndClose();
        log.info("Gateway stopped in {} ms; every accepted record was flushed",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}

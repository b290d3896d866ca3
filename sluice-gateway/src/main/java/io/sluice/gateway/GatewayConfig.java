package io.sluice.gateway;

import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.ingest.IngestSettings;
import io.sluice.gateway.ingest.ProducerSettings;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the gateway needs to run, already resolved (flags, environment, config file and defaults
 * are merged by the CLI before this is built). Immutable.
 *
 * @param bind              address to listen on
 * @param port              HTTP port; 0 picks a free one (see {@link Gateway#port()})
 * @param bootstrapServers  Kafka bootstrap servers
 * @param defaultTopic      topic for POSTs to any path other than /topics/{t}; empty disables (404)
 * @param topicAllowList    if non-empty, only these topics may be produced to
 * @param topicPattern      if non-null, only topics matching it may be produced to
 * @param delivery          when to answer (after ack, or once queued)
 * @param maxQueuedRecords  async delivery: the most records that may wait for Kafka (fewer while Kafka is slow);
 *                          beyond that, 503
 * @param maxBodySize       413 above this many body bytes (also when chunked)
 * @param maxHeaderSize     431 above this many bytes of request line + headers
 * @param maxConnections    connections beyond this are refused (closed at once)
 * @param idleTimeout       a keep-alive connection with no request in flight is closed after this
 * @param headerReadTimeout a request whose headers are not complete after this gets 408 and a close
 * @param bodyReadTimeout   a request whose body is not complete this long after its head gets 408 and a close
 * @param drainTimeout      on shutdown, how long in-flight requests may take to finish
 * @param io                network runtime
 * @param http              HTTP parsing style
 * @param ioThreads         event-loop threads for Netty transports
 * @param producerProperties Kafka producer properties, applied over Sluice's defaults
 * @param sink              where records go (Kafka, or nowhere for the HTTP-only benchmark baseline)
 * @param access            authentication, authorization, quotas and the principal header
 *                          ({@link AccessSettings#NONE}: everyone may write anything, as before)
 * @param tls               the TLS listener's certificate, key and client authentication; null: no TLS port
 * @param tlsPort           TLS port when {@code tls} is set; 0 picks a free one (see {@link Gateway#tlsPort()})
 * @param plaintext         whether the plaintext {@code port} is served (false needs {@code tls}: TLS only)
 * @param corsOrigins       origins whose pages may call the gateway (CORS), or {@code *}; empty: CORS off
 * @param traceHeaders      whether the W3C traceparent/tracestate request headers become record headers
 */
public record GatewayConfig(
        String bind,
        int port,
        String bootstrapServers,
        String defaultTopic,
        List<String> topicAllowList,
        Pattern topicPattern,
        DeliveryMode delivery,
        int maxQueuedRecords,
        int maxBodySize,
        int maxHeaderSize,
        int maxConnections,
        Duration idleTimeout,
        Duration headerReadTimeout,
        Duration bodyReadTimeout,
        Duration drainTimeout,
        IoMode io,
        HttpStyle http,
        int ioThreads,
        Map<String, String> producerProperties,
        SinkKind sink,
        AccessSettings access,
        TlsSettings tls,
        int tlsPort,
        boolean plaintext,
        List<String> corsOrigins,
        TraceHeaders traceHeaders) {

    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_TLS_PORT = 8443;
    public static final String DEFAULT_TOPIC = "events";
    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_SIZE = 16 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_QUEUED_RECORDS = 100_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

    public GatewayConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        defaultTopic = defaultTopic == null ? "" : defaultTopic;
        topicAllowList = List.copyOf(topicAllowList == null ? List.of() : topicAllowList);
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(http, "http");
        producerProperties = ProducerSettings.maskedWhenPrinted(producerProperties == null ? Map.of() : producerProperties);
        sink = sink == null ? SinkKind.KAFKA : sink;
        access = access == null ? AccessSettings.NONE : access;
        corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
        traceHeaders = traceHeaders == null ? TraceHeaders.ON : traceHeaders;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (tlsPort < 0 || tlsPort > 65535) {
            throw new IllegalArgumentException("--tls-port must be 0..65535, was " + tlsPort);
        }
        if (!plaintext && tls == null) {
            throw new IllegalArgumentException("the plaintext port is disabled (--port 0) and TLS is not configured "
                    + "(--tls-cert and --tls-key, or --tls-keystore): nothing to listen on");
        }
        if (maxBodySize <= 0 || maxHeaderSize <= 0 || maxConnections <= 0 || ioThreads <= 0) {
            throw new IllegalArgumentException("limits and thread counts must be positive");
        }
        if (maxQueuedRecords <= 0) {
            throw new IllegalArgumentException("--max-queued-records must be positive, was " + maxQueuedRecords);
        }
    }

    /** What ingest needs of this configuration, and no more. */
    public IngestSettings ingestSettings() {
        return new IngestSettings(bootstrapServers, defaultTopic, topicAllowList, topicPattern, delivery,
                producerProperties, maxQueuedRecords);
    }

    /** A builder holding Sluice's defaults; only {@code bootstrapServers} has none. */
    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private String bootstrapServers;
        private String defaultTopic = DEFAULT_TOPIC;
        private List<String> topicAllowList = List.of();
        private Pattern topicPattern;
        private DeliveryMode delivery = DeliveryMode.ACK;
        private int maxQueuedRecords = DEFAULT_MAX_QUEUED_RECORDS;
        private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration headerReadTimeout = DEFAULT_HEADER_READ_TIMEOUT;
        private Duration bodyReadTimeout = DEFAULT_BODY_READ_TIMEOUT;
        private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
        private IoMode io = IoMode.NIO;
        private HttpStyle http = HttpStyle.RAW;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private final Map<String, String> producerProperties = new LinkedHashMap<>();
        private SinkKind sink = SinkKind.KAFKA;
        private AccessSettings access = AccessSettings.NONE;
        private TlsSettings tls;
        private int tlsPort = DEFAULT_TLS_PORT;
        private boolean plaintext = true;
        private List<String> corsOrigins = List.of();
        private TraceHeaders traceHeaders = TraceHeaders.ON;

        private Builder(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public Builder bind(String v) { bind = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder bootstrapServers(String v) { bootstrapServers = v; return this; }
        public Builder defaultTopic(String v) { defaultTopic = v; return this; }
        public Builder topicAllowList(List<String> v) { topicAllowList = v; return this; }
        public Builder topicPattern(Pattern v) { topicPattern = v; return this; }
        public Builder delivery(DeliveryMode v) { delivery = v; return this; }
        public Builder maxQueuedRecords(int v) { maxQueuedRecords = v; return this; }
        public Builder maxBodySize(int v) { maxBodySize = v; return this; }
        public Builder maxHeaderSize(int v) { maxHeaderSize = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder headerReadTimeout(Duration v) { headerReadTimeout = v; return this; }
        public Builder bodyReadTimeout(Duration v) { bodyReadTimeout = v; return this; }
        public Builder drainTimeout(Duration v) { drainTimeout = v; return this; }
        public Builder io(IoMode v) { io = v; return this; }
        public Builder http(HttpStyle v) { http = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }
        public Builder producerProperty(String k, String v) { producerProperties.put(k, v); return this; }
        public Builder producerProperties(Map<String, String> v) { producerProperties.putAll(v); return this; }
        public Builder sink(SinkKind v) { sink = v; return this; }
        public Builder access(AccessSettings v) { access = v; return this; }
        public Builder tls(TlsSettings v) { tls = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        /** Whether the plaintext port is served; false (TLS only) needs {@link #tls}. */
        public Builder plaintext(boolean v) { plaintext = v; return this; }
        public Builder corsOrigins(List<String> v) { corsOrigins = v; return this; }
        public Builder traceHeaders(TraceHeaders v) { traceHeaders = v; return this; }

        public GatewayConfig build() {
            return new GatewayConfig(bind, port, bootstrapServers, defaultTopic, topicAllowList, topicPattern,
                    delivery, maxQueuedRecords, maxBodySize, maxHeaderSize, maxConnections, idleTimeout,
                    headerReadTimeout, bodyReadTimeout, drainTimeout, io, http, ioThreads, producerProperties, sink,
                    access, tls, tlsPort, plaintext, corsOrigins, traceHeaders);
        }
    }
}

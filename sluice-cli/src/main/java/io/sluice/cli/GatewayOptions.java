package io.sluice.cli;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.HttpStyle;
import io.sluice.gateway.IoMode;
import io.sluice.gateway.SinkKind;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import io.sluice.gateway.transport.tls.Secret;
import io.sluice.gateway.transport.tls.TlsProvider;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The HTTP gateway's options for {@code serve}; {@link #toConfig} turns them into a {@link GatewayConfig}. */
public final class GatewayOptions {

    /**
     * Splits {@code a=1,b=2} into entries, but not at commas inside a value
     * ({@code ssl.enabled.protocols=TLSv1.2,TLSv1.3} stays one entry): only a comma followed by {@code key=} splits.
     */
    static final String ENTRY_SPLIT = ",(?=[^,=]+=)";

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = GatewayConfig.DEFAULT_BIND,
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Plaintext HTTP port. With TLS configured, 0 disables plaintext (TLS only); without TLS, "
                    + "0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka to produce to. Default: none, which starts the embedded broker.")
    String bootstrapServers;

    @Option(names = "--topics", paramLabel = "TOPIC", split = ",", splitSynopsisLabel = ",",
            description = "Allow-list: only these topics may be produced to (comma-separated). Default: any.")
    List<String> topics;

    @Option(names = "--topic-pattern", paramLabel = "REGEX",
            description = "Only topics matching this regular expression may be produced to. Default: any.")
    Pattern topicPattern;

    @Option(names = "--sink", paramLabel = "kafka|none", defaultValue = "kafka",
            converter = ModeConverters.Sink.class,
            description = "Where records go: kafka, or none (acknowledge and discard: the HTTP-only benchmark "
                    + "baseline; needs no Kafka). Default: ${DEFAULT-VALUE}.")
    SinkKind sink;

    @Option(names = "--delivery", paramLabel = "ack|async", defaultValue = "ack",
            converter = ModeConverters.Delivery.class,
            description = "ack: answer 200 after Kafka acknowledged the records; async: answer 202 once they are "
                    + "queued in the producer. Default: ${DEFAULT-VALUE}.")
    DeliveryMode delivery;

    @Option(names = "--max-queued-records", paramLabel = "N", defaultValue = "100000",
            description = "async delivery: the most records that may wait for Kafka; fewer while Kafka is slow (a "
                    + "quarter of what it acknowledged over the last delivery.timeout.ms, at least a tenth of N), so "
                    + "that a 202 is delivered within the delivery timeout. Beyond it: 503 buffer_full + Retry-After. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxQueuedRecords;

    @Option(names = "--max-body-size", paramLabel = "SIZE", defaultValue = "1MiB", converter = ByteSize.Converter.class,
            description = "413 above this body size (e.g. 1048576, 512KiB, 1MiB, 10MB). Default: ${DEFAULT-VALUE}.")
    int maxBodySize;

    @Option(names = "--max-header-size", paramLabel = "SIZE", defaultValue = "16KiB", converter = ByteSize.Converter.class,
            description = "431 above this size of request line plus headers. Default: ${DEFAULT-VALUE}.")
    int maxHeaderSize;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "Connections beyond this are closed at once. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = HumanDuration.Converter.class,
            description = "Close a keep-alive connection idle this long (e.g. 500ms, 10s, 2m, PT1M). Default: ${DEFAULT-VALUE}.")
    Duration idleTimeout;

    @Option(names = "--header-read-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = HumanDuration.Converter.class,
            description = "408 and close when a request's headers are not complete after this. Default: ${DEFAULT-VALUE}.")
    Duration headerReadTimeout;

    @Option(names = "--body-read-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = HumanDuration.Converter.class,
            description = "408 and close when a request's body is not complete this long after its headers "
                    + "(slow senders). Default: ${DEFAULT-VALUE}.")
    Duration bodyReadTimeout;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = HumanDuration.Converter.class,
            description = "On shutdown, how long in-flight requests may take to finish. Default: ${DEFAULT-VALUE}.")
    Duration drainTimeout;

    @Option(names = "--io", paramLabel = "auto|nio|epoll|io_uring|virtual", defaultValue = "auto",
            converter = ModeConverters.Io.class,
            description = "Network runtime: Netty nio, epoll or io_uring, or JDK virtual threads (needs --http raw). "
                    + "auto = io_uring where the kernel allows it, else epoll, else nio. Default: ${DEFAULT-VALUE}.")
    IoMode io;

    @Option(names = "--http", paramLabel = "raw|codec", defaultValue = "raw", converter = ModeConverters.Http.class,
            description = "HTTP parsing: Netty's codec or Sluice's raw parser. Default: ${DEFAULT-VALUE}.")
    HttpStyle http;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Event-loop threads for the Netty runtimes. Default: ${DEFAULT-VALUE} (the number of cores).")
    int ioThreads;

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE", split = ENTRY_SPLIT, splitSynopsisLabel = ",",
            mapFallbackValue = "",
            description = "A Kafka producer property over Sluice's defaults; repeatable. Merged per key with "
                    + "SLUICE_PRODUCER_PROPERTY=k=v,k2=v2 and the config file's producer-property.<key>=<value> lines, "
                    + "this flag winning. Default: none.")
    Map<String, String> producerProperties;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "Properties file of Kafka producer properties; --producer-property wins over it. Default: none.")
    Path producerConfig;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "TLS: PEM certificate chain, leaf first (with --tls-key). Reloaded when it changes. "
                    + "Default: no TLS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "TLS: PEM private key of --tls-cert (PKCS#8, or PKCS#1 RSA / SEC1 EC), unencrypted.")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "TLS: PKCS#12 keystore with the key and its chain, instead of --tls-cert/--tls-key. Its "
                    + "password comes from --tls-keystore-password-file or the environment variable "
                    + TLS_KEYSTORE_PASSWORD_ENV + ", never from a flag.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "File whose first line is the --tls-keystore password.")
    Path tlsKeystorePasswordFile;

    @Option(names = "--tls-port", paramLabel = "PORT", defaultValue = "8443",
            description = "HTTPS port, served when TLS is configured (beside --port unless --port 0). "
                    + "Default: ${DEFAULT-VALUE}.")
    int tlsPort;

    @Option(names = "--tls-client-ca", paramLabel = "FILE",
            description = "mTLS: PEM certificates of the CAs client certificates must chain to. Default: none.")
    Path tlsClientCa;

    @Option(names = "--tls-client-auth", paramLabel = "none|optional|required", defaultValue = "none",
            converter = ModeConverters.TlsClientAuth.class,
            description = "mTLS: ask for a client certificate (optional) or insist (required); expired, not yet "
                    + "valid and unknown-CA certificates are refused at the handshake. Default: ${DEFAULT-VALUE}.")
    ClientAuth tlsClientAuth;

    @Option(names = "--tls-principal-from", paramLabel = "cn|san-dns|san-email|san-uri", defaultValue = "cn",
            converter = ModeConverters.TlsPrincipal.class,
            description = "mTLS: which name of the client certificate is the principal. Default: ${DEFAULT-VALUE}.")
    PrincipalSource tlsPrincipalFrom;

    @Option(names = "--tls-reload-interval", paramLabel = "DURATION", defaultValue = "10s",
            converter = HumanDuration.Converter.class,
            description = "How often the TLS files are checked for a change (rotation without restart); 0s: never. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration tlsReloadInterval;

    /** The environment variable that may hold the --tls-keystore password. */
    static final String TLS_KEYSTORE_PASSWORD_ENV = "SLUICE_TLS_KEYSTORE_PASSWORD";

    /** The TLS settings these options give, or null when no TLS option is set. */
    TlsSettings tlsSettings(Map<String, String> env) {
        if (tlsCert == null && tlsKey == null && tlsKeystore == null) {
            if (tlsClientCa != null || tlsClientAuth != ClientAuth.NONE || tlsKeystorePasswordFile != null) {
                throw new IllegalArgumentException("--tls-client-ca, --tls-client-auth and "
                        + "--tls-keystore-password-file need TLS: --tls-cert and --tls-key, or --tls-keystore");
            }
            return null;
        }
        String password = env.get(TLS_KEYSTORE_PASSWORD_ENV);
        Secret secret = tlsKeystore != null && tlsKeystorePasswordFile == null && password != null
                ? Secret.of(password) : null;
        return new TlsSettings(tlsCert, tlsKey, tlsKeystore, tlsKeystorePasswordFile, secret, tlsClientCa,
                tlsClientAuth, tlsPrincipalFrom, tlsReloadInterval, TlsProvider.AUTO);
    }

    /** A gateway configuration from these options, without TLS secrets from the environment. */
    GatewayConfig toConfig(String bootstrap, String defaultTopic, Map<String, String> effectiveProducerProperties) {
        return toConfig(bootstrap, defaultTopic, effectiveProducerProperties, Map.of());
    }

    /** A gateway configuration from these options; throws {@link IllegalArgumentException} for out-of-range values. */
    GatewayConfig toConfig(String bootstrap, String defaultTopic, Map<String, String> effectiveProducerProperties,
                           Map<String, String> env) {
        TlsSettings tls = tlsSettings(env);
        return GatewayConfig.builder(bootstrap)
                .bind(bind)
                .port(port)
                .plaintext(tls == null || port != 0) // --port 0 with TLS: TLS only
                .tls(tls)
                .tlsPort(tlsPort)
                .defaultTopic(defaultTopic)
                .topicAllowList(topics == null ? List.of() : topics)
                .topicPattern(topicPattern)
                .delivery(delivery)
                .maxQueuedRecords(maxQueuedRecords)
                .sink(sink)
                .maxBodySize(maxBodySize)
                .maxHeaderSize(maxHeaderSize)
                .maxConnections(maxConnections)
                .idleTimeout(idleTimeout)
                .headerReadTimeout(headerReadTimeout)
                .bodyReadTimeout(bodyReadTimeout)
                .drainTimeout(drainTimeout)
                .io(io)
                .http(http)
                .ioThreads(ioThreads)
                .producerProperties(effectiveProducerProperties)
                .build();
    }

    /** The --producer-property values given on the command line (empty when none). */
    Map<String, String> producerPropertyFlags() {
        return producerProperties == null ? Map.of() : new LinkedHashMap<>(producerProperties);
    }
}

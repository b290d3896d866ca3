package io.sluice.cli;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.HttpStyle;
import io.sluice.gateway.IoMode;
import io.sluice.gateway.SinkKind;
import io.sluice.gateway.TraceHeaders;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.AclAuthorizer;
import io.sluice.gateway.access.AuthMethod;
import io.sluice.gateway.access.JwtAuthenticator;
import io.sluice.gateway.access.PolicyFileException;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.access.QuotaLimits;
import io.sluice.gateway.access.TokenBucketQuotas;
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
                    + "this flag winning. Secrets (keys with password, secret, jaas, token, credential...) are refused "
                    + "here: use --producer-config FILE or the environment. Default: none.")
    Map<String, String> producerProperties;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "Properties file of Kafka producer properties, the place for secrets (SASL, TLS key store "
                    + "passwords); --producer-property wins over it. Default: none.")
    Path producerConfig;

    @Option(names = "--auth", paramLabel = "METHOD", split = ",", splitSynopsisLabel = ",",
            description = "Accepted authentication methods: api-key, jwt, basic, mtls (comma-separated). Default: the "
                    + "methods whose files are given (--api-keys, --jwt-jwks, --basic-users); none: no authentication.")
    List<String> auth;

    @Option(names = "--api-keys", paramLabel = "FILE",
            description = "API keys file (made by 'sluice keys create'; holds hashes only), re-read when it changes. "
                    + "Clients send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'. Default: none.")
    Path apiKeys;

    @Option(names = "--jwt-jwks", paramLabel = "FILE|URL",
            description = "JSON Web Key Set of the token issuer (RSA/EC keys), a file re-read when it changes or an "
                    + "http(s) URL refreshed in the background. Default: none.")
    String jwtJwks;

    @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "Required 'iss' of JWTs. Default: any.")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUD", description = "Required 'aud' of JWTs. Default: any.")
    String jwtAudience;

    @Option(names = "--jwt-principal-claim", paramLabel = "CLAIM", defaultValue = "sub",
            description = "JWT claim that names the principal. Default: ${DEFAULT-VALUE}.")
    String jwtPrincipalClaim;

    @Option(names = "--jwt-groups-claim", paramLabel = "CLAIM",
            description = "JWT claim with the principal's groups (a list, or a space-separated string). Default: none.")
    String jwtGroupsClaim;

    @Option(names = "--basic-users", paramLabel = "FILE",
            description = "HTTP Basic users file (lines from 'sluice keys hash-password'; PBKDF2 hashes only), "
                    + "re-read when it changes. Default: none.")
    Path basicUsers;

    @Option(names = "--auth-failure-limit", paramLabel = "N", defaultValue = "20",
            description = "Failed authentications per client address per minute before 429 + Retry-After. "
                    + "Default: ${DEFAULT-VALUE}.")
    int authFailureLimit;

    @Option(names = "--acl", paramLabel = "FILE",
            description = "Per-topic authorization rules (YAML; see the README's Security section), re-read when the "
                    + "file changes; anything no rule allows is denied. Default: none (any topic).")
    Path acl;

    @Option(names = "--quota", paramLabel = "SPEC",
            description = "Per-principal rate limit, e.g. requests=100/s,bytes=1MiB/s (either part optional); the "
                    + "ACL file's quotas section overrides it per principal or group. Over quota: 429 + Retry-After. "
                    + "Default: none.")
    String quota;

    @Option(names = "--principal-header", paramLabel = "NAME",
            description = "Record header that carries the authenticated principal; a client-sent "
                    + "Kafka-Header-NAME is dropped first. Default: none.")
    String principalHeader;

    @Option(names = "--cors-origins", paramLabel = "ORIGIN", split = ",", splitSynopsisLabel = ",",
            description = "Origins whose web pages may call the gateway (CORS), e.g. https://app.example.com "
                    + "(comma-separated), or * for any: preflights are answered and answers carry "
                    + "Access-Control-* headers. Default: none (CORS off).")
    List<String> corsOrigins;

    @Option(names = "--trace-headers", paramLabel = "on|off", defaultValue = "on", converter = ModeConverters.Trace.class,
            description = "Copy the W3C traceparent and tracestate request headers into every record's headers "
                    + "(a malformed traceparent is dropped). Default: ${DEFAULT-VALUE}.")
    TraceHeaders traceHeaders;

    @Option(names = "--metrics-principal-labels", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "Label 403 and 429 metrics by principal (one series per principal). Default: ${DEFAULT-VALUE}.")
    boolean metricsPrincipalLabels;

    /**
     * The access settings from these options, with the ACL read from {@code --acl} (a bad file throws
     * {@link IllegalArgumentException} naming its line) and the quotas of {@code --quota} and the ACL file.
     */
    AccessSettings accessSettings() {
        List<AuthMethod> methods = auth == null ? List.of()
                : auth.stream().filter(m -> !m.isBlank()).map(AuthMethod::parse).distinct().toList();
        AclAuthorizer rules = null;
        if (acl != null) {
            try {
                rules = AclAuthorizer.fromFile(acl);
            } catch (PolicyFileException e) {
                throw new IllegalArgumentException("--acl: " + e.getMessage(), e);
            }
        }
        QuotaLimits limits = quota == null || quota.isBlank() ? QuotaLimits.UNLIMITED : QuotaLimits.parse(quota);
        QuotaGate quotas = QuotaGate.UNLIMITED;
        if (rules != null || !limits.isUnlimited()) {
            AclAuthorizer r = rules;
            quotas = new TokenBucketQuotas(limits, r == null ? List::of : r::quotaOverrides, System::nanoTime);
        }
        return new AccessSettings(methods, apiKeys, jwtJwks == null || jwtJwks.isBlank() ? null : jwtJwks,
                new JwtAuthenticator.Settings(jwtIssuer, jwtAudience, jwtPrincipalClaim, jwtGroupsClaim, null),
                basicUsers, principalHeader, metricsPrincipalLabels, rules, quotas, authFailureLimit, null);
    }

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
                .access(accessSettings())
                .corsOrigins(corsOrigins == null ? List.of() : corsOrigins)
                .traceHeaders(traceHeaders)
                .build();
    }

    /** The --producer-property values given on the command line (empty when none). */
    Map<String, String> producerPropertyFlags() {
        return producerProperties == null ? Map.of() : new LinkedHashMap<>(producerProperties);
    }
}

package io.sluice.cli;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.ingest.ProducerSettings;
import java.util.OptionalLong;
import org.slf4j.Logger;

/**
 * What {@code serve} logs once the gateway listens: the effective configuration (secrets masked), the
 * runtime, the open-files limit, where Kafka is, and how to send a first request.
 *
 * @param config         the configuration the gateway runs with
 * @param boundPort      the port actually bound
 * @param kafka          where Kafka is, in words (see {@link #embeddedKafka} and {@link #externalKafka})
 * @param openFilesLimit the soft open-files limit, if known
 */
record StartupReport(GatewayConfig config, int boundPort, String kafka, OptionalLong openFilesLimit) {

    static String embeddedKafka(String bootstrap, java.nio.file.Path dataDir) {
        return "embedded broker at " + bootstrap + ", data in " + dataDir.toAbsolutePath().normalize();
    }

    static String externalKafka(String bootstrap) {
        return "external, bootstrap servers " + bootstrap;
    }

    String configuration() {
        GatewayConfig c = config;
        return "configuration: default-topic=" + (c.defaultTopic().isEmpty() ? "(disabled)" : c.defaultTopic())
                + " topics=" + (c.topicAllowList().isEmpty() ? "(any)" : String.join(",", c.topicAllowList()))
                + " topic-pattern=" + (c.topicPattern() == null ? "(any)" : c.topicPattern().pattern())
                + " delivery=" + c.delivery().cliName()
                + (c.delivery() == DeliveryMode.ASYNC ? " max-queued-records=" + c.maxQueuedRecords() : "")
                + " max-body-size=" + c.maxBodySize() + " max-header-size=" + c.maxHeaderSize()
                + " max-connections=" + c.maxConnections()
                + " idle-timeout=" + c.idleTimeout() + " header-read-timeout=" + c.headerReadTimeout()
                + " body-read-timeout=" + c.bodyReadTimeout()
                + " drain-timeout=" + c.drainTimeout()
                + " cors-origins=" + (c.corsOrigins().isEmpty() ? "(off)" : String.join(",", c.corsOrigins()))
                + " trace-headers=" + c.traceHeaders().cliName();
    }

    /** Authentication methods, ACL rule count, principal header: names and counts, never a key or secret. */
    String access() {
        var a = config.access();
        var methods = a.effectiveMethods();
        return "access: auth=" + (methods.isEmpty() ? "(none: every request is anonymous)"
                : String.join(",", methods.stream().map(io.sluice.gateway.access.AuthMethod::cliName).toList()))
                + (a.aclRules() >= 0 ? " acl-rules=" + a.aclRules() : " acl=(none: any topic)")
                + (a.quotas() != io.sluice.gateway.access.QuotaGate.UNLIMITED ? " quotas=(" + a.quotas() + ")" : "")
                + (a.principalHeader() != null ? " principal-header=" + a.principalHeader() : "");
    }

    String producer() {
        return "producer: " + ProducerSettings.masked(
                ProducerSettings.effective(config.bootstrapServers(), config.delivery(), config.producerProperties()));
    }

    String runtime() {
        return "runtime: io=" + config.io().cliName() + " http=" + config.http().cliName()
                + " io-threads=" + config.ioThreads() + " java=" + Runtime.version();
    }

    String openFiles() {
        return openFilesLimit.isPresent()
                ? "open-files limit: " + (openFilesLimit.getAsLong() == Long.MAX_VALUE ? "unlimited" : openFilesLimit.getAsLong())
                : "open-files limit: unknown (no /proc/self/limits)";
    }

    /** The TLS listener line: port, provider, client authentication; null without TLS. */
    static String tls(GatewayConfig config, int tlsPort, String provider) {
        if (config.tls() == null) {
            return null;
        }
        return "listening for TLS on https://" + config.bind() + ":" + tlsPort + " with " + provider
                + " ; client certificates: " + config.tls().clientAuth().name().toLowerCase(java.util.Locale.ROOT)
                + (config.plaintext() ? "" : " ; plaintext disabled (--port 0)");
    }

    String listening() {
        if (boundPort < 0) {
            return "plaintext HTTP disabled (--port 0): TLS only";
        }
        String host = "0.0.0.0".equals(config.bind()) || "::".equals(config.bind()) ? "127.0.0.1" : config.bind();
        String topic = !config.defaultTopic().isEmpty() ? config.defaultTopic()
                : config.topicAllowList().isEmpty() ? "my-topic" : config.topicAllowList().get(0);
        return "listening on http://" + config.bind() + ":" + boundPort + " ; try: curl -i -X POST -H 'Content-Type: "
                + "application/json' --data-binary '{\"hello\":\"world\"}' http://" + host + ":" + boundPort
                + "/topics/" + topic;
    }

    void logTo(Logger log) {
        log.info(configuration());
        log.info(access());
        log.info(producer());
        log.info(runtime());
        log.info(openFiles());
        openFilesLimit.stream().mapToObj(OpenFilesLimit::warning).flatMap(java.util.Optional::stream).forEach(log::warn);
        log.info("kafka: {}", kafka);
        log.info(listening());
    }
}

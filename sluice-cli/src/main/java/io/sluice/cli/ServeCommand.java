package io.sluice.cli;

import io.sluice.cli.EmbeddedBrokerLauncher.RunningBroker;
import io.sluice.cli.GatewayLauncher.RunningGateway;
import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.SinkKind;
import io.sluice.gateway.ingest.ProducerSettings;
import io.sluice.gateway.transport.ListenFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice serve}: starts the embedded broker unless {@code --bootstrap-servers} is given, then the
 * gateway; blocks until SIGTERM/SIGINT, then drains the gateway, stops the broker and returns 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "Run the HTTP-to-Kafka gateway (with an embedded Kafka broker unless --bootstrap-servers is given).",
        footerHeading = "%nWhere values come from:%n",
        footer = {
            "  Each option: flag > environment variable > --config file > default.",
            "  Environment variable: SLUICE_ + the long option name upper-cased, dashes",
            "  as underscores: SLUICE_PORT=8081, SLUICE_BOOTSTRAP_SERVERS=kafka:9092,",
            "  SLUICE_MAX_BODY_SIZE=10MB, SLUICE_CONFIG=/etc/sluice.properties.",
            "  Config file (Java properties): the long option name without the dashes is",
            "  the key: port=8081, delivery=async, idle-timeout=2m, topics=a,b.",
            "  Producer properties merge per key, later winning: --producer-config file,",
            "  config-file lines producer-property.<key>=<value>, e.g.",
            "  producer-property.linger.ms=10, then SLUICE_PRODUCER_PROPERTY=linger.ms=10,",
            "  acks=all (comma-separated), then --producer-property flags.",
            "  Secrets (passwords, sasl.jaas.config, OAuth client secrets) are refused as",
            "  --producer-property flags: put them in the --producer-config file or the",
            "  environment, never on a command line that ps shows.",
            "  Sizes: 1048576, 512KiB, 1MiB, 10MB. Durations: 500ms, 10s, 2m, 1h, PT30S.",
            "  TLS: --tls-cert/--tls-key (or --tls-keystore) add an HTTPS port (--tls-port)",
            "  beside the plaintext one; --port 0 then serves TLS only. The keystore",
            "  password is read from --tls-keystore-password-file or",
            "  SLUICE_TLS_KEYSTORE_PASSWORD, never from a flag, and never logged.",
            "",
            "Exit codes: 0 stopped cleanly, 1 failed at run time, 2 invalid options."
        })
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    GatewayOptions gateway;

    @Mixin
    BrokerOptions broker;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean noKafka = gateway.sink == SinkKind.NONE;
        boolean embedded = !noKafka && (gateway.bootstrapServers == null || gateway.bootstrapServers.isBlank());
        Map<String, String> producerProperties = producerProperties();
        validate(embedded || noKafka ? "127.0.0.1:" + broker.brokerPort : gateway.bootstrapServers,
                producerProperties);

        Teardown teardown = new Teardown();
        try {
            String bootstrap;
            String kafka;
            if (noKafka) {
                bootstrap = "(none)";
                kafka = "none (--sink none: records are acknowledged and discarded)";
            } else if (embedded) {
                RunningBroker running = startBroker();
                teardown.add("embedded Kafka broker", running);
                bootstrap = running.bootstrapServers();
                kafka = StartupReport.embeddedKafka(bootstrap, broker.kafkaDataDir());
            } else {
                bootstrap = gateway.bootstrapServers;
                kafka = StartupReport.externalKafka(bootstrap);
            }
            GatewayConfig config = gateway.toConfig(bootstrap, broker.defaultTopic, producerProperties, context.env());
            RunningGateway running = startGateway(config);
            teardown.add("gateway (draining up to " + config.drainTimeout() + ")", running);
            new StartupReport(config, running.port(), kafka, OpenFilesLimit.read(context.procLimits())).logTo(log);
            String tls = StartupReport.tls(config, running.tlsPort(), running.tlsProvider());
            if (tls != null) {
                log.info(tls);
            }
            context.stop().await(teardown);
        } finally {
            teardown.run();
        }
        log.info("stopped");
        return 0;
    }

    private void validate(String bootstrap, Map<String, String> producerProperties) {
        try {
            gateway.toConfig(bootstrap, broker.defaultTopic, producerProperties, context.env());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage());
        }
    }

    /** --producer-config file, then the config file and environment entries, then the flags (which win). */
    private Map<String, String> producerProperties() {
        Map<String, String> merged = new LinkedHashMap<>();
        if (gateway.producerConfig != null) {
            merged.putAll(PropertiesFile.read(gateway.producerConfig, "--producer-config"));
        }
        if (spec.commandLine().getDefaultValueProvider() instanceof LayeredDefaults layers) {
            merged.putAll(layers.mapLayers("producer-property"));
        }
        Map<String, String> flags = gateway.producerPropertyFlags();
        refuseSecrets(flags);
        merged.putAll(flags);
        return merged;
    }

    /** A flag's value is visible to every user of the machine ({@code ps}, /proc, shell history): no secrets there. */
    private void refuseSecrets(Map<String, String> flags) {
        List<String> secret = flags.keySet().stream().filter(ProducerSettings::isSecret).sorted().toList();
        if (!secret.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--producer-property " + String.join(", ", secret)
                    + ": a secret must not be given as a command-line value, which every user of the machine can "
                    + "read (ps, /proc, shell history); put it in a properties file readable only by the gateway "
                    + "and pass --producer-config FILE, or set it in the environment: SLUICE_PRODUCER_PROPERTY="
                    + secret.get(0) + "=...");
        }
    }

    private RunningBroker startBroker() {
        log.info("starting the embedded Kafka broker on 127.0.0.1:{} (data in {})",
                broker.brokerPort, broker.kafkaDataDir().toAbsolutePath().normalize());
        return broker.start(context.brokers(), ", or use an existing Kafka with --bootstrap-servers");
    }

    private RunningGateway startGateway(GatewayConfig config) {
        try {
            return context.gateways().start(config);
        } catch (ListenFailedException e) {
            throw new CliException(e.getMessage(), e); // already in the operator's words
        } catch (IllegalArgumentException e) {
            // e.g. a bad TLS file: the message names the option, the file and the reason (never a secret)
            throw new CliException("the gateway failed to start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CliException("the gateway failed to start: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}

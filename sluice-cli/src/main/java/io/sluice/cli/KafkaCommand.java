package io.sluice.cli;

import io.sluice.cli.EmbeddedBrokerLauncher.RunningBroker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice kafka}: runs only the embedded Kafka broker in the foreground until SIGTERM/SIGINT. */
@Command(name = "kafka", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "Run only the embedded single-node Kafka broker, in the foreground, and print its bootstrap address.",
        footerHeading = "%nWhere values come from:%n",
        footer = {
            "  Each option: flag > environment variable > --config file > default.",
            "  Environment variable: SLUICE_ + the long option name upper-cased, dashes",
            "  as underscores: SLUICE_BROKER_PORT=19092, SLUICE_CONFIG=/etc/sluice.properties.",
            "  Config file (Java properties): the long option name without the dashes is",
            "  the key: broker-port=19092.",
            "",
            "Exit codes: 0 stopped cleanly, 1 failed at run time, 2 invalid options."
        })
public final class KafkaCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    KafkaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Teardown teardown = new Teardown();
        try {
            RunningBroker running = broker.start(context.brokers(), "");
            teardown.add("embedded Kafka broker", running);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Kafka is running. bootstrap.servers=" + running.bootstrapServers());
            out.println("Data: " + broker.kafkaDataDir().toAbsolutePath().normalize()
                    + (broker.defaultTopic.isEmpty() ? "" : "; topic '" + broker.defaultTopic + "' has "
                    + BrokerOptions.DEFAULT_TOPIC_PARTITIONS + " partitions") + ". Stop with Ctrl-C or SIGTERM.");
            out.flush();
            context.stop().await(teardown);
        } finally {
            teardown.run();
        }
        return 0;
    }
}

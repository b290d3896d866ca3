package io.sluice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command, {@code sluice}: only dispatches to its subcommands. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sluice: a high-throughput HTTP-to-Kafka gateway.",
        subcommands = {ServeCommand.class, KafkaCommand.class, KeysCommand.class, BenchCommand.class, SoakCommand.class,
                HelpCommand.class},
        footer = {"", "Run 'sluice <command> --help' for a command's options."})
public final class SluiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: use 'sluice serve' or 'sluice kafka'");
    }
}

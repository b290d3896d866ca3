package io.sluice.cli;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Assembles the {@code sluice} command line: commands with their context, value layering, error reporting. */
public final class SluiceCli {

    private SluiceCli() {
    }

    /** A ready-to-{@code execute} command line; nothing in it calls {@code System.exit}. */
    public static CommandLine create(CliContext context) {
        CommandLine cli = new CommandLine(new SluiceCommand(), factory(context));
        ErrorReporter errors = new ErrorReporter();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);

        Set<String> knownKeys = new HashSet<>();
        cli.getSubcommands().values().forEach(sub ->
                sub.getCommandSpec().options().forEach(o -> knownKeys.add(LayeredDefaults.key(o))));
        Map<String, String> computed = Map.of("io-threads", String.valueOf(context.cores()));
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--config") != null) {
                sub.setDefaultValueProvider(new LayeredDefaults(sub, context.env(), knownKeys, computed));
            }
        }
        return cli;
    }

    private static IFactory factory(CliContext context) {
        IFactory fallback = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(context));
                }
                if (type == KafkaCommand.class) {
                    return type.cast(new KafkaCommand(context));
                }
                return fallback.create(type);
            }
        };
    }
}

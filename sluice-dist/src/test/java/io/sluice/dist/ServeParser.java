package io.sluice.dist;

import io.sluice.cli.CliContext;
import io.sluice.cli.SluiceCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a deployment's arguments and environment through the real {@code sluice} command line, parse only:
 * nothing is started (the broker and gateway launchers refuse). Values from the environment go through the
 * same layering as in production (flag > SLUICE_* > config file > default).
 */
final class ServeParser {

    /** Variables bin/sluice itself reads; they are no {@code serve} option. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("SLUICE_JAVA_OPTS", "SLUICE_LOG_LEVEL", "SLUICE_RUNTIME");

    private final CommandSpec serve;

    private ServeParser(CommandSpec serve) {
        this.serve = serve;
    }

    /** Parses {@code args} (which must start with "serve") under {@code env}; throws picocli's ParameterException. */
    static ServeParser parse(List<String> args, Map<String, String> env) {
        CommandLine cli = SluiceCli.create(new CliContext(env, (dir, port, topics) -> {
            throw new AssertionError("parse only: no broker");
        }, config -> {
            throw new AssertionError("parse only: no gateway");
        }, cleanup -> { }, 2, Path.of("/nonexistent/limits")));
        ParseResult result = cli.parseArgs(args.toArray(String[]::new));
        if (!result.hasSubcommand() || !result.subcommand().commandSpec().name().equals("serve")) {
            throw new AssertionError("not a serve command line: " + args);
        }
        return new ServeParser(result.subcommand().commandSpec());
    }

    /** The SLUICE_* variables {@code serve} reads: SLUICE_ + long option name upper-cased, dashes as underscores. */
    static Set<String> optionVariables() {
        return parse(List.of("serve"), Map.of()).serve.options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(o -> "SLUICE_" + o.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_'))
                .collect(Collectors.toSet());
    }

    <T> T value(String option) {
        return serve.findOption(option).getValue();
    }

    int port() {
        return value("--port");
    }

    Duration drainTimeout() {
        return value("--drain-timeout");
    }

    String bootstrapServers() {
        return value("--bootstrap-servers");
    }
}

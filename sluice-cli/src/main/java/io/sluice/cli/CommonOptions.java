package io.sluice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command has: where a config file is, and whether errors show stack traces. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with option values (keys are long option names without the dashes, "
                    + "e.g. port=8081). Environment: SLUICE_CONFIG.")
    Path config;

    @Option(names = {"-v", "--verbose"},
            description = "Print stack traces with errors.")
    boolean verbose;
}

package io.sluice.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that pass JVM and {@code sluice serve} arguments through to the gateway a harness command
 * ({@code bench}, {@code soak}) starts: a picocli mixin. Filled by picocli before the command runs.
 */
final class GatewayPassthrough {
    @Option(names = "--gateway-jvm-arg", paramLabel = "ARG", description = "Extra JVM option for the gateway "
            + "under test (repeatable).")
    List<String> jvmArgs;

    @Option(names = "--gateway-arg", paramLabel = "ARG", description = "Extra `sluice serve` option for the "
            + "gateway under test (repeatable), e.g. --gateway-arg=--producer-property=linger.ms=0.")
    List<String> serveArgs;

    List<String> jvmArgs() {
        return jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    List<String> serveArgs() {
        return serveArgs == null ? List.of() : List.copyOf(serveArgs);
    }
}

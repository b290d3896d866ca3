package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.run.CellSpec;
import io.sluice.bench.run.Matrix;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTlsOptionTest {

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldAddTlsTwinsToTheMatrixWithTls() {
        var options = parsed("--quick", "--tls").options();

        assertThat(options.tls()).isTrue();
        assertThat(Matrix.of(options)).anyMatch(CellSpec::isTls)
                .anyMatch(c -> c.id().endsWith("/keepalive/kafka/34B/c64/tls"))
                .anyMatch(c -> c.id().endsWith("/burst/kafka/34B/c1000/tls-full"));
    }

    @Test
    void shouldRunPlaintextOnlyWithoutTls() {
        assertThat(Matrix.of(parsed("--quick").options())).noneMatch(CellSpec::isTls);
    }

    @Test
    void shouldNotAddTlsCellsForAnExternalTarget() {
        assertThat(parsed("--tls", "--target-url", "http://127.0.0.1:9/x").options().tls()).isFalse();
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.run.CellSpec;
import io.sluice.bench.run.Matrix;
import io.sluice.loadgen.BodyFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFormatOptionTest {

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldRunRawOneRecordPerRequestByDefault() {
        var options = parsed("--quick").options();

        assertThat(options.formats()).containsExactly(BodyFormat.RAW);
        assertThat(options.batch()).isEqualTo(1);
        assertThat(Matrix.of(options)).allMatch(c -> c.format() == BodyFormat.RAW && c.batch() == 1)
                .anyMatch(c -> c.id().equals(BenchCommand.resolveIo("auto") + "/raw/async/keepalive/kafka/34B/c64"));
    }

    @Test
    void shouldRunEachFormatBackToBackWithTheBatchForTheBatchingOnes() {
        var options = parsed("--quick", "--scenario", "keepalive", "--delivery", "ack", "--no-baselines",
                "--format", "raw,ndjson,v2-json", "--batch", "10").options();

        List<CellSpec> cells = Matrix.of(options);

        String io = BenchCommand.resolveIo("auto");
        assertThat(cells).extracting(CellSpec::id).containsExactly(
                io + "/raw/ack/keepalive/kafka/34B/c64",
                io + "/raw/ack/keepalive/kafka/34B/c64/ndjson/b10",
                io + "/raw/ack/keepalive/kafka/34B/c64/v2-json/b10");
        assertThat(cells).extracting(CellSpec::batch).containsExactly(1, 10, 10);
    }

    @Test
    void shouldRefuseAnUnknownFormatAndABatchBelowOne() {
        assertThatThrownBy(() -> parsed("--format", "avro")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("avro");
        assertThatThrownBy(() -> parsed("--batch", "0").options()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--batch must be between 1 and 100000");
    }
}

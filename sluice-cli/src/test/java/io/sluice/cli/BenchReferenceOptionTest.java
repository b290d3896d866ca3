package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.run.CellSpec;
import io.sluice.bench.run.Matrix;
import io.sluice.gateway.transport.NettyTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice bench --reference, --connections N,M, --rounds N}, and what --quick benches. */
class BenchReferenceOptionTest {
    @TempDir
    Path dir;

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private Path executable() throws IOException {
        Path run = dir.resolve("run.sh");
        Files.writeString(run, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        return run;
    }

    @Test
    void shouldTakeTheDocumentedComparisonLine() throws IOException {
        var options = parsed("--reference", executable().toString(), "--io", "io_uring", "--http", "raw",
                "--delivery", "async,ack", "--scenario", "keepalive,burst", "--connections", "64,1000", "--rounds",
                "3", "--warmup", "15s", "--duration", "10s", "--no-baselines").options();

        assertThat(options.reference()).isEqualTo(dir.resolve("run.sh"));
        assertThat(options.connections()).containsExactly(64, 1000);
        assertThat(options.rounds()).isEqualTo(3);
        List<CellSpec> cells = Matrix.of(options);
        assertThat(cells).filteredOn(CellSpec::isReference).extracting(CellSpec::id).containsExactly(
                "reference/-/-/keepalive/kafka/34B/c64", "reference/-/-/keepalive/kafka/34B/c1000",
                "reference/-/-/burst/kafka/34B/c1000");
        assertThat(cells).hasSize(9);
    }

    @Test
    void shouldDefaultToOneRoundOf64ConnectionsWithoutTheReference() {
        var options = parsed().options();

        assertThat(options.connections()).containsExactly(64);
        assertThat(options.rounds()).isEqualTo(1);
        assertThat(options.reference()).isNull();
        assertThat(Matrix.of(options)).noneMatch(CellSpec::isReference);
    }

    @Test
    void shouldRefuseAReferenceThatIsNotAnExecutable() {
        assertThatThrownBy(() -> parsed("--reference", dir.resolve("missing.sh").toString()).options())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("is not an executable file").hasMessageContaining("scripts/reference-build");
    }

    @Test
    void shouldRefuseTheReferenceWithATargetUrl() throws IOException {
        String run = executable().toString();

        assertThatThrownBy(() -> parsed("--reference", run, "--target-url", "http://127.0.0.1:9/x").options())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--reference and --target-url do not go together");
    }

    @Test
    void shouldRefuseZeroRoundsAndZeroConnections() {
        assertThatThrownBy(() -> parsed("--rounds", "0").options()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--rounds must be at least 1");
        assertThatThrownBy(() -> parsed("--connections", "64,0").options())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--connections");
        assertThatThrownBy(() -> parsed("--connections", "64,many"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("many");
    }

    @Test
    void shouldBenchWhatServeRunsByDefaultWithQuick() {
        String preferred = NettyTransport.preferredIo().cliName();

        assertThat(parsed("--quick").options().runtimes()).containsExactly(preferred);
        assertThat(parsed("--io", "auto,epoll").options().runtimes())
                .containsExactlyElementsOf(java.util.stream.Stream.of(preferred, "epoll").distinct().toList());
    }

    @Test
    void shouldDescribeQuickAsServesDefaultRuntimeInTheHelp() {
        String help = new CommandLine(new BenchCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("--quick (about 2 minutes): --io auto").doesNotContain("--io epoll --http raw")
                .contains("--reference").contains("--rounds").contains("64,1000");
    }
}

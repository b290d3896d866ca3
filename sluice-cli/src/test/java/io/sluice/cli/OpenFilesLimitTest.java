package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFilesLimitTest {

    @TempDir
    Path dir;

    private Path limits(String openFilesLine) throws IOException {
        Path file = dir.resolve("limits");
        Files.writeString(file, """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             63704                63704                processes
                %s
                Max locked memory         8388608              8388608              bytes
                """.formatted(openFilesLine));
        return file;
    }

    @Test
    void shouldReadSoftLimitFromProcLimits() throws IOException {
        assertThat(OpenFilesLimit.read(limits("Max open files            1024                 524288               files")))
                .hasValue(1024);
    }

    @Test
    void shouldReadUnlimitedAsMaxValue() throws IOException {
        assertThat(OpenFilesLimit.read(limits("Max open files            unlimited            unlimited            files")))
                .hasValue(Long.MAX_VALUE);
    }

    @Test
    void shouldBeEmptyWhenFileIsMissing() {
        assertThat(OpenFilesLimit.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void shouldWarnWithUlimitHintBelow65536() {
        assertThat(OpenFilesLimit.warning(1024)).hasValueSatisfying(w -> assertThat(w).contains("1024").contains("ulimit -n"));
        assertThat(OpenFilesLimit.warning(65_536)).isEmpty();
    }
}

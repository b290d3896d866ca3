package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives BrokerMain as a plain child process, the way a parent that is not BrokerProcess would. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BrokerMainTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldPrintReadyLineThenExitWhenStdinCloses() throws Exception {
        int port = FreePorts.pick("127.0.0.1");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-Xmx128m"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--exit-on-stdin-eof"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> readyLine = CompletableFuture.supplyAsync(() -> firstReadyLine(out));

            assertThat(readyLine.get(60, TimeUnit.SECONDS)).isEqualTo("SLUICE-BROKER-READY 127.0.0.1:" + port);

            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after stdin EOF").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String firstReadyLine(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(BrokerMain.READY_PREFIX)) {
                    return line;
                }
            }
            return "(output ended without a ready line)";
        } catch (java.io.IOException e) {
            return "(output failed: " + e + ")";
        }
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HaproxyConfigTest {
    @TempDir
    Path dir;

    private final HaproxyConfig config = new HaproxyConfig(18080, List.of(18081, 18082, 18083), Duration.ofMillis(500),
            Path.of("/tmp/sluice-haproxy-test/stats.sock"));

    @Test
    void shouldSendClientsToEveryGatewayHealthCheckedOnReadyz() {
        String cfg = config.render();

        assertThat(cfg).contains("bind 127.0.0.1:18080\n")
                .contains("    stats socket /tmp/sluice-haproxy-test/stats.sock mode 600 level operator\n")
                .contains("    server gw1 127.0.0.1:18081 check\n")
                .contains("    server gw2 127.0.0.1:18082 check\n")
                .contains("    server gw3 127.0.0.1:18083 check\n")
                .contains("option httpchk GET /readyz\n").contains("timeout check 2s\n")
                .contains("http-check expect status 200\n")
                .contains("default-server inter 500ms fastinter 500ms downinter 500ms fall 2 rise 2 slowstart 3s\n");
    }

    @Test
    void shouldRetryElsewhereOnlyWhatNoGatewayProduced() {
        String cfg = config.render();

        assertThat(cfg).contains("    retries 3\n").contains("    option redispatch 1\n")
                .contains("    retry-on conn-failure empty-response 503\n")
                .contains("    http-reuse safe\n").contains("    timeout http-keep-alive 60s\n");
        assertThat(cfg).as("a 502 or 504 (a record that may be in Kafka) is never retried")
                .doesNotContain("502").doesNotContain("504").doesNotContain("all-retryable-errors")
                .doesNotContain("response-timeout");
    }

    @Test
    void shouldRefuseAnEmptyPoolAndAHealthCheckTooFrequent() {
        assertThatThrownBy(() -> new HaproxyConfig(1, List.of(), Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one gateway");
        assertThatThrownBy(() -> new HaproxyConfig(1, List.of(2), Duration.ofMillis(10), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100 ms");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldBeAcceptedByHaproxyItselfWhenItIsInstalled() throws Exception {
        assumeTrue(HaproxyProcess.binary().isPresent(), "haproxy is not installed");
        Path file = dir.resolve("haproxy.cfg");
        HaproxyConfig withSocket = new HaproxyConfig(18080, List.of(18081, 18082, 18083), Duration.ofMillis(500),
                dir.resolve("stats.sock"));
        Files.writeString(file, withSocket.render(), StandardCharsets.UTF_8);

        Process check = new ProcessBuilder(HaproxyProcess.binary().get().toString(), "-c", "-f", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).as("no warning either").doesNotContainIgnoringCase("warning");
    }
}

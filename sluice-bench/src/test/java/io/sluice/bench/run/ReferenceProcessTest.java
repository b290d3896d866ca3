package io.sluice.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.kafka.embedded.FreePorts;
import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.LoadGenerator;
import io.sluice.loadgen.LoadResult;
import io.sluice.loadgen.LoadSpec;
import io.sluice.loadgen.ProgressListener;
import io.sluice.loadgen.Scenario;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference design's lifecycle with a stand-in ({@link FakeReference} behind a launcher script, started as
 * {@code PATH PORT BOOTSTRAP TOPIC}, like run.sh): waiting for its port, its CPU, stopping it and its children,
 * and clear errors when it does not come up.
 */
@Timeout(60)
class ReferenceProcessTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    static Path shared;
    /** One stand-in for the tests that only use it (each start is a JVM start). */
    private static ReferenceProcess running;

    @TempDir
    Path dir;

    @BeforeAll
    static void startOne() throws Exception {
        running = ReferenceProcess.start(launcher(shared), FreePorts.pick("127.0.0.1"), "127.0.0.1:9",
                ReferenceProcess.TOPIC, shared.resolve("reference.log"), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopIt() {
        if (running != null) {
            running.close();
        }
    }

    /** A launcher that keeps the server as its child (no exec), the harder case for CPU and stopping. */
    private static Path launcher(Path dir) throws IOException {
        return script(dir, "launcher.sh", "'" + JAVA + "' -cp '" + System.getProperty("java.class.path") + "' "
                + FakeReference.class.getName() + " \"$@\" &\nwait\n");
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ReferenceProcess start(Path executable, Duration timeout) throws Exception {
        return ReferenceProcess.start(executable, FreePorts.pick("127.0.0.1"), "127.0.0.1:9", ReferenceProcess.TOPIC,
                dir.resolve("reference.log"), timeout);
    }

    @Test
    void shouldStartItWithPortBootstrapAndTopicAndWaitUntilItListens() throws Exception {
        assertThat(postOnce(running.port())).startsWith("HTTP/1.1 200").endsWith("Payload received");
        assertThat(running.whyNotRunning()).isNull();
        assertThat(Files.readString(running.log())).contains("listening on " + running.port(),
                "producing to reference-bench at 127.0.0.1:9");
    }

    /** One POST, read until the answer's body: the reference keeps the connection open, so no read to the end. */
    private static String postOnce(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /payload HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n"
                    + "{\"data\":\"x\"}").getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[256];
            while (!answer.toString().endsWith("Payload received")) {
                int n = s.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
            return answer.toString();
        }
    }

    @Test
    void shouldCountTheCpuOfTheChildALauncherDidNotExec() {
        double launcherAlone = ProcessCpu.seconds(running.pid());

        assertThat(running.cpuSeconds()).isGreaterThan(launcherAlone); // the child JVM's start-up alone
    }

    @Test
    void shouldStopTheLauncherAndItsChildren() throws Exception {
        ReferenceProcess reference = start(launcher(dir), Duration.ofSeconds(30));
        List<ProcessHandle> children = ProcessHandle.of(reference.pid()).orElseThrow().descendants().toList();
        assertThat(children).isNotEmpty();

        reference.stop(Duration.ofSeconds(10));

        assertThat(reference.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(FreePorts.isFree("127.0.0.1", reference.port())).isTrue();
    }

    @Test
    void shouldServeABurstAlthoughItNeverClosesAConnection() {
        LoadSpec burst = new LoadSpec(Scenario.BURST, BodyFormat.RAW.template("127.0.0.1", running.port(),
                ReferenceProcess.PATH, 1, 34), 50, 0, Duration.ofMillis(300), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(5));

        LoadResult load = LoadGenerator.builder().build().execute(burst, ProgressListener.NONE);

        assertThat(load.successes()).isPositive();
        assertThat(load.errors().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @Test
    void shouldSayClearlyWhenItExitsAtOnce() throws Exception {
        Path broken = script(dir, "broken.sh", "echo \"seed-tokio: AddrInUse\" >&2\nexit 3\n");

        assertThatThrownBy(() -> start(broken, Duration.ofSeconds(30))).isInstanceOf(ReferenceProcess.NotStarted.class)
                .hasMessageContaining("exited with 3 before it listened")
                .hasMessageContaining("AddrInUse")
                .hasMessageContaining("reference.log");
    }

    @Test
    void shouldSayClearlyWhenItNeverListensAndStopIt() throws Exception {
        Path silent = script(dir, "silent.sh", "echo $$ > '" + dir.resolve("pid") + "'\nexec sleep 60\n");

        assertThatThrownBy(() -> start(silent, Duration.ofMillis(1500)))
                .isInstanceOf(ReferenceProcess.NotStarted.class)
                .hasMessageContaining("did not accept connections on 127.0.0.1:");
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void shouldRefuseAPathThatIsNotAnExecutable() {
        assertThatThrownBy(() -> start(dir.resolve("missing.sh"), Duration.ofSeconds(1)))
                .isInstanceOf(ReferenceProcess.NotStarted.class).hasMessageContaining("scripts/reference-build");
    }
}

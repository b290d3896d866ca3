package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.ConfigTemplate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each release archive, as a user gets it: unpacked in a temporary directory outside the source tree,
 * {@code bin/sluice serve} started through a symlink from another directory, with the embedded broker on free
 * ports and no Maven (nor any java) on PATH; a record POSTed over HTTP is then read back from Kafka at the
 * offset the gateway answered. The {@code -runtime} archive also runs without JAVA_HOME or any other
 * environment variable, and must run on its own runtime/.
 */
class ReleaseArchiveIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dir;
    private Process sluice;

    @BeforeEach
    void unpackHere() throws IOException {
        dir = Files.createTempDirectory("sluice-release-it-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (sluice != null && sluice.isAlive()) {
            sluice.descendants().forEach(ProcessHandle::destroyForcibly);
            sluice.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void shouldProduceAndReadBackThroughTheArchiveOnTheBuildingJdk() throws Exception {
        Path home = unpack(archive("sluice.dist.archive"));
        assertThat(home.resolve("runtime")).doesNotExist();
        Path jdk = Path.of(System.getProperty("java.home"));

        served(home, Map.of("JAVA_HOME", jdk.toString()), jdk.resolve("bin/java"));
    }

    @Test
    void shouldProduceAndReadBackThroughTheRuntimeArchiveWithNoJavaInstalled() throws Exception {
        Path home = unpack(archive("sluice.dist.runtimeArchive"));
        assertThat(Files.isExecutable(home.resolve("runtime/bin/java"))).as("runtime/bin/java executable").isTrue();
        assertThat(home.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(Files.readString(home.resolve("NOTICE"))).contains("runtime/legal/");

        served(home, Map.of(), home.resolve("runtime/bin/java"));
    }

    /**
     * An AOT cache that no longer fits (made for other jars, another JDK or other SLUICE_JAVA_OPTS) must never fail
     * a start nor let the JVM print its own warnings about it: bin/sluice leaves it out and says so in one line.
     * A class-data option of the user's own wins over the cache (-Xshare with -XX:AOTCache would stop the JVM).
     */
    @Test
    void shouldLeaveOutAnAotCacheThatDoesNotFit() throws Exception {
        Path home = unpack(archive("sluice.dist.archive")).toRealPath();
        Path cache = home.resolve("lib/sluice.aot");
        Files.writeString(cache, "not an AOT cache");
        Files.writeString(home.resolve("lib/sluice.aot.id"), "java=/another/jdk\n");
        String jdk = System.getProperty("java.home");

        String stale = run(home, Map.of("JAVA_HOME", jdk), home.resolve("bin/sluice").toString(), "serve", "--help");
        assertThat(stale).contains("Usage: sluice serve").doesNotContain("[aot]").doesNotContain("[error");
        if (Runtime.version().feature() >= 25) {
            assertThat(stale).contains("sluice: not using the AOT cache " + cache + ": it was made for another JDK");
        } else {
            assertThat(stale).doesNotContain("AOT cache"); // before JDK 25 the launcher never uses one
        }

        String own = run(home, Map.of("JAVA_HOME", jdk, "SLUICE_JAVA_OPTS", "-Xshare:auto"),
                home.resolve("bin/sluice").toString(), "serve", "--help");
        assertThat(own).contains("Usage: sluice serve").doesNotContain("AOT cache").doesNotContain("[error");
    }

    /** Checks the layout, runs serve from it, produces and consumes a record, stops it with SIGTERM. */
    private void served(Path home, Map<String, String> env, Path expectedJava) throws Exception {
        assertLayout(home);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("sluice"), home.resolve("bin/sluice"));

        String version = run(elsewhere, env, link.toString(), "--version");
        assertThat(version).contains("sluice " + System.getProperty("sluice.dist.version") + " (commit ")
                .contains("JVM: " + javaVersion(expectedJava))
                .as("logback's own status lines: another jar's logback.xml won").doesNotContain("ch.qos.logback");

        int port = freePort();
        int brokerPort = freePort();
        Path log = dir.resolve("serve.log");
        ProcessBuilder serve = launcher(elsewhere, env, link.toString(), "serve", "--config",
                home.resolve("config/sluice.properties").toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--broker-port", String.valueOf(brokerPort),
                "--data-dir", dir.resolve("data").toString());
        serve.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        sluice = serve.start();
        awaitReady(port, log);
        System.out.printf("[release-archive] %s: ready (GET /readyz 200) %d ms after start%n",
                expectedJava, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(sluice.info().command()).as("the gateway's java").hasValue(expectedJava.toRealPath().toString());
        awaitLogLine(log, "listening on http://127.0.0.1:" + port); // Sluice's INFO lines, in Sluice's format
        assertThat(Files.readString(log)).doesNotContain("ch.qos.logback");

        String value = "release-archive-" + UUID.randomUUID();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/topics/events"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(value)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode position = JSON.readTree(answer.body());
        assertThat(readBack(brokerPort, position.get("partition").asInt(), position.get("offset").asLong()))
                .isEqualTo(value);

        List<ProcessHandle> children = sluice.descendants().toList();
        assertThat(children).as("the embedded broker's JVM").isNotEmpty();
        sluice.destroy(); // SIGTERM
        assertThat(sluice.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        assertThat(sluice.exitValue()).as(Files.readString(log)).isZero();
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("broker stopped").isFalse();
        }
    }

    private static void assertLayout(Path home) throws IOException {
        assertThat(Files.isExecutable(home.resolve("bin/sluice"))).as("bin/sluice executable").isTrue();
        assertThat(home.resolve("README")).content().contains("bin/sluice serve")
                .contains(System.getProperty("sluice.dist.version"));
        assertThat(home.resolve("LICENSE")).isNotEmptyFile();
        assertThat(home.resolve("config/sluice.properties")).content().isEqualTo(ConfigTemplate.render());
        List<String> jars;
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            jars = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertThat(jars).anyMatch(n -> n.startsWith("sluice-cli-")).anyMatch(n -> n.startsWith("kafka_2.13-"))
                .anyMatch(n -> n.startsWith("kafka-clients-")).anyMatch(n -> n.startsWith("netty-transport-native-epoll-"));
        String notice = Files.readString(home.resolve("NOTICE"));
        for (String jar : jars) {
            assertThat(notice).as("NOTICE lists " + jar).contains("(lib/" + jar + ")");
        }
        assertThat(Files.getPosixFilePermissions(home.resolve("lib/java-env.sh")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    private Path unpack(Path archive) throws Exception {
        Path into = Files.createDirectories(dir.resolve("unpacked"));
        finished(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString()), 120);
        Path home = into.resolve("sluice-" + System.getProperty("sluice.dist.version"));
        assertThat(home).isDirectory();
        return home;
    }

    private static Path archive(String property) {
        String path = System.getProperty(property);
        assertThat(path).as("system property " + property + " (set by sluice-dist's pom)").isNotNull();
        assertThat(Path.of(path)).isRegularFile();
        return Path.of(path);
    }

    /**
     * A launch with only {@code env} plus a PATH of the few tools bin/sluice uses (bash, sed, readlink, dirname):
     * no Maven, no java, no JAVA_HOME unless {@code env} has it.
     */
    private ProcessBuilder launcher(Path cwd, Map<String, String> env, String... command) throws IOException {
        Path tools = dir.resolve("tools");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("bash", "sed", "readlink", "dirname")) {
                Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                        .findFirst().orElseThrow(() -> new IllegalStateException(tool + " not in /usr/bin or /bin"));
                Files.createSymbolicLink(tools.resolve(tool), real);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        return pb;
    }

    private String run(Path cwd, Map<String, String> env, String... command) throws Exception {
        return finished(launcher(cwd, env, command), 60);
    }

    /** Runs a command to its end, within a timeout; returns its output, failing on a non-zero exit. */
    private String finished(ProcessBuilder command, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Process p = command.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.command() + " still running after " + timeoutSeconds + " s:\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(command.command() + ":\n" + output).isZero();
        return output;
    }

    private void awaitReady(int port, Path log) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!sluice.isAlive()) {
                fail("bin/sluice serve exited " + sluice.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(100);
        }
        fail("not ready within " + READY_WITHIN + ":\n" + Files.readString(log));
    }

    /** Regression: with sluice-bench's logback.xml first on the class path, serve logged WARN and above only. */
    private static void awaitLogLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains(line)) {
            if (System.nanoTime() > deadline) {
                fail("no '" + line + "' in the serve log within 10 s of /readyz 200:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static String readBack(int brokerPort, int partition, long offset) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("events", partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() == offset) {
                        return r.value();
                    }
                    seen.add(r.offset() + ":" + r.value());
                }
            }
            return fail("no record at events-" + partition + "@" + offset + " within 30 s; saw " + seen);
        }
    }

    private static String javaVersion(Path java) throws IOException {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(java.getParent().getParent().resolve("release"))) {
            release.load(in);
        }
        return release.getProperty("JAVA_VERSION").replace("\"", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import io.sluice.kafka.embedded.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The "done when" scenario of issue 10 without TLS, at the command line against a real broker and the
 * real gateway: {@code keys create}, {@code serve --api-keys}, 200 with the key, 401 without, 403 to a
 * topic outside the rules of {@code --acl} (alice and bob may produce to "events" only); then revoking
 * and a bad edit of the keys file while serving. No key ever appears in the logs.
 */
@Timeout(120)
class ApiKeyScenarioTest {
    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker kafka;
    private static final String ACL = """
            rules:
              - principal: alice
                topics: ["events"]
                allow: [produce]
              - principal: bob
                topics: ["ev?nts"]
                allow: [produce]
            """;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).brokerPort(0)
                .topic("events", 1).topic("private", 1).build().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private final CliHarness cli = new CliHarness();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldCreateListAndRevokeKeysWithoutEverStoringOrListingTheKey() throws Exception {
        Path keys = dir.resolve("cli-keys.txt");
        assertThat(cli.run("keys", "create", "--principal", "alice", "--keys-file", keys.toString())).isZero();
        String key = cli.out.trim();
        assertThat(cli.run("keys", "create", "--principal", "bob", "--keys-file", keys.toString())).isZero();
        String bobKey = cli.out.trim();

        assertThat(key).startsWith("sluice_").hasSizeGreaterThanOrEqualTo(7 + 43).isNotEqualTo(bobKey);
        assertThat(Files.readString(keys)).doesNotContain(key).doesNotContain(bobKey).contains(" alice ", " bob ");
        assertThat(cli.run("keys", "list", "--keys-file", keys.toString())).isZero();
        assertThat(cli.out).contains("alice").contains("bob").contains("k-").doesNotContain(key);
        String aliceId = cli.out.lines().filter(l -> l.contains("alice")).findFirst().orElseThrow().split("\\s+")[0];

        assertThat(cli.run("keys", "revoke", "--id", aliceId, "--keys-file", keys.toString())).isZero();
        assertThat(Files.readString(keys)).doesNotContain(" alice ").contains(" bob ");
        assertThat(cli.run("keys", "revoke", "--principal", "alice", "--keys-file", keys.toString())).isEqualTo(1);
        assertThat(cli.err).contains("no key matches");
        assertThat(cli.run("keys", "revoke", "--principal", "bob", "--keys-file", keys.toString())).isZero();
        assertThat(Files.readString(keys)).doesNotContain(" bob ");
    }

    @Test
    void shouldHashABasicPasswordReadFromStdin() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("pa55word\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(cli.run("keys", "hash-password", "--user", "shipper", "--iterations", "1000")).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(cli.out.trim()).startsWith("shipper:pbkdf2-sha256:1000:").doesNotContain("pa55word");
    }

    @Test
    void shouldFailTheStartWithTheLineOfABadAclFile() throws Exception {
        Path keys = dir.resolve("acl-test-keys.txt");
        assertThat(cli.run("keys", "create", "--principal", "alice", "--keys-file", keys.toString())).isZero();
        Path acl = Files.writeString(dir.resolve("bad-acl.yaml"), "rules:\n  - principal: alice\n    topics: []\n"
                + "    allow: [produce]\n");

        Served s = serve("--api-keys", keys.toString(), "--acl", acl.toString());

        assertThat(s.exit.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(s.code.get()).isNotZero();
        assertThat(s.err.toString()).contains("bad-acl.yaml:3:");
    }

    @Test
    void shouldFailTheStartWithTheLineOfABadKeysFile() throws Exception {
        Path keys = Files.writeString(dir.resolve("bad-keys.txt"), "# ok\nnot a key line\n");

        Served s = serve("--api-keys", keys.toString());

        assertThat(s.exit.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(s.code.get()).isEqualTo(1);
        assertThat(s.err.toString()).contains("bad-keys.txt:2:");
    }

    @Test
    void shouldAnswer200WithTheKey401WithoutAnd403OutsideTheRulesAndFollowEditsOfTheKeysFile() throws Exception {
        Path keys = dir.resolve("keys.txt");
        assertThat(cli.run("keys", "create", "--principal", "alice", "--keys-file", keys.toString())).isZero();
        String alice = cli.out.trim();
        assertThat(cli.run("keys", "create", "--principal", "bob", "--keys-file", keys.toString())).isZero();
        String bob = cli.out.trim();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sluice = (Logger) LoggerFactory.getLogger("io.sluice");
        Level level = sluice.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        sluice.setLevel(Level.TRACE);
        Served s = serve("--api-keys", keys.toString(), "--principal-header", "sluice-principal");
        try {
            s.awaitListening();

            assertThat(post(s.port, "events", "Bearer " + alice).statusCode()).isEqualTo(200);
            HttpResponse<String> none = post(s.port, "events", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sluice\"");
            HttpResponse<String> forbidden = post(s.port, "private", "Bearer " + alice);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.body()).contains("forbidden").contains("'private'");

            assertThat(cli.run("keys", "revoke", "--principal", "alice", "--keys-file", keys.toString())).isZero();
            awaitStatus(() -> post(s.port, "events", "Bearer " + alice).statusCode(), 401);
            assertThat(post(s.port, "events", "Bearer " + bob).statusCode()).isEqualTo(200);

            Files.writeString(keys, "this is not a keys file\n");
            awaitLog(logs, "API keys not reloaded");
            assertThat(post(s.port, "events", "Bearer " + bob).statusCode()).as("the last good file").isEqualTo(200);
        } finally {
            s.stop();
            sluice.setLevel(level);
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("access: auth=api-key"))
                .noneSatisfy(m -> assertThat(m).contains(alice))
                .noneSatisfy(m -> assertThat(m).contains(bob));
    }

    private HttpResponse<String> post(int port, String topic, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/topics/" + topic))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("hi"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitStatus(IntSupplier status, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int last;
        while ((last = status.getAsInt()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(last).isEqualTo(expected);
    }

    private static void awaitLog(ListAppender<ILoggingEvent> logs, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            synchronized (logs) {
                if (logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line containing '" + text + "'");
    }

    /** {@code sluice serve} running in a thread with the real gateway (plus the in-test ACL) until stopped. */
    private final class Served {
        final int port = FreePorts.pick("127.0.0.1");
        final CountDownLatch stop = new CountDownLatch(1);
        final CountDownLatch exit = new CountDownLatch(1);
        final AtomicInteger code = new AtomicInteger(-1);
        final StringWriter err = new StringWriter();

        void awaitListening() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                assertThat(exit.getCount()).as("serve exited early: " + err).isEqualTo(1);
                try (var socket = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("not listening");
        }

        void stop() throws InterruptedException {
            stop.countDown();
            assertThat(exit.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Served serve(String... extra) {
        Served s = new Served();
        Path acl = dir.resolve("acl.yaml");
        try {
            Files.writeString(acl, ACL);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliContext context = new CliContext(Map.of(), (d, p, t) -> {
            throw new AssertionError("no embedded broker here");
        }, GatewayLauncher.netty(), cleanup -> s.stop.await(), 2, Path.of("/nonexistent/limits"));
        String[] base = {"serve", "--bootstrap-servers", kafka.bootstrapServers(), "--bind", "127.0.0.1",
            "--port", Integer.toString(s.port), "--io-threads", "2", "--default-topic", "events"};
        if (!List.of(extra).contains("--acl")) {
            extra = Stream.concat(Stream.of(extra), Stream.of("--acl", acl.toString())).toArray(String[]::new);
        }
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Thread.ofPlatform().name("serve").start(() -> {
            CommandLine cmd = SluiceCli.create(context);
            cmd.setErr(new PrintWriter(s.err, true));
            cmd.setOut(new PrintWriter(new StringWriter(), true));
            s.code.set(cmd.execute(args));
            s.exit.countDown();
        });
        return s;
    }
}

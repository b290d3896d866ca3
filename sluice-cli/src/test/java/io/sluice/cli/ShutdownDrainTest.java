package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.TestPki;
import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import io.sluice.kafka.embedded.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM while loaded: `sluice serve` runs as its own process, clients keep sending until it stops,
 * and afterwards Kafka holds exactly as many records as the gateway acknowledged (200) or accepted (202).
 * Also over TLS only ({@code --port 0}), on Netty and on virtual threads.
 */
@Timeout(180)
class ShutdownDrainTest {
    private static final int PARTITIONS = 4;
    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker kafka;
    private static TestPki pki;
    private static TestPki.Issued serverCert;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).brokerPort(0)
                .topic("drain-ack", PARTITIONS).topic("drain-async", PARTITIONS)
                .topic("drain-virtual", PARTITIONS).topic("drain-codec", PARTITIONS)
                .topic("drain-tls", PARTITIONS).topic("drain-tls-virtual", PARTITIONS).build().start();
        pki = TestPki.create(dir.resolve("pki"));
        serverCert = pki.server("server");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @ParameterizedTest(name = "{0} {3} {4} {5}")
    @CsvSource({"ack,drain-ack,200,auto,raw,plain", "async,drain-async,202,auto,raw,plain",
        "ack,drain-virtual,200,virtual,raw,plain", "async,drain-codec,202,nio,codec,plain",
        "ack,drain-tls,200,auto,raw,tls", "ack,drain-tls-virtual,200,virtual,raw,tls"})
    void shouldDeliverEveryAcknowledgedRecordWhenStoppedUnderLoad(String delivery, String topic, int success,
                                                                 String io, String http, String wire)
            throws Exception {
        boolean tls = wire.equals("tls");
        int port = FreePorts.pick("127.0.0.1");
        Process gateway = startGateway(port, delivery, topic, io, http, tls);
        try {
            awaitListening(port, gateway);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            SSLContext client = tls ? pki.clientContext(null) : null;
            for (int i = 0; i < 8; i++) {
                clients.add(Thread.ofPlatform().start(() -> load(port, topic, statuses, stop, client)));
            }
            Thread.sleep(1500);
            gateway.destroy(); // SIGTERM
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("gateway exits").isTrue();
            stop.set(true);
            for (Thread t : clients) {
                t.join(10_000);
            }
            assertThat(gateway.exitValue()).isZero();
            int acknowledged = statuses.getOrDefault(success, new AtomicInteger()).get();
            assertThat(acknowledged).as("requests answered %d", success).isGreaterThan(50);
            assertThat(statuses.keySet()).as("no status but success or 503 while draining")
                    .allMatch(s -> s == success || s == 503);
            assertThat(endOffsetSum(topic)).isEqualTo(acknowledged);
        } finally {
            gateway.destroyForcibly();
        }
    }

    /** With {@code tls}, the gateway serves TLS only, on {@code port} ({@code --port 0 --tls-port port}). */
    private static Process startGateway(int port, String delivery, String topic, String io, String http, boolean tls)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--bootstrap-servers", kafka.bootstrapServers(), "--bind", "127.0.0.1",
                "--delivery", delivery, "--default-topic", topic, "--drain-timeout", "20s", "--io", io, "--http", http));
        if (tls) {
            cmd.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
                    "--tls-cert", serverCert.certFile().toString(), "--tls-key", serverCert.keyFile().toString()));
        } else {
            cmd.addAll(List.of("--port", Integer.toString(port)));
        }
        Path log = Files.createTempFile(dir, "gateway-" + delivery, ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitListening(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("gateway did not listen on " + port);
    }

    /** Sends POSTs on keep-alive connections, reconnecting, until the gateway stops answering. */
    private static void load(int port, String topic, Map<Integer, AtomicInteger> statuses, AtomicBoolean stop,
                             SSLContext tls) {
        byte[] request = ("POST /topics/" + topic + " HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n"
                + "{\"data\":\"drain\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        while (!stop.get()) {
            try (Socket s = tls == null ? plain(port) : TestPki.connect(tls, port, 30_000)) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                while (!stop.get()) {
                    out.write(request);
                    out.flush();
                    int status = readStatusAndSkipResponse(in);
                    if (status < 0) {
                        break; // server closed the connection
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
            } catch (IOException refusedOrReset) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static Socket plain(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        s.setSoTimeout(30_000);
        return s;
    }

    /** Reads one response and returns its status, or -1 at EOF before a full status line. */
    private static int readStatusAndSkipResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (c == -1) {
            return -1;
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }

    private static long endOffsetSum(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                tps.add(new TopicPartition(topic, i));
            }
            return c.endOffsets(tps, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}

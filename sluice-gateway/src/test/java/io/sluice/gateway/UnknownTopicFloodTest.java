package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.TestBroker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Defect 6 of issue 9: unknown topic names grew the gateway without bound (an admin lookup and a cache
 * entry kept for ever per name; 5,000 names cost 5,000 lookups in 7 s). 100,000 distinct unknown names
 * over HTTP (4 keep-alive connections, 100 pipelined requests at a time) against a real broker: the
 * flood is answered quickly, the topic cache and the heap stay bounded, and a known topic's p99, measured
 * during the flood on its own connection, stays low.
 */
@Timeout(180)
class UnknownTopicFloodTest {
    private static final int NAMES = 100_000;
    private static final int CONNECTIONS = 4;
    private static final int PIPELINE = 100;
    private static final long FLOOD_BUDGET_NANOS = 90_000_000_000L;
    /** TopicCatalogSettings.defaults(): what the gateway may cache and look up. */
    private static final long MAX_UNKNOWN_NAMES = 10_000;
    private static final double LOOKUPS_PER_SECOND = 100;
    private static final int LOOKUP_BURST = 50;

    @Test
    void shouldStayBoundedAndKeepKnownTopicsFastDuringAFloodOfUnknownTopicNames() throws Exception {
        try (TestBroker kafka = TestBroker.start();
             Gateway gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                     .bind("127.0.0.1").ioThreads(2).build())) {
            try (HttpConnection c = new HttpConnection(gateway.port())) {
                for (int i = 0; i < 200; i++) { // warm up: the known topic and the code paths
                    assertThat(c.exchange(HttpConnection.post("/topics/events", new byte[] {'w'})).status())
                            .isEqualTo(200);
                }
            }
            long heapBefore = usedHeapAfterGc();

            AtomicBoolean flooding = new AtomicBoolean(true);
            List<Long> knownLatencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger knownFailures = new AtomicInteger();
            Thread known = Thread.ofPlatform().name("known-topic-client").start(
                    () -> measureKnownTopic(gateway.port(), flooding, knownLatencies, knownFailures));
            Map<String, LongAdder> answers = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            List<Thread> flood = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int first = c * (NAMES / CONNECTIONS);
                flood.add(Thread.ofPlatform().name("flood-" + c).start(
                        () -> flood(gateway.port(), first, first + NAMES / CONNECTIONS, start, answers)));
            }
            for (Thread t : flood) {
                t.join(FLOOD_BUDGET_NANOS / 1_000_000 + 10_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            flooding.set(false);
            known.join(10_000);
            long entries = (long) gauge(gateway.port(), "sluice_topic_catalog_entries");
            long heapAfter = usedHeapAfterGc();
            long p99 = percentile(knownLatencies, 0.99);
            long answered = answers.values().stream().mapToLong(LongAdder::sum).sum();
            System.out.printf("unknown-topic flood: %,d names in %.1f s (%,.0f/s), answers %s; cache entries %d; "
                            + "heap %d -> %d MiB; known topic: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "%d failed%n", answered, seconds, answered / seconds, answers, entries,
                    heapBefore >> 20, heapAfter >> 20, knownLatencies.size(),
                    percentile(knownLatencies, 0.5) / 1e6, p99 / 1e6, percentile(knownLatencies, 1.0) / 1e6,
                    knownFailures.get());

            assertThat(answered).as("every name answered within the budget").isEqualTo(NAMES);
            // kafka_unavailable: a lookup that did not finish within its 900 ms, as happens when this
            // machine's 2 cores are also running other builds; retriable, and it counts as a lookup.
            assertThat(answers.keySet()).as("absent (looked up), throttled or timed out, nothing else")
                    .contains("503 lookup_throttled")
                    .containsAnyOf("404 unknown_topic", "503 kafka_unavailable")
                    .isSubsetOf("404 unknown_topic", "503 lookup_throttled", "503 kafka_unavailable");
            long lookups = count(answers, "404 unknown_topic") + count(answers, "503 kafka_unavailable");
            assertThat(lookups).as("lookups of new names stay within the rate")
                    .isLessThanOrEqualTo((long) (LOOKUP_BURST + LOOKUPS_PER_SECOND * (seconds + 1)));
            assertThat(entries).as("the topic cache stays bounded").isBetween(1L, MAX_UNKNOWN_NAMES + 1);
            assertThat(heapAfter - heapBefore).as("the heap stays bounded (bytes grown)").isLessThan(32L << 20);
            assertThat(knownFailures.get()).as("known-topic requests that failed").isZero();
            assertThat(knownLatencies.size()).as("known-topic requests during the flood").isGreaterThan(100);
            assertThat(p99).as("known topic p99 during the flood, ns").isLessThan(250_000_000L);
        }
    }

    /** Sends one name per request, {@link #PIPELINE} at a time on one connection; tallies "status code". */
    private static void flood(int port, int from, int to, long start, Map<String, LongAdder> answers) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            s.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            for (int i = from; i < to && System.nanoTime() - start < FLOOD_BUDGET_NANOS; i += PIPELINE) {
                int n = Math.min(PIPELINE, to - i);
                for (int j = 0; j < n; j++) {
                    out.write(("POST /topics/no-such-topic-" + (i + j) + " HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Length: 1\r\n\r\nx").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
                for (int j = 0; j < n; j++) {
                    answers.computeIfAbsent(readAnswer(in), k -> new LongAdder()).increment();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("flood connection failed", e);
        }
    }

    /** One response: "status error-code". */
    private static String readAnswer(InputStream in) throws IOException {
        String status = readLine(in).split(" ")[1];
        int length = 0;
        for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        int code = body.indexOf("\"error\":\"");
        return code < 0 ? status : status + " " + body.substring(code + 9, body.indexOf('"', code + 9));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** One request at a time to the known topic (ack mode: until Kafka acknowledged it), for as long as the flood. */
    private static void measureKnownTopic(int port, AtomicBoolean flooding, List<Long> latencies,
                                          AtomicInteger failures) {
        byte[] request = HttpConnection.post("/topics/events", "known".getBytes(StandardCharsets.UTF_8));
        try (HttpConnection c = new HttpConnection(port)) {
            while (flooding.get()) {
                long t0 = System.nanoTime();
                int status = c.exchange(request).status();
                latencies.add(System.nanoTime() - t0);
                if (status != 200) {
                    failures.incrementAndGet();
                }
                Thread.sleep(2);
            }
        } catch (IOException | InterruptedException e) {
            failures.incrementAndGet();
        }
    }

    private static long count(Map<String, LongAdder> answers, String answer) {
        LongAdder n = answers.get(answer);
        return n == null ? 0 : n.sum();
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static double gauge(int port, String name) throws IOException {
        try (HttpConnection c = new HttpConnection(port)) {
            return c.exchange(HttpConnection.get("/metrics")).bodyText().lines()
                    .filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                            l.substring(name.length() + 1).trim())).findFirst().orElse(-1);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

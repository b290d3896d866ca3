package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real browser against a real gateway and broker (issue 11): headless Chromium loads a page from another
 * origin (a JDK HttpServer on another port), whose script calls {@code fetch()} with a JSON body (a CORS
 * request with a preflight, for its Content-Type and Kafka-Key) and then {@code navigator.sendBeacon}
 * (text/plain, no preflight); both records are read back from Kafka. A page from an origin not in
 * {@code --cors-origins} sees its fetch refused by the browser, and nothing is published. The pages post
 * what they saw back to their own server. Skipped when no {@code chromium} is installed
 * ({@code apt-get install -y chromium}).
 */
@Timeout(180)
class BrowserTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final BlockingQueue<String> REPORTS = new LinkedBlockingQueue<>();
    private static HttpServer allowedSite;
    private static HttpServer otherSite;
    private static Gateway gateway;
    private static Path profiles;

    @BeforeAll
    static void start() throws IOException {
        allowedSite = site();
        otherSite = site();
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .ioThreads(1).corsOrigins(List.of(origin(allowedSite))).build());
        profiles = Files.createTempDirectory("sluice-chromium");
    }

    @AfterAll
    static void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        for (HttpServer s : new HttpServer[] {allowedSite, otherSite}) {
            if (s != null) {
                s.stop(0);
            }
        }
        if (profiles != null) {
            try (Stream<Path> all = Files.walk(profiles)) {
                all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** A site on its own port: /page.html runs the script the query names; /report takes what it saw. */
    private static HttpServer site() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/page.html", ex -> answer(ex, "text/html", page(ex.getRequestURI().getQuery())));
        s.createContext("/report", ex -> {
            REPORTS.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(ex, "text/plain", "ok");
        });
        s.start();
        return s;
    }

    private static String origin(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    /** query: run=ID&beacon=true|false */
    private static String page(String query) {
        String run = query.replaceAll(".*run=([^&]*).*", "$1");
        boolean beacon = query.contains("beacon=true");
        String target = "http://127.0.0.1:" + gateway.port() + "/topics/single";
        return """
                <!doctype html><html><body><script>
                (async () => {
                  const result = {};
                  try {
                    const r = await fetch('%s', {method: 'POST',
                        headers: {'Content-Type': 'application/json', 'Kafka-Key': 'browser'},
                        body: JSON.stringify({via: 'fetch', run: '%s'})});
                    result.status = r.status;
                    result.body = await r.json();
                  } catch (e) {
                    result.fetchError = String(e);
                  }
                  if (%s) {
                    result.beaconQueued = navigator.sendBeacon('%s', JSON.stringify({via: 'beacon', run: '%s'}));
                  }
                  await fetch('/report', {method: 'POST', body: JSON.stringify(result)});
                })();
                </script></body></html>
                """.formatted(target, run, beacon, target, run);
    }

    private static String chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    /** Opens the URL in headless Chromium and returns the page's report; the browser is stopped after. */
    private static JsonNode visit(String url) throws Exception {
        String browser = chromium();
        assumeTrue(browser != null, "chromium is not installed (apt-get install -y chromium)");
        REPORTS.clear();
        Path profile = Files.createTempDirectory(profiles, "profile");
        Process p = new ProcessBuilder(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            String report = REPORTS.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(report).as("the page's report within %s; chromium log: %s", WAIT,
                    profile.resolve("chromium.log")).isNotNull();
            return JSON.readTree(report);
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Values of topic "single" that carry this run's id, waiting until {@code count} arrived (at most 30 s). */
    private static List<String> valuesOf(String run, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> mine;
        do {
            mine = KafkaRecords.allValues(kafka.bootstrapServers(), "single", Duration.ofSeconds(15)).stream()
                    .filter(v -> v.contains(run)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return mine;
    }

    @Test
    void shouldPublishAPreflightedFetchAndABeaconFromAnAllowedOrigin() throws Exception {
        String run = UUID.randomUUID().toString();

        JsonNode report = visit(origin(allowedSite) + "/page.html?run=" + run + "&beacon=true");

        assertThat(report.has("fetchError")).as(report.toString()).isFalse();
        assertThat(report.get("status").asInt()).isEqualTo(200);
        assertThat(report.get("body").get("topic").asText()).isEqualTo("single");
        assertThat(report.get("beaconQueued").asBoolean()).isTrue();
        assertThat(valuesOf(run, 2)).containsExactlyInAnyOrder(
                "{\"via\":\"fetch\",\"run\":\"" + run + "\"}", "{\"via\":\"beacon\",\"run\":\"" + run + "\"}");
    }

    /** What sendBeacon sends, byte for byte, so this part is checked where no chromium is installed too. */
    @Test
    void shouldPublishASendBeaconStyleTextPlainBodyAsIsWithoutAPreflight() throws Exception {
        String value = "{\"via\":\"beacon-bytes\",\"run\":\"" + UUID.randomUUID() + "\"}";
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(HttpConnection.post("/topics/single", value.getBytes(StandardCharsets.UTF_8),
                    "Origin: " + origin(allowedSite), "Content-Type: text/plain;charset=UTF-8"));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin(allowedSite));
            JsonNode p = JSON.readTree(r.body());
            assertThat(new String(KafkaRecords.at(kafka.bootstrapServers(), "single", p.get("partition").asInt(),
                    p.get("offset").asLong()).value(), StandardCharsets.UTF_8)).isEqualTo(value);
        }
    }

    @Test
    void shouldHaveTheBrowserRefuseAFetchFromAnOriginNotAllowed() throws Exception {
        String run = UUID.randomUUID().toString();

        JsonNode report = visit(origin(otherSite) + "/page.html?run=" + run + "&beacon=false");

        assertThat(report.has("fetchError")).as(report.toString()).isTrue();
        assertThat(report.get("fetchError").asText()).contains("TypeError");
        assertThat(KafkaRecords.allValues(kafka.bootstrapServers(), "single", Duration.ofSeconds(15)))
                .noneMatch(v -> v.contains(run));
    }
}

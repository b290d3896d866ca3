package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.HttpConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients that try to pin resources (never reading answers, trickling heads or bodies, idling by the thousand)
 * get back-pressure, timeouts and closes, and cannot starve a well-behaved client. On every runtime,
 * since reading, writing and timeouts are runtime-specific code.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class HostileClientsTest extends SharedBrokerTest {
    private static Gateway gateway;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).headerReadTimeout(Duration.ofMillis(500))
                .bodyReadTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(2)).maxConnections(5_000).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        gateway.close();
    }

    /** Milliseconds a well-behaved client waits for GET /healthz on a new connection. */
    private static long wellBehavedMillis() throws Exception {
        long start = System.nanoTime();
        try (HttpConnection c = new HttpConnection(gateway.port(), 5_000)) {
            assertThat(c.exchange(get("/healthz")).status()).isEqualTo(200);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Back-pressure, not a close: the server stops reading from a client that does not read its answers,
     * keeps the connection open, and answers every request once the client reads. (This test once passed
     * for a gateway that simply closed the connection; it now reads every answer back.) A gateway of its
     * own, with an idle timeout longer than the test's pauses.
     */
    @Test
    void shouldStopReadingFromAClientThatNeverReadsItsAnswersAndAnswerEverythingOnceItReads() throws Exception {
        byte[] one = get("/healthz");
        byte[][] many = new byte[100][];
        Arrays.fill(many, one);
        byte[] chunk = HttpConnection.concat(many);
        try (Gateway patient = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                .bind("127.0.0.1").io(io).http(http).ioThreads(2).idleTimeout(Duration.ofSeconds(30)).build());
             HttpConnection greedy = new HttpConnection(patient.port(), 20_000)) {
            AtomicLong written = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int i = 0; i < 100_000 && !stop.get(); i++) { // bounded: at most ~380 MB
                        greedy.send(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (Exception e) {
                    written.set(-1); // the server closed the connection: back-pressure did not hold it open
                }
            });
            long stalledAt = awaitStall(written);
            assertThat(stalledAt).as("bytes written when writes blocked (-1: the server closed)")
                    .isPositive().isLessThan(100_000L * chunk.length);
            try (HttpConnection c = new HttpConnection(patient.port(), 5_000)) {
                assertThat(c.exchange(get("/healthz")).status()).as("a well-behaved client meanwhile").isEqualTo(200);
            }
            stop.set(true);
            // Reading resumes the writer's blocked write; it then stops. Every request written gets its answer.
            long answered = 0;
            while (writer.isAlive() || answered < written.get() / one.length) {
                if (answered < written.get() / one.length) {
                    assertThat(greedy.readResponse().status()).isEqualTo(200);
                    answered++;
                } else {
                    writer.join(50); // its last write is still going through
                }
            }
            assertThat(written.get()).isPositive();
            assertThat(answered).isEqualTo(written.get() / one.length);
        }
    }

    /** Waits until the writer has made no progress for a second; returns the bytes written by then. */
    private static long awaitStall(AtomicLong written) throws InterruptedException {
        long last = -2;
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1_000);
            long now = written.get();
            if (now == last || now < 0) {
                return now;
            }
            last = now;
        }
        return last;
    }

    @Test
    void shouldAnswer408ToASlowlorisClientTricklingItsHead() throws Exception {
        String head = "POST /topics/events HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(40) + "\r\n";
        try (HttpConnection c = new HttpConnection(gateway.port(), 5_000)) {
            long start = System.nanoTime();
            for (int i = 0; i < head.length(); i++) {
                try {
                    c.send(head.substring(i, i + 1));
                } catch (Exception closedByServer) {
                    break;
                }
                Thread.sleep(50);
                if ((System.nanoTime() - start) / 1_000_000 > 1_500) {
                    break;
                }
            }
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(408);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        }
    }

    @Test
    void shouldAnswer408ToAClientTricklingItsBody() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port(), 5_000)) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
            long start = System.nanoTime();
            // One byte every 100 ms: never idle long enough for --idle-timeout (2 s), but far too slow.
            for (int i = 0; i < 30; i++) {
                try {
                    c.send("b");
                } catch (Exception closedByServer) {
                    break;
                }
                Thread.sleep(100);
            }
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.bodyText()).contains("body");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_500);
        }
    }

    @Test
    void shouldServeAWellBehavedClientAmidAThousandIdleConnectionsAndCloseThem() throws Exception {
        List<HttpConnection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1_000; i++) {
                idle.add(new HttpConnection(gateway.port(), 6_000));
            }
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                worst = Math.max(worst, wellBehavedMillis());
            }
            assertThat(worst).as("slowest of 20 well-behaved requests, ms").isLessThan(500);
            // Idle connections are closed after --idle-timeout (2 s here).
            assertThat(idle.get(0).isClosedByServer()).isTrue();
            assertThat(idle.get(idle.size() - 1).isClosedByServer()).isTrue();
        } finally {
            for (HttpConnection c : idle) {
                c.close();
            }
        }
    }
}

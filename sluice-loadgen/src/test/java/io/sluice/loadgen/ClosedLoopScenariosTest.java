package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KEEPALIVE and CONNECT against small servers on 127.0.0.1, including the ways a request can fail. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class ClosedLoopScenariosTest {

    private static LoadSpec spec(Scenario scenario, RequestTemplate request, int concurrency, long warmupMillis,
                                 long durationMillis, long timeoutMillis) {
        return new LoadSpec(scenario, request, concurrency, 0, Duration.ofMillis(warmupMillis),
                Duration.ofMillis(durationMillis), 0, Duration.ofMillis(timeoutMillis));
    }

    @ParameterizedTest
    @EnumSource(value = LoadGenerator.Io.class, names = {"EPOLL", "NIO"})
    void shouldAnswerEveryKeepAliveRequestWithSuccessAgainstAFastServer(LoadGenerator.Io io) {
        if (io == LoadGenerator.Io.EPOLL && !Epoll.isAvailable()) {
            return;
        }
        List<String> phases = new CopyOnWriteArrayList<>();
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadResult r = LoadGenerator.builder().io(io).build().execute(
                    spec(Scenario.KEEPALIVE, server.template(), 8, 200, 1000, 1000),
                    (phase, fraction) -> phases.add(phase));

            assertThat(r.errors()).isEmpty();
            assertThat(r.statusCounts()).containsOnlyKeys(200);
            assertThat(r.sent()).isGreaterThan(100).isEqualTo(r.successes());
            assertThat(server.requests.get()).isGreaterThanOrEqualTo(r.sent());
            assertThat(server.connections.get()).isEqualTo(8);
            assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.successes());
            assertThat(r.latencyMicros().getMaxValue()).isPositive();
            assertThat(r.samples()).hasSize(20).allSatisfy(s -> assertThat(s.requests()).isPositive());
            long sampled = r.samples().stream().mapToLong(Sample::requests).sum();
            assertThat((double) sampled).isCloseTo(r.successes(), within(r.successes() * 0.05 + 16));
            assertThat(r.completionsPerSecond()).hasSize(1);
            assertThat(r.completionsPerSecond()[0]).isEqualTo(sampled);
            assertThat(r.loadgenCpuSeconds()).isPositive();
            assertThat(r.measuredNanos()).isEqualTo(1_000_000_000L);
            assertThat(phases).contains("warm-up", "measure");
        }
    }

    @Test
    void shouldSpreadKeepAliveConnectionsOverSeveralEventLoops() {
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadResult r = LoadGenerator.builder().threads(2).build().execute(
                    spec(Scenario.KEEPALIVE, server.template(), 5, 0, 500, 1000), ProgressListener.NONE);

            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isPositive().isEqualTo(r.successes());
            assertThat(server.connections.get()).isEqualTo(5);
        }
    }

    @Test
    void shouldCountStatusesInProportionWhenEveryThirdAnswerIs503() {
        try (TestHttpServer server = TestHttpServer.start(
                (ctx, req, n) -> TestHttpServer.answer(ctx, req, n % 3 == 0 ? 503 : 200))) {
            LoadResult r = LoadGenerator.run(spec(Scenario.KEEPALIVE, server.template(), 4, 100, 500, 1000),
                    ProgressListener.NONE);

            assertThat(r.statusCounts()).containsOnlyKeys(200, 503);
            long ok = r.statusCounts().get(200);
            long unavailable = r.statusCounts().get(503);
            assertThat(ok + unavailable).isEqualTo(r.sent());
            assertThat((double) unavailable / (ok + unavailable)).isCloseTo(1.0 / 3, within(0.01));
            assertThat(r.successes()).isEqualTo(ok);
        }
    }

    @Test
    void shouldOpenANewConnectionForEveryRequestInConnectScenario() {
        try (TestHttpServer server = TestHttpServer.fast()) {
            LoadResult r = LoadGenerator.run(spec(Scenario.CONNECT, server.template(), 4, 0, 500, 1000),
                    ProgressListener.NONE);

            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isGreaterThan(20).isEqualTo(r.successes());
            assertThat(server.connections.get()).isEqualTo(server.requests.get()).isEqualTo(r.sent());
            assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.sent());
            assertThat(r.samples()).hasSize(20);
        }
    }

    @Test
    void shouldReconnectWithoutCountingAnErrorWhenTheServerAnswersWithConnectionClose() {
        try (TestHttpServer server = TestHttpServer.start((ctx, req, n) -> {
            io.netty.handler.codec.http.HttpUtil.setKeepAlive(req, false); // answer() then says close and closes
            TestHttpServer.answer(ctx, req, 200);
        })) {
            LoadResult r = LoadGenerator.run(spec(Scenario.KEEPALIVE, server.template(), 2, 0, 300, 1000),
                    ProgressListener.NONE);

            assertThat(r.errors()).isEmpty();
            assertThat(r.sent()).isPositive().isEqualTo(r.successes());
            assertThat(server.connections.get()).isGreaterThan(2);
        }
    }

    @Test
    void shouldCountConnectRefusedWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = probe.getLocalPort();
        }
        RequestTemplate nowhere = new RequestTemplate("127.0.0.1", port, "/", "application/json",
                RequestTemplate.jsonPayload(35));

        LoadResult r = LoadGenerator.run(spec(Scenario.CONNECT, nowhere, 2, 0, 300, 500), ProgressListener.NONE);

        assertThat(r.statusCounts()).isEmpty();
        assertThat(r.errors()).containsOnlyKeys(ErrorKind.CONNECT_REFUSED);
        assertThat(r.errors().get(ErrorKind.CONNECT_REFUSED)).isPositive().isEqualTo(r.sent());
    }

    @Test
    void shouldCountTimeoutsAndFinishWhenTheServerNeverAnswers() {
        try (TestHttpServer server = TestHttpServer.start((ctx, req, n) -> { })) {
            long t0 = System.nanoTime();
            LoadResult r = LoadGenerator.run(spec(Scenario.KEEPALIVE, server.template(), 2, 0, 700, 200),
                    ProgressListener.NONE);
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(r.statusCounts()).isEmpty();
            assertThat(r.errors()).containsOnlyKeys(ErrorKind.TIMEOUT);
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isGreaterThanOrEqualTo(4).isEqualTo(r.sent());
            assertThat(tookMillis).isLessThan(700 + 200 + 1500);
        }
    }

    @Test
    void shouldCountClosedEarlyWhenTheServerClosesWithoutAnswering() {
        try (TestHttpServer server = TestHttpServer.start((ctx, req, n) -> ctx.close())) {
            LoadResult r = LoadGenerator.run(spec(Scenario.KEEPALIVE, server.template(), 2, 0, 300, 500),
                    ProgressListener.NONE);

            assertThat(r.statusCounts()).isEmpty();
            assertThat(r.errors()).containsOnlyKeys(ErrorKind.CLOSED_EARLY);
            assertThat(r.errors().get(ErrorKind.CLOSED_EARLY)).isPositive().isEqualTo(r.sent());
            assertThat(server.connections.get()).isGreaterThan(2); // it reconnected
        }
    }
}

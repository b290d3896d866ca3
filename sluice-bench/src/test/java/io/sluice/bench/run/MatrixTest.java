package io.sluice.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.loadgen.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static BenchOptions options(List<String> io, List<String> http, boolean baselines, String target) {
        return new BenchOptions(io, http, List.of("async", "ack"), List.of(Scenario.KEEPALIVE, Scenario.BURST), 34,
                64, 1000, 20000, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, baselines, false, null, target,
                null, Path.of("x"), null, List.of(), List.of(), Duration.ZERO);
    }

    /** io_uring + raw, async and ack, keepalive and burst, the given connection counts and reference. */
    private static BenchOptions counts(List<Integer> connections, Path reference, boolean baselines) {
        return new BenchOptions(List.of("io_uring"), List.of("raw"), List.of("async", "ack"),
                List.of(Scenario.KEEPALIVE, Scenario.BURST), 34, connections, 1000, 20000, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 5, baselines, false, null, null, null, Path.of("x"), null, List.of(), List.of(),
                Duration.ZERO, false, List.of(io.sluice.loadgen.BodyFormat.RAW), 1, 1, reference);
    }

    @Test
    void shouldRunTheReferenceRightBeforeSluiceAtEachScenarioAndConnectionCount() {
        List<CellSpec> cells = Matrix.of(counts(List.of(64, 1000), Path.of("run.sh"), false));

        assertThat(cells).extracting(CellSpec::id).containsExactly(
                "reference/-/-/keepalive/kafka/34B/c64",
                "io_uring/raw/async/keepalive/kafka/34B/c64",
                "io_uring/raw/ack/keepalive/kafka/34B/c64",
                "reference/-/-/keepalive/kafka/34B/c1000",
                "io_uring/raw/async/keepalive/kafka/34B/c1000",
                "io_uring/raw/ack/keepalive/kafka/34B/c1000",
                "reference/-/-/burst/kafka/34B/c1000",
                "io_uring/raw/async/burst/kafka/34B/c1000",
                "io_uring/raw/ack/burst/kafka/34B/c1000");
    }

    @Test
    void shouldNeverVerifyAReferenceCellButStillNeedKafkaForIt() {
        List<CellSpec> references = Matrix.of(counts(List.of(64), Path.of("run.sh"), true)).stream()
                .filter(CellSpec::isReference).toList();

        assertThat(references).hasSize(2).noneMatch(CellSpec::verifiable)
                .allMatch(c -> c.sink().equals("kafka") && c.http().equals("-") && c.delivery().equals("-"))
                .allMatch(c -> c.format() == io.sluice.loadgen.BodyFormat.RAW && c.batch() == 1);
        assertThat(Matrix.of(counts(List.of(64), null, true))).noneMatch(CellSpec::isReference);
    }

    @Test
    void shouldMakeKeepAliveCellsOncePerConnectionCountAndBurstCellsOnce() {
        List<CellSpec> cells = Matrix.of(counts(List.of(64, 1000, 5000), null, false));

        assertThat(cells).filteredOn(c -> c.scenario() == Scenario.KEEPALIVE).extracting(CellSpec::concurrency)
                .containsExactly(64, 64, 1000, 1000, 5000, 5000);
        assertThat(cells).filteredOn(c -> c.scenario() == Scenario.BURST).extracting(CellSpec::concurrency)
                .containsExactly(1000, 1000);
        assertThat(cells.stream().map(CellSpec::id).distinct()).hasSize(cells.size());
    }

    @Test
    void shouldMakeTheHttpCeilingPerConnectionCountAndTheProducerAloneOnce() {
        List<CellSpec> cells = Matrix.of(counts(List.of(64, 1000), null, true));

        assertThat(cells).filteredOn(c -> c.sink().equals("none")).extracting(CellSpec::id).containsExactly(
                "io_uring/raw/async/keepalive/none/34B/c64", "io_uring/raw/ack/keepalive/none/34B/c64",
                "io_uring/raw/async/keepalive/none/34B/c1000", "io_uring/raw/ack/keepalive/none/34B/c1000");
        assertThat(cells).filteredOn(CellSpec::isProducerBaseline).extracting(CellSpec::id)
                .containsExactly("-/-/ack/keepalive/producer/34B/c64");
    }

    @Test
    void shouldDriveAnExternalServerOncePerConnectionCount() {
        BenchOptions o = counts(List.of(64, 1000), null, false);
        BenchOptions external = new BenchOptions(o.runtimes(), o.https(), List.of("async"), List.of(Scenario.KEEPALIVE),
                34, List.of(64, 1000), 1000, 20000, o.warmup(), o.duration(), 5, false, false, null,
                "http://127.0.0.1:9/x", null, Path.of("x"), null, List.of(), List.of(), Duration.ZERO, false,
                o.formats(), 1, 1, null);

        assertThat(Matrix.of(external)).extracting(CellSpec::id).containsExactly(
                "external/-/async/keepalive/external/34B/c64", "external/-/async/keepalive/external/34B/c1000");
    }

    @Test
    void shouldCrossEveryAxisAndSkipVirtualWithTheCodec() {
        List<CellSpec> cells = Matrix.of(options(List.of("epoll", "virtual"), List.of("raw", "codec"), false, null));

        // 2 scenarios x 2 deliveries x (epoll raw, epoll codec, virtual raw)
        assertThat(cells).hasSize(12);
        assertThat(cells).noneMatch(c -> c.runtime().equals("virtual") && c.http().equals("codec"));
        assertThat(cells).filteredOn(c -> c.scenario() == Scenario.BURST).allMatch(c -> c.concurrency() == 1000);
        assertThat(cells).filteredOn(c -> c.scenario() == Scenario.KEEPALIVE).allMatch(c -> c.concurrency() == 64);
        assertThat(cells.stream().map(CellSpec::id).distinct()).hasSize(12);
    }

    @Test
    void shouldAddTheNullSinkAndProducerBaselines() {
        List<CellSpec> cells = Matrix.of(options(List.of("nio", "epoll"), List.of("raw"), true, null));

        assertThat(cells).filteredOn(c -> c.sink().equals("none")).hasSize(2)
                .allMatch(c -> c.runtime().equals("epoll") && !c.verifiable());
        assertThat(cells).filteredOn(CellSpec::isProducerBaseline).hasSize(1).allMatch(CellSpec::verifiable);
        assertThat(cells).filteredOn(c -> c.sink().equals("kafka")).allMatch(CellSpec::verifiable);
    }

    @Test
    void shouldFollowEachKafkaCellWithItsTlsTwinsWhenAskedForTls() {
        BenchOptions plain = options(List.of("epoll"), List.of("raw"), true, null);
        BenchOptions tls = new BenchOptions(plain.runtimes(), plain.https(), plain.deliveries(), plain.scenarios(),
                34, 64, 1000, 20000, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, true, false, null, null, null,
                Path.of("x"), null, List.of(), List.of(), Duration.ZERO, true);

        List<CellSpec> cells = Matrix.of(tls);

        // per delivery: keepalive, keepalive/tls, burst, burst/tls, burst/tls-full; then 3 baselines, all plaintext
        assertThat(cells).hasSize(2 * 5 + 3);
        assertThat(cells.get(0).id()).isEqualTo("epoll/raw/async/keepalive/kafka/34B/c64");
        assertThat(cells.get(1).id()).isEqualTo("epoll/raw/async/keepalive/kafka/34B/c64/tls");
        assertThat(cells).filteredOn(c -> c.scenario() == Scenario.BURST && c.isTls())
                .extracting(CellSpec::transport).containsExactly("tls", "tls-full", "tls", "tls-full");
        assertThat(cells).filteredOn(c -> !c.sink().equals("kafka")).noneMatch(CellSpec::isTls);
        assertThat(cells.stream().map(CellSpec::id).distinct()).hasSize(cells.size());
        assertThat(Matrix.of(plain)).noneMatch(CellSpec::isTls);
    }

    @Test
    void shouldDriveOnlyTheExternalServerWithATargetUrl() {
        List<CellSpec> cells = Matrix.of(options(List.of("epoll"), List.of("raw"), false, "http://127.0.0.1:9/x"));

        assertThat(cells).hasSize(4).allMatch(CellSpec::isExternal).noneMatch(CellSpec::verifiable);
    }

    @Test
    void shouldAddOneCellPerFormatAndKeepRawAtOneRecordPerRequest() {
        BenchOptions o = options(List.of("epoll"), List.of("raw"), true, null);
        BenchOptions formats = new BenchOptions(o.runtimes(), o.https(), List.of("ack"), List.of(Scenario.KEEPALIVE),
                34, 64, 1000, 20000, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, true, false, null, null, null,
                Path.of("x"), null, List.of(), List.of(), Duration.ZERO, false,
                List.of(io.sluice.loadgen.BodyFormat.RAW, io.sluice.loadgen.BodyFormat.V2_JSON), 50);

        List<CellSpec> cells = Matrix.of(formats);

        assertThat(cells).filteredOn(c -> c.sink().equals("kafka")).extracting(CellSpec::id).containsExactly(
                "epoll/raw/ack/keepalive/kafka/34B/c64", "epoll/raw/ack/keepalive/kafka/34B/c64/v2-json/b50");
        assertThat(cells).filteredOn(c -> !c.sink().equals("kafka"))
                .allMatch(c -> c.format() == io.sluice.loadgen.BodyFormat.RAW && c.batch() == 1);
    }
}

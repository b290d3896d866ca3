package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.TlsFigures;
import io.sluice.bench.model.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsSummaryTest {

    private static CellResult cell(String scenario, int concurrency, double reqPerSecond, TlsFigures tls) {
        String id = "epoll/raw/async/" + scenario + "/kafka/34B/c" + concurrency + (tls == null ? "" : "/" + tls.transport());
        return new CellResult(id, "epoll", "raw", "async", scenario, "kafka", 34, concurrency,
                new Estimate(reqPerSecond * 0.98, reqPerSecond, reqPerSecond * 1.02),
                new LatencySummary(1, 2, 3, 4, 5), Map.of("200", 1000L), Map.of(), new CpuUsage(1, 1, 1),
                new Verification(1000, 1000, true), new OutlierSummary(0, 0, 0, 0, 0), List.of(), "OK", "", tls);
    }

    @Test
    void shouldGiveTheKeepAliveRatioAgainstThePlaintextTwin() {
        List<String> lines = TlsSummary.lines(List.of(cell("keepalive", 64, 50_000, null),
                cell("keepalive", 64, 40_000, new TlsFigures("tls", 0, 0, 0))));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("epoll/raw/async c64").contains("40,000 req/s over TLS")
                .contains("50,000 plaintext").contains("0.80x");
    }

    @Test
    void shouldGiveFullAndResumedHandshakesPerSecondForBursts() {
        List<String> lines = TlsSummary.lines(List.of(cell("burst", 1000, 9_000, null),
                cell("burst", 1000, 6_000, new TlsFigures("tls", 10, 990, 6_000)),
                cell("burst", 1000, 2_000, new TlsFigures("tls-full", 1000, 0, 2_000))));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("burst").contains("2,000/s full").contains("6,000/s with resumption")
                .contains("99% resumed");
    }

    @Test
    void shouldSayNothingWithoutTlsCells() {
        assertThat(TlsSummary.lines(List.of(cell("keepalive", 64, 50_000, null)))).isEmpty();
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JvmFiguresTest {

    @Test
    void shouldReadHeapInUseAndSumOnlyTheStopTheWorldCollectors() {
        String text = """
                # HELP jvm_memory_used_bytes Used bytes of a given JVM memory area.
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap"} 3.50116E7
                jvm_memory_used_bytes{area="nonheap"} 2.3194848E7
                jvm_gc_collection_seconds_count{gc="G1 Concurrent GC"} 4
                jvm_gc_collection_seconds_sum{gc="G1 Concurrent GC"} 0.5
                jvm_gc_collection_seconds_sum{gc="G1 Old Generation"} 0.0
                jvm_gc_collection_seconds_sum{gc="G1 Young Generation"} 0.003 1700000000000
                """;

        JvmFigures f = JvmFigures.parse(text);

        assertThat(f.heapUsedBytes()).isEqualTo(35_011_600L);
        assertThat(f.gcPauseSeconds()).isCloseTo(0.003, within(1e-12));
    }

    @Test
    void shouldLeaveFiguresMissingWhenTheMetricsLackThem() {
        assertThat(JvmFigures.parse("sluice_http_requests_total 5\n")).isEqualTo(JvmFigures.NONE);
    }

    @Test
    void shouldGiveNothingWhenNobodyAnswers() {
        assertThat(JvmFigures.scrape(1, 200)).isEqualTo(JvmFigures.NONE);
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LiveHeapTest {

    @Test
    void shouldSumWhatEveryPoolHeldAfterItsLastCollection() {
        String text = """
                # TYPE jvm_memory_pool_collection_used_bytes gauge
                jvm_memory_pool_collection_used_bytes{pool="G1 Eden Space"} 0.0
                jvm_memory_pool_collection_used_bytes{pool="G1 Old Gen"} 2.2020096E7
                jvm_memory_pool_collection_used_bytes{pool="G1 Survivor Space"} 1048576.0 1700000000000
                jvm_memory_pool_used_bytes{pool="G1 Old Gen"} 9.9E7
                jvm_memory_used_bytes{area="heap"} 3.50116E7
                """;

        assertThat(LiveHeap.parse(text)).isEqualTo(22_020_096L + 1_048_576L);
        assertThat(LiveHeap.parse("jvm_memory_used_bytes{area=\"heap\"} 3.5E7\n")).isNull();
    }

    @Test
    void shouldForceAFullCollectionInAnotherJvmThroughItsDiagnosticCommand() {
        // jcmd is a JVM of its own, so it may attach to this one: this JVM stands in for the gateway
        long before = fullCollections();

        String problem = LiveHeap.forceFullCollection(ProcessHandle.current().pid(), Duration.ofSeconds(60));

        assertThat(problem).isNull();
        assertThat(fullCollections()).isGreaterThan(before);
    }

    @Test
    void shouldSayWhyWhenTheJvmCannotBeReached() {
        long noSuchPid = Integer.MAX_VALUE - 1L;

        String problem = LiveHeap.forceFullCollection(noSuchPid, Duration.ofSeconds(60));

        assertThat(problem).contains("jcmd " + noSuchPid + " GC.run");
        assertThat(LiveHeap.measure(noSuchPid, 1).bytes()).isNull();
    }

    /** Full collections so far (G1 Old Generation, PS MarkSweep, MarkSweepCompact): not young, not concurrent. */
    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().matches(".*(Young|Scavenge|Copy|Concurrent|Pauses|Cycles).*"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}

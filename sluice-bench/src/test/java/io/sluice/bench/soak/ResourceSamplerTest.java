package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ResourceSamplerTest {
    @TempDir
    Path proc;

    @Test
    void shouldMeasureTheLiveHeapInItsSecondsWithoutHoldingUpTheSamplesOfEverySecond() throws Exception {
        // a live-heap measurement as slow as jcmd on a loaded machine: 1.5 s
        ResourceSampler sampler = new ResourceSampler(1, 1, new ProcStats(proc), Set.of(0, 2), () -> {
            sleep(1500);
            return LiveHeap.Reading.of(42L << 20);
        });

        sampler.start(System.nanoTime());
        sleep(3400);
        List<ResourceSampler.Sample> samples = sampler.stop();

        assertThat(samples).hasSizeGreaterThanOrEqualTo(3).doesNotContainNull();
        assertThat(samples.get(0).liveHeapBytes()).isEqualTo(42L << 20);
        assertThat(samples.get(1).liveHeapBytes()).isNull();
        assertThat(samples.get(2).liveHeapBytes()).as("stop() waits for a measurement under way")
                .isEqualTo(42L << 20);
        assertThat(sampler.liveHeapProblems()).isEmpty();
    }

    @Test
    void shouldReportWhyTheLiveHeapWasNotMeasured() throws Exception {
        ResourceSampler sampler = new ResourceSampler(1, 1, new ProcStats(proc), Set.of(0),
                () -> LiveHeap.Reading.failed("jcmd 1 GC.run failed"));

        sampler.start(System.nanoTime());
        sleep(1300);
        List<ResourceSampler.Sample> samples = sampler.stop();

        assertThat(samples.get(0).liveHeapBytes()).isNull();
        assertThat(sampler.liveHeapProblems()).containsExactly(java.util.Map.entry(0, "jcmd 1 GC.run failed"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrentBitSetTest {

    @Test
    void shouldSetEachBitOnceAndFindThemInOrderAcrossChunks() {
        ConcurrentBitSet bits = new ConcurrentBitSet();
        long far = 3L * ConcurrentBitSet.CHUNK_BITS + 5;

        assertThat(bits.set(0)).isTrue();
        assertThat(bits.set(63)).isTrue();
        assertThat(bits.set(64)).isTrue();
        assertThat(bits.set(far)).isTrue();
        assertThat(bits.set(63)).as("already set").isFalse();

        assertThat(bits.get(63)).isTrue();
        assertThat(bits.get(62)).isFalse();
        assertThat(bits.get(2L * ConcurrentBitSet.CHUNK_BITS)).as("a chunk never touched").isFalse();
        assertThat(bits.cardinality()).isEqualTo(4);
        List<Long> found = new ArrayList<>();
        for (long i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            found.add(i);
        }
        assertThat(found).containsExactly(0L, 63L, 64L, far);
    }

    @Test
    void shouldCountEveryBitOnceWhenManyThreadsSetOverlappingRanges() throws Exception {
        ConcurrentBitSet bits = new ConcurrentBitSet();
        AtomicLong firstSets = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t * 50_000;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long i = offset; i < offset + 100_000; i++) { // each range overlaps the next by half
                    if (bits.set(i)) {
                        firstSets.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(bits.cardinality()).isEqualTo(250_000);
        assertThat(firstSets.get()).isEqualTo(250_000);
    }

    @Test
    void shouldRefuseANegativeOrTooLargeIndex() {
        ConcurrentBitSet bits = new ConcurrentBitSet();

        assertThatThrownBy(() -> bits.set(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bits.set(ConcurrentBitSet.MAX_BITS)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

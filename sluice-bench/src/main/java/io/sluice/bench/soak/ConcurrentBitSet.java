package io.sluice.bench.soak;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A growable set of non-negative longs below {@value #MAX_BITS}, one bit each, that many threads can add to
 * without a lock (a CAS per bit; chunks of {@value #CHUNK_BITS} bits are created on first use). A 10-minute soak
 * at 100 k req/s needs 60 M bits: 7.5 MiB. {@link java.util.BitSet} is not thread-safe and sizes by int.
 *
 * <p>Thread-safety: {@link #set} and {@link #get} from any thread; a reader sees every bit set before it
 * synchronised with the writer (e.g. after the load generator returned).
 */
final class ConcurrentBitSet {
    static final int CHUNK_BITS = 1 << 22;
    private static final int CHUNKS = 1 << 10;
    static final long MAX_BITS = (long) CHUNK_BITS * CHUNKS;

    private final AtomicReferenceArray<AtomicLongArray> chunks = new AtomicReferenceArray<>(CHUNKS);

    /** Sets bit {@code index}; returns false when it was already set. */
    boolean set(long index) {
        AtomicLongArray chunk = chunk(index, true);
        int bit = (int) (index % CHUNK_BITS);
        long mask = 1L << (bit & 63);
        int word = bit >>> 6;
        while (true) {
            long old = chunk.get(word);
            if ((old & mask) != 0) {
                return false;
            }
            if (chunk.compareAndSet(word, old, old | mask)) {
                return true;
            }
        }
    }

    boolean get(long index) {
        AtomicLongArray chunk = chunk(index, false);
        if (chunk == null) {
            return false;
        }
        int bit = (int) (index % CHUNK_BITS);
        return (chunk.get(bit >>> 6) & (1L << (bit & 63))) != 0;
    }

    /** Bits set, counted now. */
    long cardinality() {
        long n = 0;
        for (int c = 0; c < CHUNKS; c++) {
            AtomicLongArray chunk = chunks.get(c);
            if (chunk != null) {
                for (int w = 0; w < chunk.length(); w++) {
                    n += Long.bitCount(chunk.get(w));
                }
            }
        }
        return n;
    }

    /** The next set bit at or after {@code from}, or -1. */
    long nextSetBit(long from) {
        for (long i = Math.max(0, from); i < MAX_BITS; ) {
            AtomicLongArray chunk = chunks.get((int) (i / CHUNK_BITS));
            if (chunk == null) {
                i = (i / CHUNK_BITS + 1) * CHUNK_BITS;
                continue;
            }
            int bit = (int) (i % CHUNK_BITS);
            long word = chunk.get(bit >>> 6) & (-1L << (bit & 63));
            if (word != 0) {
                return i - (bit & 63) + Long.numberOfTrailingZeros(word);
            }
            i += 64 - (bit & 63);
        }
        return -1;
    }

    private AtomicLongArray chunk(long index, boolean create) {
        if (index < 0 || index >= MAX_BITS) {
            throw new IndexOutOfBoundsException("bit " + index + " outside [0, " + MAX_BITS + ")");
        }
        int c = (int) (index / CHUNK_BITS);
        AtomicLongArray chunk = chunks.get(c);
        if (chunk == null && create) {
            chunks.compareAndSet(c, null, new AtomicLongArray(CHUNK_BITS / 64));
            chunk = chunks.get(c);
        }
        return chunk;
    }
}

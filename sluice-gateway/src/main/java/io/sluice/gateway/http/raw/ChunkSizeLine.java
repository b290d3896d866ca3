package io.sluice.gateway.http.raw;

import io.sluice.gateway.http.internal.HttpGrammar;

/**
 * Parses a chunk-size line of the chunked transfer coding (RFC 9112 7.1):
 * {@code 1*HEXDIG [ BWS ";" chunk-ext ]}. Extensions are checked for control characters and ignored.
 * Stateless; thread-safe.
 */
final class ChunkSizeLine {
    private ChunkSizeLine() {
    }

    /**
     * The chunk size in {@code b[0, n)}, saturated at {@code limit + 1} so that no digit string can
     * overflow, or -1 when the line is malformed.
     */
    static long parse(byte[] b, int n, int limit) {
        long size = 0;
        int i = 0;
        while (i < n) {
            int digit = HttpGrammar.hexValue(b[i]);
            if (digit < 0) {
                break;
            }
            size = Math.min(size * 16 + digit, (long) limit + 1); // size <= 2^31, so size * 16 cannot overflow
            i++;
        }
        if (i == 0) {
            return -1;
        }
        if (i < n) {
            while (i < n && HttpGrammar.isWhitespace(b[i])) {
                i++;
            }
            if (i == n || b[i] != ';' || !HttpGrammar.isFieldContent(b, i, n)) {
                return -1;
            }
        }
        return size;
    }
}

package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;

/**
 * Collects one CRLF-terminated line from buffers that may split it anywhere, copying each byte once into
 * a reusable array (so a client sending one byte per read costs O(n), not O(n²)), and never more bytes
 * than the caller's budget. Confined to its parser's thread.
 */
final class CrlfLineReader {
    /** {@link #read} result: the line is not complete and every readable byte was consumed. */
    static final int NEED_MORE = -1;
    /** {@link #read} result: the line (with its CRLF) would be longer than the budget. */
    static final int TOO_LONG = -2;
    /** {@link #read} result: the line ended with a LF not preceded by CR. */
    static final int BARE_LF = -3;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int maxLine;
    private byte[] buf = new byte[256];
    private int len;
    private boolean complete;

    /** @param maxLine the largest budget a caller will pass (bounds the copy array) */
    CrlfLineReader(int maxLine) {
        this.maxLine = maxLine;
    }

    /**
     * Consumes bytes of {@code in} up to and including the next LF, at most {@code budget} bytes for the
     * whole line (what earlier calls consumed of it included).
     *
     * @return the length of the complete line without its CRLF (its bytes are {@link #bytes()}
     *     {@code [0, length)} until the next call), or {@link #NEED_MORE}, {@link #TOO_LONG} or
     *     {@link #BARE_LF}
     */
    int read(ByteBuf in, int budget) {
        if (complete) {
            len = 0;
            complete = false;
        }
        int from = in.readerIndex();
        int readable = in.writerIndex() - from;
        int window = Math.min(readable, budget - len);
        int lf = window <= 0 ? -1 : in.indexOf(from, from + window, LF);
        if (lf < 0) {
            if (len + Math.max(window, 0) >= budget) {
                return TOO_LONG; // even a LF as the very next byte would exceed the budget
            }
            append(in, from, window);
            return NEED_MORE;
        }
        append(in, from, lf - from);
        in.readerIndex(lf + 1);
        complete = true;
        if (len == 0 || buf[len - 1] != CR) {
            return BARE_LF;
        }
        return len - 1;
    }

    /** The bytes of the line {@link #read} last returned complete (a CR may follow its end). */
    byte[] bytes() {
        return buf;
    }

    /** Bytes of an incomplete line consumed so far (0 between lines). */
    int pending() {
        return complete ? 0 : len;
    }

    void reset() {
        len = 0;
        complete = false;
    }

    private void append(ByteBuf in, int from, int n) {
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.min(Math.max(buf.length * 2, len + n), Math.max(maxLine, len + n))];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
        in.getBytes(from, buf, len, n);
        len += n;
        in.readerIndex(from + n);
    }
}

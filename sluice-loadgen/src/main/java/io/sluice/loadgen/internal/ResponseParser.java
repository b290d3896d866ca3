package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;

/**
 * Incremental reader of HTTP/1.1 responses that keeps only what a load generator needs: the status code and
 * where the response ends. Single-threaded (one per connection, on its event loop); allocates nothing and
 * creates no Strings.
 *
 * <p>It reads the status line, looks for {@code Content-Length} among the headers (case-insensitive), and
 * skips that many body bytes; it also notes
 * {@code Connection: close}, so a keep-alive client knows not to reuse the connection. Responses may arrive split at any byte and several may arrive in one buffer
 * (pipelining): call {@link #next(ByteBuf)} until it returns {@link #NEED_MORE}. Interim {@code 1xx} answers
 * are skipped. A response without {@code Content-Length} is taken to have no body; chunked bodies are not
 * supported (Sluice always sends {@code Content-Length}).
 */
public final class ResponseParser {
    /** {@link #next} consumed every readable byte without completing a response. */
    public static final int NEED_MORE = -1;
    /** The bytes are not an HTTP/1.x response; the parser stays in this state. */
    public static final int MALFORMED = -2;

    private static final byte[] CONTENT_LENGTH = {'c', 'o', 'n', 't', 'e', 'n', 't', '-', 'l', 'e', 'n', 'g', 't', 'h'};
    private static final byte[] CONNECTION = {'c', 'o', 'n', 'n', 'e', 'c', 't', 'i', 'o', 'n'};
    private static final byte[] CLOSE = {'c', 'l', 'o', 's', 'e'};
    private static final long MAX_CONTENT_LENGTH = 1L << 40;
    private static final int MAX_VERSION_LENGTH = 16;

    private static final int VERSION = 0;
    private static final int STATUS = 1;
    private static final int REASON = 2;
    private static final int LINE_START = 3;
    private static final int NAME = 4;
    private static final int LENGTH_VALUE = 5;
    private static final int SKIP_LINE = 6;
    private static final int BODY = 7;
    private static final int BROKEN = 8;
    private static final int CONNECTION_VALUE = 9;

    private int state = VERSION;
    private int versionLength;
    private int status;
    private int statusDigits;
    private int nameMatched;
    private boolean lengthMatches;
    private boolean connectionMatches;
    private int closeMatched;
    private long contentLength;
    private boolean closes;
    private boolean lastCloses;

    /**
     * Reads from {@code in}'s reader index on. Returns the status code of the next complete response (the reader
     * index then stands just after it), {@link #NEED_MORE} when every readable byte was consumed without
     * completing one, or {@link #MALFORMED}.
     */
    public int next(ByteBuf in) {
        int i = in.readerIndex();
        int end = in.writerIndex();
        while (i < end) {
            if (state == BODY) {
                long skip = Math.min(contentLength, end - i);
                i += (int) skip;
                contentLength -= skip;
                if (contentLength == 0) {
                    in.readerIndex(i);
                    return complete();
                }
                continue;
            }
            byte b = in.getByte(i++);
            switch (state) {
                case VERSION -> {
                    if (b == ' ') {
                        state = versionLength >= 8 ? STATUS : BROKEN;
                    } else if ((versionLength == 0 && b != 'H') || ++versionLength > MAX_VERSION_LENGTH) {
                        state = BROKEN;
                    }
                }
                case STATUS -> {
                    if (b >= '0' && b <= '9' && statusDigits < 3) {
                        status = status * 10 + (b - '0');
                        statusDigits++;
                    } else if (statusDigits == 3 && (b == ' ' || b == '\r' || b == '\n')) {
                        state = b == '\n' ? LINE_START : REASON;
                    } else {
                        state = BROKEN;
                    }
                }
                case REASON, SKIP_LINE -> {
                    if (b == '\n') {
                        state = LINE_START;
                    }
                }
                case LINE_START -> {
                    if (b == '\n') {
                        if (endOfHeaders()) {
                            in.readerIndex(i);
                            return complete();
                        }
                    } else if (b != '\r') {
                        nameMatched = 0;
                        lengthMatches = true;
                        connectionMatches = true;
                        state = NAME;
                        matchName(b);
                    }
                }
                case NAME -> {
                    if (b == ':') {
                        if (lengthMatches && nameMatched == CONTENT_LENGTH.length) {
                            contentLength = 0;
                            state = LENGTH_VALUE;
                        } else if (connectionMatches && nameMatched == CONNECTION.length) {
                            closeMatched = 0;
                            state = CONNECTION_VALUE;
                        } else {
                            state = SKIP_LINE;
                        }
                    } else if (b == '\n') {
                        state = LINE_START;
                    } else {
                        matchName(b);
                    }
                }
                case LENGTH_VALUE -> {
                    if (b >= '0' && b <= '9') {
                        contentLength = contentLength * 10 + (b - '0');
                        if (contentLength > MAX_CONTENT_LENGTH) {
                            state = BROKEN;
                        }
                    } else if (b == '\n') {
                        state = LINE_START;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        state = BROKEN;
                    }
                }
                case CONNECTION_VALUE -> {
                    if (b == '\n') {
                        closes |= closeMatched == CLOSE.length;
                        state = LINE_START;
                    } else if (b == ' ' || b == '\t' || b == '\r') {
                        closes |= closeMatched == CLOSE.length;
                    } else if (closeMatched >= 0 && closeMatched < CLOSE.length && lower(b) == CLOSE[closeMatched]) {
                        closeMatched++;
                    } else {
                        closeMatched = -1; // another token, or "close" followed by more: not a plain close
                    }
                }
                default -> {
                    in.readerIndex(end);
                    return MALFORMED;
                }
            }
        }
        in.readerIndex(end);
        return state == BROKEN ? MALFORMED : NEED_MORE;
    }

    /** Whether the parser is between responses (nothing of a response read yet). */
    public boolean idle() {
        return state == VERSION && versionLength == 0;
    }

    /** Whether the response last returned by {@link #next} said {@code Connection: close}. */
    public boolean lastResponseCloses() {
        return lastCloses;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** Matches the header name against both names of interest at once (they share a prefix). */
    private void matchName(byte b) {
        int c = lower(b);
        lengthMatches &= nameMatched < CONTENT_LENGTH.length && c == CONTENT_LENGTH[nameMatched];
        connectionMatches &= nameMatched < CONNECTION.length && c == CONNECTION[nameMatched];
        nameMatched++;
    }

    /** The blank line after the headers: returns whether the response is complete now (no body to skip). */
    private boolean endOfHeaders() {
        if (status >= 100 && status < 200) { // interim answer: no body, the real one follows
            reset();
            return false;
        }
        if (contentLength > 0) {
            state = BODY;
            return false;
        }
        return true;
    }

    private int complete() {
        int s = status;
        lastCloses = closes;
        reset();
        return s;
    }

    private void reset() {
        state = VERSION;
        versionLength = 0;
        status = 0;
        statusDigits = 0;
        contentLength = 0;
        closes = false;
    }
}

package io.sluice.gateway.http.formats;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Confined to one thread: splits a stream of concatenated JSON objects (REST Proxy v3's streaming produce body) into one byte array
 * per top-level object, by counting braces outside strings, so that one malformed object costs only itself:
 * the next one still starts at the next top-level '{'. Bytes may arrive in any pieces ({@link #feed}); an
 * object is handed on as soon as its closing brace arrives. Text outside objects other than whitespace is
 * handed on as a segment of its own (which then fails to parse as a record). Confined to one thread.
 */
final class ConcatenatedJson {
    private final Consumer<byte[]> segments;
    private final int maxSegment;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean stray;

    /**
     * @param segments   receives each complete top-level object (or run of stray text), in order
     * @param maxSegment the most bytes one object may take; a longer one is handed on cut (and fails to parse)
     */
    ConcatenatedJson(Consumer<byte[]> segments, int maxSegment) {
        this.segments = segments;
        this.maxSegment = maxSegment;
    }

    /** Consumes the readable bytes of {@code in} (without moving its reader index). */
    void feed(ByteBuf in) {
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            feed(in.getByte(i));
        }
    }

    private void feed(byte b) {
        if (depth == 0) {
            if (b == '{') {
                flushStray();
                depth = 1;
                current.write(b);
            } else if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                if (stray) {
                    flushStray();
                }
            } else {
                stray = true;
                current.write(b);
            }
            return;
        }
        current.write(b);
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
        } else if (b == '"') {
            inString = true;
        } else if (b == '{' || b == '[') {
            depth++;
        } else if (b == '}' || b == ']') {
            depth--;
            if (depth == 0) {
                emit();
            }
        }
        if (depth > 0 && current.size() > maxSegment) {
            emit(); // hopelessly long: hand on what there is (it will fail to parse) and resynchronise
            depth = 0;
            inString = false;
            escaped = false;
        }
    }

    private void flushStray() {
        if (stray) {
            stray = false;
            emit();
        }
    }

    /** The input ended: whatever is left (an unfinished object, stray text) is handed on. */
    void finish() {
        if (current.size() > 0) {
            emit();
        }
        depth = 0;
        stray = false;
    }

    private void emit() {
        byte[] segment = current.toByteArray();
        current.reset();
        segments.accept(segment);
    }
}

package io.sluice.gateway.http.raw;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.ProtocolError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a {@link RawRequestParser} the way a transport does (parse until NEED_MORE, take each ready
 * request, stop at the first error) and records what came out as comparable values, releasing every
 * body and input buffer on the way so that tests can check nothing leaks. Single-threaded.
 */
final class ParserHarness {

    /** What one parse step produced. */
    sealed interface Event permits Request, Continue, Error {
    }

    /** A ready request, copied out (its body was released). */
    record Request(String method, String path, String query, List<String> headers, String body,
                   boolean keepAlive) implements Event {
    }

    /** {@link RawRequestParser.Progress#CONTINUE_EXPECTED}. */
    record Continue() implements Event {
    }

    /** {@link RawRequestParser.Progress#ERROR}. */
    record Error(int status, String code) implements Event {
    }

    final TrackingAllocator alloc = new TrackingAllocator();
    final RawRequestParser parser;
    final List<Event> events = new ArrayList<>();
    private boolean dead;

    ParserHarness(int maxHeaderSize, int maxBodySize) {
        parser = new RawRequestParser(alloc, maxHeaderSize, maxBodySize);
    }

    ParserHarness() {
        this(8192, 1024 * 1024);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds the chunks one buffer each; returns every event so far. */
    List<Event> feed(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            if (dead) {
                break;
            }
            ByteBuf in = Unpooled.buffer(chunk.length).writeBytes(chunk); // never the shared EMPTY_BUFFER
            feedBuffer(in);
            in.release();
            assertThat(in.refCnt()).as("the parser kept a reference to the input").isZero();
        }
        return events;
    }

    List<Event> feed(String... chunks) {
        byte[][] b = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            b[i] = bytes(chunks[i]);
        }
        return feed(b);
    }

    /** Feeds one byte per buffer. */
    List<Event> feedBytewise(byte[] stream) {
        for (byte b : stream) {
            feed(new byte[] {b});
        }
        return events;
    }

    private void feedBuffer(ByteBuf in) {
        for (int steps = 0; ; steps++) {
            assertThat(steps).as("parse made no progress").isLessThan(in.capacity() + 16);
            switch (parser.parse(in)) {
                case NEED_MORE -> {
                    assertThat(in.isReadable()).as("NEED_MORE left bytes unread").isFalse();
                    return;
                }
                case CONTINUE_EXPECTED -> events.add(new Continue());
                case REQUEST_READY -> events.add(snapshot(parser.takeRequest()));
                case ERROR -> {
                    ProtocolError e = parser.error();
                    events.add(new Error(e.status(), e.code()));
                    dead = true;
                    return;
                }
            }
        }
    }

    static Request snapshot(GatewayRequest r) {
        List<String> headers = new ArrayList<>();
        r.headers().forEach((n, v) -> headers.add(n + ": " + v));
        String body = r.body().toString(StandardCharsets.ISO_8859_1);
        r.body().release(); // a no-op on Unpooled.EMPTY_BUFFER
        return new Request(r.method(), r.path(), r.query(), headers, body, r.keepAlive());
    }

    /** Releases the parser and checks that every buffer it allocated was released. */
    void releaseAndCheck() {
        parser.release();
        alloc.assertAllReleased();
    }

    /** An unpooled heap allocator that remembers what it handed out. */
    static final class TrackingAllocator extends AbstractByteBufAllocator {
        final List<ByteBuf> allocated = new ArrayList<>();

        TrackingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
            allocated.add(b);
            return b;
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return newHeapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        void assertAllReleased() {
            for (ByteBuf b : allocated) {
                assertThat(b.refCnt()).as("a buffer from the parser's allocator was not released").isZero();
            }
        }
    }
}

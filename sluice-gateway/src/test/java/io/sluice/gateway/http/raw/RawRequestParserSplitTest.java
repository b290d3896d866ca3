package io.sluice.gateway.http.raw;

import static io.sluice.gateway.http.raw.ParserHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.raw.ParserHarness.Continue;
import io.sluice.gateway.http.raw.ParserHarness.Event;
import io.sluice.gateway.http.raw.ParserHarness.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pipelining and fragmentation: however the connection splits the bytes, the same requests come out in
 * the same order. Pins the reference experiment's bugs (a raw-TCP server that ignored Content-Length and
 * broke on pipelined requests and split reads).
 */
class RawRequestParserSplitTest {
    private static final String PIPELINE = ""
            + "POST /topics/a?key=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"
            + "\r\n" // a stray CRLF after a body, as some clients send
            + "POST /topics/b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nwiki\r\n5\r\npedia\r\n0\r\n"
            + "Trailer-A: 1\r\n\r\n"
            + "GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
            + "POST /topics/c HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private static List<Event> whole(String stream) {
        ParserHarness h = new ParserHarness(256, 64);
        List<Event> events = h.feed(bytes(stream));
        h.releaseAndCheck();
        return events;
    }

    @Test
    void shouldParsePipelinedRequestsFromOneBufferInOrder() {
        assertThat(whole(PIPELINE)).containsExactly(
                new Request("POST", "/topics/a", "key=1", List.of("Host: h", "Content-Length: 11"), "hello world", true),
                new Request("POST", "/topics/b", null, List.of("Host: x", "Transfer-Encoding: chunked"), "wikipedia", true),
                new Request("GET", "/health", null, List.of("Connection: keep-alive"), "", true),
                new Request("POST", "/topics/c", null, List.of("Host: x", "Content-Length: 0", "Connection: close"), "", false));
    }

    @Test
    void shouldParseSameRequestsWhenFedOneByteAtATime() {
        ParserHarness h = new ParserHarness(256, 64);
        List<Event> events = h.feedBytewise(bytes(PIPELINE));
        h.releaseAndCheck();
        assertThat(events).isEqualTo(whole(PIPELINE));
    }

    @Test
    void shouldParseSameRequestsAtEverySplitPositionOfTwoRequests() {
        String twoRequests = "POST /x?q HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nA: b\r\n\r\nhello"
                + "POST /y HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;e\r\nabc\r\n0\r\nT: v\r\n\r\n";
        byte[] stream = bytes(twoRequests);
        List<Event> expected = whole(twoRequests);
        assertThat(expected).hasSize(2);
        for (int cut = 0; cut <= stream.length; cut++) {
            ParserHarness h = new ParserHarness(256, 64);
            List<Event> events = h.feed(Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length));
            h.releaseAndCheck();
            assertThat(events).as("split at byte %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void shouldParseSameRequestsAtEveryPairOfSplitPositions() {
        String twoRequests = "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /y HTTP/1.1\r\nHost: x\r\n\r\n";
        byte[] stream = bytes(twoRequests);
        List<Event> expected = whole(twoRequests);
        for (int a = 0; a <= stream.length; a++) {
            for (int b = a; b <= stream.length; b++) {
                ParserHarness h = new ParserHarness(256, 64);
                List<Event> events = h.feed(Arrays.copyOfRange(stream, 0, a), Arrays.copyOfRange(stream, a, b),
                        Arrays.copyOfRange(stream, b, stream.length));
                h.releaseAndCheck();
                assertThat(events).as("split at bytes %d and %d", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldExpectContinueOnlyWhenTheSplitLeavesTheBodyOut() {
        String request = "POST /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok";
        byte[] stream = bytes(request);
        int headLength = request.length() - 2;
        for (int cut = 0; cut <= stream.length; cut++) {
            ParserHarness h = new ParserHarness(256, 64);
            List<Event> events = h.feed(Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length));
            h.releaseAndCheck();
            boolean bodySplitOff = cut >= headLength && cut < stream.length;
            assertThat(events.stream().filter(Continue.class::isInstance).count())
                    .as("split at byte %d", cut).isEqualTo(bodySplitOff ? 1 : 0);
            assertThat(events.get(events.size() - 1)).isInstanceOf(Request.class);
        }
    }

    /**
     * A head sent one byte per read costs time linear in its length: the line reader copies each byte once and
     * never looks at the bytes of earlier reads again. The head is one header line of 1 MiB, because quadratic
     * work hides in short lines: re-scanning or re-copying the line so far on every read costs 5.5e11 byte
     * operations here (about a minute at 10 GB/s), linear parsing 0.1 to 0.25 s (JIT warm-up included). The
     * bound is on this thread's CPU time, so a busy machine does not fail it, and the test gives up as soon as
     * it is passed, so a quadratic parser fails within seconds. (The previous version, 60 lines of 1 KiB under a
     * 5 s wall-clock bound, passed with per-line re-scanning: 3e7 byte operations.)
     */
    @Test
    void shouldStayLinearForAHeadSentOneByteAtATime() {
        byte[] head = bytes("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(1 << 20) + "\r\n\r\n");
        ParserHarness.TrackingAllocator alloc = new ParserHarness.TrackingAllocator();
        RawRequestParser parser = new RawRequestParser(alloc, head.length, 0);
        ByteBuf in = Unpooled.wrappedBuffer(head);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bound = 3_000_000_000L; // ns of CPU time
        long start = threads.getCurrentThreadCpuTime();

        RawRequestParser.Progress last = null;
        for (int i = 0; i < head.length; i++) {
            in.setIndex(i, i + 1); // one byte readable: the next one
            last = parser.parse(in);
            assertThat(in.isReadable()).isFalse();
            if ((i & 0xFFF) == 0) {
                long spent = threads.getCurrentThreadCpuTime() - start;
                assertThat(spent).as("CPU ns after %,d of %,d bytes", i, head.length).isLessThan(bound);
            }
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        System.out.printf("%,d bytes one at a time: %,d ms of CPU%n", head.length, spent / 1_000_000);

        assertThat(last).isEqualTo(RawRequestParser.Progress.REQUEST_READY);
        GatewayRequest request = parser.takeRequest();
        assertThat(request.headers().get("X-Pad")).hasSize(1 << 20);
        request.body().release();
        parser.release();
        alloc.assertAllReleased();
        assertThat(spent).as("CPU ns for %,d bytes", head.length).isLessThan(bound);
    }
}

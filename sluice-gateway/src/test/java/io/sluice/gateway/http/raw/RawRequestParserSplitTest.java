package io.sluice.gateway.http.raw;

import static io.sluice.gateway.http.raw.ParserHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.http.raw.ParserHarness.Continue;
import io.sluice.gateway.http.raw.ParserHarness.Event;
import io.sluice.gateway.http.raw.ParserHarness.Request;
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

    @Test
    void shouldStayLinearForAHeadSentOneByteAtATime() {
        int maxHeader = 64 * 1024;
        String head = "GET / HTTP/1.1\r\nHost: x\r\n" + ("X-Pad: " + "p".repeat(1000) + "\r\n").repeat(60) + "\r\n";
        ParserHarness h = new ParserHarness(maxHeader, 0);
        long start = System.nanoTime();
        List<Event> events = h.feedBytewise(bytes(head));
        long millis = (System.nanoTime() - start) / 1_000_000;
        h.releaseAndCheck();
        assertThat(events).hasSize(1);
        // quadratic re-scanning would examine ~1.8e9 bytes here; linear parsing takes well under a second
        assertThat(millis).isLessThan(5_000);
    }
}

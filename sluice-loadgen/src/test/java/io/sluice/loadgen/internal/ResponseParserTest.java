package io.sluice.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response reader, fed bytes directly: no sockets. */
class ResponseParserTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
            + "{\"ok\":true}";
    private static final String UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 2\r\n"
            + "Retry-After: 1\r\n\r\nno";
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\nX-Content-Length-Ish: 99\r\n\r\n";

    private final ResponseParser parser = new ResponseParser();

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private List<Integer> drain(ByteBuf in) {
        List<Integer> out = new ArrayList<>();
        int s;
        while ((s = parser.next(in)) != ResponseParser.NEED_MORE) {
            out.add(s);
            if (s == ResponseParser.MALFORMED) {
                break;
            }
        }
        return out;
    }

    @Test
    void shouldReadTheStatusAndSkipTheBodyOfOneResponse() {
        ByteBuf in = bytes(OK);

        assertThat(drain(in)).containsExactly(200);
        assertThat(in.isReadable()).isFalse();
        assertThat(parser.idle()).isTrue();
    }

    @Test
    void shouldReadPipelinedResponsesFromOneBuffer() {
        assertThat(drain(bytes(OK + UNAVAILABLE + NO_CONTENT + OK))).containsExactly(200, 503, 204, 200);
    }

    @Test
    void shouldReadResponsesSplitAtEveryByte() {
        byte[] all = (OK + UNAVAILABLE + NO_CONTENT).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> statuses = new ArrayList<>();
        for (byte b : all) {
            statuses.addAll(drain(Unpooled.wrappedBuffer(new byte[] {b})));
        }
        assertThat(statuses).containsExactly(200, 503, 204);
    }

    @Test
    void shouldReadResponsesSplitAtEveryPossiblePoint() {
        byte[] all = (OK + UNAVAILABLE).getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut <= all.length; cut++) {
            ResponseParser p = new ResponseParser();
            List<Integer> statuses = new ArrayList<>();
            for (ByteBuf part : new ByteBuf[] {Unpooled.wrappedBuffer(all, 0, cut),
                    Unpooled.wrappedBuffer(all, cut, all.length - cut)}) {
                for (int s; (s = p.next(part)) != ResponseParser.NEED_MORE; ) {
                    statuses.add(s);
                }
            }
            assertThat(statuses).as("cut at %d", cut).containsExactly(200, 503);
        }
    }

    @Test
    void shouldStopAtTheEndOfAResponseLeavingTheNextOneUnread() {
        ByteBuf in = bytes(OK + UNAVAILABLE);

        assertThat(parser.next(in)).isEqualTo(200);
        assertThat(in.readerIndex()).isEqualTo(OK.length());
    }

    @Test
    void shouldSkipInterimContinueAnswers() {
        assertThat(drain(bytes("HTTP/1.1 100 Continue\r\n\r\n" + OK))).containsExactly(200);
    }

    @Test
    void shouldAcceptBareLineFeedsAndBlankPaddingInTheLength() {
        assertThat(drain(bytes("HTTP/1.0 404 Not Found\nContent-Length:\t 3 \n\nabc"))).containsExactly(404);
    }

    @Test
    void shouldReportGarbageAsMalformed() {
        assertThat(drain(bytes("<html>hello</html>\r\n"))).containsExactly(ResponseParser.MALFORMED);
        assertThat(new ResponseParser().next(bytes("HTTP/1.1 2x0 OK\r\n\r\n"))).isEqualTo(ResponseParser.MALFORMED);
        assertThat(new ResponseParser().next(bytes("HTTP/1.1 200 OK\r\nContent-Length: 1a\r\n\r\n")))
                .isEqualTo(ResponseParser.MALFORMED);
    }

    @Test
    void shouldNoteWhenTheServerClosesTheConnectionAfterAResponse() {
        ByteBuf in = bytes("HTTP/1.1 503 Service Unavailable\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n"
                + OK + "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nconnection:close\r\n\r\n");

        assertThat(parser.next(in)).isEqualTo(503);
        assertThat(parser.lastResponseCloses()).isTrue();
        assertThat(parser.next(in)).isEqualTo(200);
        assertThat(parser.lastResponseCloses()).isFalse();
        assertThat(parser.next(in)).isEqualTo(200);
        assertThat(parser.lastResponseCloses()).isFalse();
        assertThat(parser.next(in)).isEqualTo(200);
        assertThat(parser.lastResponseCloses()).isTrue();
    }

    @Test
    void shouldWaitForTheWholeBody() {
        ByteBuf in = bytes(OK.substring(0, OK.length() - 1));

        assertThat(parser.next(in)).isEqualTo(ResponseParser.NEED_MORE);
        assertThat(parser.next(bytes("}"))).isEqualTo(200);
    }
}

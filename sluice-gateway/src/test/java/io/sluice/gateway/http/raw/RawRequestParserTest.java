package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.ProtocolError;
import io.sluice.gateway.http.raw.ParserHarness.Continue;
import io.sluice.gateway.http.raw.ParserHarness.Error;
import io.sluice.gateway.http.raw.ParserHarness.Event;
import io.sluice.gateway.http.raw.ParserHarness.Request;
import io.sluice.gateway.http.raw.RawRequestParser.Progress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawRequestParserTest {
    private static final String POST_HEAD = "POST /topics/orders?partition=1 HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 34\r\n\r\n";
    private static final String BODY_34 = "{\"records\":[{\"value\":\"hello!!!\"}]}";

    private ParserHarness h = new ParserHarness();

    @AfterEach
    void nothingLeaks() {
        h.releaseAndCheck();
    }

    private List<Event> parse(String... chunks) {
        return h.feed(chunks);
    }

    private Request only(String... chunks) {
        List<Event> events = parse(chunks);
        assertThat(events).hasSize(1).first().isInstanceOf(Request.class);
        return (Request) events.get(0);
    }

    private void assertRejected(String input, int status, String code) {
        assertThat(parse(input)).containsExactly(new Error(status, code));
    }

    // --- request line -------------------------------------------------------------------------------

    @Test
    void shouldParseMethodPathQueryHeadersAndContentLengthBody() {
        Request r = only(POST_HEAD + BODY_34);
        assertThat(r).isEqualTo(new Request("POST", "/topics/orders", "partition=1",
                List.of("Host: localhost", "Content-Type: application/json", "Content-Length: 34"), BODY_34, true));
    }

    @Test
    void shouldSplitTargetAtFirstQuestionMarkWithoutDecoding() {
        Request r = only("GET /a%20b?x=1?y=%41 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.path()).isEqualTo("/a%20b");
        assertThat(r.query()).isEqualTo("x=1?y=%41");
        assertThat(only2("GET /a? HTTP/1.1\r\nHost: x\r\n\r\n").query()).isEmpty();
        assertThat(only2("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").query()).isNull();
    }

    private Request only2(String input) {
        ParserHarness other = new ParserHarness();
        List<Event> events = other.feed(input);
        other.releaseAndCheck();
        return (Request) events.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b?c", "*", "http://example.com/x?y", "example.com:443"})
    void shouldAcceptEveryRequestTargetForm(String target) {
        assertThat(only("OPTIONS " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").path()).isNotEmpty();
    }

    @Test
    void shouldKeepMethodAsSent() {
        assertThat(only("purge /x HTTP/1.1\r\nHost: x\r\n\r\n").method()).isEqualTo("purge");
    }

    @Test
    void shouldSkipEmptyLinesBeforeRequestLine() {
        assertThat(only("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").path()).isEqualTo("/");
    }

    @Test
    void shouldNotCountEmptyLinesAsStartOfHead() {
        h.feed("\r\n");
        assertThat(h.parser.inHead()).isFalse();
        h.feed("G");
        assertThat(h.parser.inHead()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\n\r\n",            // bare LF ending the request line
        "\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",        // bare LF as an empty line
        "GET /a\rb HTTP/1.1\r\nHost: x\r\n\r\n",      // bare CR in the target
        "GET / HTTP/1.1\r\r\n\r\n",        // bare CR before CRLF
        "GET /\r\n\r\n",                   // no version (HTTP/0.9)
        "GET / http/1.1\r\n\r\n",          // version is case-sensitive
        "GET / HTTP/1.1 \r\n\r\n",         // trailing space
        "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",         // two spaces
        "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",       // space in the target
        "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",          // method is not a token
        " GET / HTTP/1.1\r\nHost: x\r\n\r\n",         // leading space
        "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",    // control character in the target
        "GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n",    // non-ASCII byte in the target
        "GET / HTTP/11\r\n\r\n",           // malformed version
        "GET ?topics HTTP/1.1\r\nHost: x\r\n\r\n",     // no request-target form (fuzzer finding: empty path)
        "GET ** HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET :80 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\n\r\n", // bare LF ending a header line
    })
    void shouldAnswer400ForMalformedRequestLineOrLineEnding(String input) {
        assertRejected(input, 400, "bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.1"})
    void shouldAnswer505ForUnsupportedVersion(String version) {
        assertRejected("GET / " + version + "\r\n\r\n", 505, "http_version_not_supported");
    }

    @Test
    void shouldAcceptRequestLineExactlyAtLimitAndAnswer414Beyond() {
        String atLimit = "GET /" + "a".repeat(64 - 16) + " HTTP/1.1\r\n"; // 64 bytes with CRLF
        assertThat(atLimit).hasSize(64);
        h = new ParserHarness(64, 100);
        assertThat(h.feed(atLimit + "Host: x\r\n\r\n")).containsExactly(new Error(431, "headers_too_large"));
        h = new ParserHarness(75, 100);
        assertThat(h.feed(atLimit + "Host: x\r\n\r\n")).hasSize(1).first().isInstanceOf(Request.class);
        h = new ParserHarness(63, 100);
        assertThat(h.feed(atLimit)).containsExactly(new Error(414, "uri_too_long"));
    }

    @Test
    void shouldAnswer414AsSoonAsTheLimitIsPassedWithoutALineEnd() {
        h = new ParserHarness(64, 100);
        assertThat(h.feed("GET /" + "a".repeat(100))).containsExactly(new Error(414, "uri_too_long"));
    }

    @Test
    void shouldAnswer431WhenHeadersExceedLimitAsBytesArrive() {
        h = new ParserHarness(128, 100);
        assertThat(h.feed("GET / HTTP/1.1\r\nHost: x\r\n", "X-Big: " + "v".repeat(200))) // no line end yet
                .containsExactly(new Error(431, "headers_too_large"));
    }

    @Test
    void shouldAnswer431WhenManySmallHeadersExceedLimit() {
        h = new ParserHarness(128, 100);
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\n" + "A: b\r\n".repeat(30) + "\r\n", 431, "headers_too_large");
    }

    // --- header fields ------------------------------------------------------------------------------

    @Test
    void shouldLookUpHeadersCaseInsensitivelyReturningFirstValueAndIterateInOrder() {
        ParserHarness live = new ParserHarness();
        RawRequestParser p = live.parser;
        ByteBuf in = Unpooled.copiedBuffer("GET / HTTP/1.1\r\nX-Tag: one\r\nHost: h\r\nx-tag: two\r\n\r\n",
                StandardCharsets.ISO_8859_1);
        assertThat(p.parse(in)).isEqualTo(Progress.REQUEST_READY);
        GatewayRequest r = p.takeRequest();
        in.release();
        assertThat(r.headers().get("x-TAG")).isEqualTo("one");
        assertThat(r.headers().get("HOST")).isEqualTo("h");
        assertThat(r.headers().get("Missing")).isNull();
        List<String> order = new ArrayList<>();
        r.headers().forEach((n, v) -> order.add(n + "=" + v));
        assertThat(order).containsExactly("X-Tag=one", "Host=h", "x-tag=two");
        assertThat(r.body()).isSameAs(Unpooled.EMPTY_BUFFER);
        live.releaseAndCheck();
    }

    @Test
    void shouldTrimOptionalWhitespaceAroundValueAndKeepInnerWhitespace() {
        Request r = only("GET / HTTP/1.1\r\nHost: x\r\nX-A: \t a \t b \t\r\nX-B:\r\nX-C:c\r\n\r\n");
        assertThat(r.headers()).containsExactly("Host: x", "X-A: a \t b", "X-B: ", "X-C: c");
    }

    @Test
    void shouldAcceptObsTextInValues() {
        assertThat(only("GET / HTTP/1.1\r\nHost: x\r\nX-A: caf\u00e9\r\n\r\n").headers()).containsExactly("Host: x", "X-A: caf\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Host : x\r\n",          // whitespace between name and colon
        "Host\t: x\r\n",
        "Host: x\r\n folded\r\n", // obs-fold
        " Host: x\r\n",          // whitespace before the first field
        "\tHost: x\r\n",
        "Host: a\u0000b\r\n",    // NUL in value
        "Host: a\rb\r\n",        // bare CR in value
        "Host: a\u007fb\r\n",    // DEL in value
        "Ho\u0001st: x\r\n",     // control character in name
        "Ho(st: x\r\n",          // name is not a token
        ": x\r\n",               // empty name
        "NoColon\r\n",
    })
    void shouldAnswer400ForMalformedHeaderLine(String field) {
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\n" + field + "\r\n", 400, "bad_request");
    }

    // --- Content-Length -----------------------------------------------------------------------------

    @Test
    void shouldHandOutZeroCopySliceWhenWholeBodyIsInTheBuffer() {
        ByteBuf in = Unpooled.copiedBuffer(POST_HEAD + BODY_34, StandardCharsets.ISO_8859_1);
        assertThat(h.parser.parse(in)).isEqualTo(Progress.REQUEST_READY);
        GatewayRequest r = h.parser.takeRequest();
        assertThat(r.body().unwrap()).isSameAs(in);
        assertThat(h.alloc.allocated).isEmpty();
        r.body().release();
        in.release();
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void shouldAccumulateBodySplitAcrossReadsIntoAllocatedBuffer() {
        Request r = only(POST_HEAD + BODY_34.substring(0, 10), BODY_34.substring(10, 20), BODY_34.substring(20));
        assertThat(r.body()).isEqualTo(BODY_34);
        assertThat(h.alloc.allocated).hasSize(1);
    }

    @Test
    void shouldGiveEmptyBodyWithoutContentLengthOrTransferEncoding() {
        assertThat(only("POST /x HTTP/1.1\r\nHost: x\r\n\r\n").body()).isEmpty();
        assertThat(h.alloc.allocated).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 5\r\n", "Content-Length: 5, 5\r\n",
        "content-length:5 ,5\r\n", "Content-Length: 005\r\n"})
    void shouldAcceptRepeatedIdenticalContentLengths(String fields) {
        assertThat(only("POST / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\nhello").body()).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: 5, 6\r\n",
        "Content-Length: -1\r\n", "Content-Length: +5\r\n", "Content-Length: 5x\r\n", "Content-Length: \r\n",
        "Content-Length: 5,\r\n", "Content-Length: ,5\r\n", "Content-Length: 5 5\r\n", "Content-Length: 0x5\r\n",
        "Content-Length: 99999999999999999999999999\r\n"})
    void shouldAnswer400ForInvalidOrConflictingContentLength(String fields) {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\nhello", 400, "bad_request");
    }

    @Test
    void shouldAnswer413FromContentLengthBeforeReadingTheBody() {
        h = new ParserHarness(8192, 10);
        assertThat(h.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n"))
                .containsExactly(new Error(413, "body_too_large"));
        assertThat(h.alloc.allocated).isEmpty();
    }

    @Test
    void shouldAcceptBodyExactlyAtLimit() {
        h = new ParserHarness(8192, 5);
        assertThat(h.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")).hasSize(1);
    }

    // --- chunked ------------------------------------------------------------------------------------

    @Test
    void shouldDecodeChunkedBodyWithExtensionsAndDiscardTrailers() {
        Request r = only("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1 ; x ; y=\"q\"\r\n,\r\nB\r\n 0123456789\r\n0\r\n"
                + "X-Checksum: abc\r\nX-More: 1\r\n\r\n");
        assertThat(r.body()).isEqualTo("hello, 0123456789");
        assertThat(r.headers()).containsExactly("Host: x", "Transfer-Encoding: chunked");
    }

    @Test
    void shouldAcceptChunkedCaseInsensitivelyAndEmptyChunkedBody() {
        assertThat(only("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ChUnKeD\r\n\r\n0\r\n\r\n").body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, chunked", "chunked, gzip", "identity", "chunked;q=1"})
    void shouldAnswer501ForOtherTransferCodings(String coding) {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\n\r\n0\r\n\r\n", 501,
                "not_implemented");
    }

    @Test
    void shouldAnswer501ForCodingInRepeatedTransferEncodingField() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", 501,
                "not_implemented");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", // smuggling
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n",  // no CRLF after data
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\rX0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nz\r\n",                     // not hex
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n;ext\r\n",                  // no size
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n",           // space, no ';'
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;a\u0000\r\nhello\r\n",     // CTL in extension
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n",              // bare LF
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n folded\r\n\r\n",
    })
    void shouldAnswer400ForInvalidFramingOrChunkSyntax(String input) {
        assertRejected(input, 400, "bad_request");
    }

    @Test
    void shouldAnswer413WhenChunksExceedBodyLimit() {
        h = new ParserHarness(8192, 10);
        assertThat(h.feed("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n", "5\r\n"))
                .containsExactly(new Error(413, "body_too_large")); // known from the size line, before the data
        h.alloc.assertAllReleased();
    }

    @Test
    void shouldAnswer413ForHugeChunkSizeWithoutOverflow() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "f".repeat(40) + "\r\n", 413, "body_too_large");
    }

    @Test
    void shouldAcceptChunkSizeWithLeadingZeros() {
        assertThat(only("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0".repeat(30) + "3\r\nabc\r\n0\r\n\r\n").body()).isEqualTo("abc");
    }

    @Test
    void shouldAnswer431WhenTrailersExceedHeaderLimit() {
        h = new ParserHarness(128, 100);
        assertThat(h.feed("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + "T: x\r\n".repeat(40)))
                .containsExactly(new Error(431, "headers_too_large"));
    }

    // --- Expect -------------------------------------------------------------------------------------

    @Test
    void shouldExpectContinueOnceWhenBodyHasNotArrived() {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n", "he", "llo"))
                .containsExactly(new Continue(), new Request("POST", "/", null,
                        List.of("Host: x", "Expect: 100-Continue", "Content-Length: 5"), "hello", true));
    }

    @Test
    void shouldNotExpectContinueWhenBodyIsAlreadyPresent() {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello"))
                .hasSize(1).first().isInstanceOf(Request.class);
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n")).hasSize(2).allMatch(Request.class::isInstance);
    }

    @Test
    void shouldExpectContinueForChunkedBody() {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n",
                "3\r\nabc\r\n", "0\r\n\r\n"))
                .containsExactly(new Continue(), new Request("POST", "/", null,
                        List.of("Host: x", "Expect: 100-continue", "Transfer-Encoding: chunked"), "abc", true));
    }

    @Test
    void shouldAnswer413BeforeContinueWhenContentLengthExceedsLimit() {
        h = new ParserHarness(8192, 4);
        assertThat(h.feed("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"))
                .containsExactly(new Error(413, "body_too_large"));
    }

    @Test
    void shouldAnswer417ForOtherExpectation() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\n", 417, "expectation_failed");
    }

    @Test
    void shouldIgnoreExpectInHttp10Request() {
        assertThat(parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n", "ok"))
                .hasSize(1).first().isInstanceOf(Request.class);
    }

    // --- keep-alive ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1|true", "HTTP/1.1|Connection: close|false", "HTTP/1.1|Connection: keep-alive, Close|false",
        "HTTP/1.1|Connection: Upgrade|true", "HTTP/1.1|Connection: upgrade\r\nConnection: CLOSE|false",
        "HTTP/1.0|false", "HTTP/1.0|Connection: Keep-Alive|true", "HTTP/1.0|Connection: x, keep-alive|true",
        "HTTP/1.0|Connection: keep-alive, close|false",
    })
    void shouldDecideKeepAliveFromVersionAndConnectionTokens(String spec) {
        String[] parts = spec.split("\\|");
        String fields = (parts[0].equals("HTTP/1.1") ? "Host: x\r\n" : "") + (parts.length == 3 ? parts[1] + "\r\n" : "");
        assertThat(only("GET / " + parts[0] + "\r\n" + fields + "\r\n").keepAlive())
                .isEqualTo(Boolean.parseBoolean(parts[parts.length - 1]));
    }

    // --- state, errors and resources ----------------------------------------------------------------

    @Test
    void shouldReportHeadAndBodyPhasesForTimeouts() {
        assertThat(h.parser.inHead()).isFalse();
        h.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-");
        assertThat(h.parser.inHead()).isTrue();
        assertThat(h.parser.inBody()).isFalse();
        h.feed("Length: 3\r\n\r\nab");
        assertThat(h.parser.inHead()).isFalse();
        assertThat(h.parser.inBody()).isTrue();
        h.feed("c");
        assertThat(h.parser.inHead()).isFalse();
        assertThat(h.parser.inBody()).isFalse();
    }

    @Test
    void shouldStayDeadAfterError() {
        ByteBuf in = Unpooled.copiedBuffer("BAD\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.ISO_8859_1);
        assertThat(h.parser.parse(in)).isEqualTo(Progress.ERROR);
        assertThat(h.parser.parse(in)).isEqualTo(Progress.ERROR);
        assertThat(h.parser.error()).isEqualTo(new ProtocolError(400, "bad_request",
                "malformed HTTP request: the request line does not start with a method token"));
        in.release();
    }

    @Test
    void shouldRefuseToTakeARequestThatIsNotReady() {
        assertThatThrownBy(() -> h.parser.takeRequest()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReleasePartialBodyOnRelease() {
        h.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        assertThat(h.alloc.allocated).hasSize(1);
        assertThat(h.alloc.allocated.get(0).refCnt()).isOne();
        h.parser.release();
        h.alloc.assertAllReleased();
    }

    @Test
    void shouldReleasePartialChunkedBodyOnError() {
        h.feed("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX");
        assertThat(h.events).containsExactly(new Error(400, "bad_request"));
        h.alloc.assertAllReleased();
    }

    @Test
    void shouldReleaseUntakenRequestOnRelease() {
        ByteBuf in = Unpooled.copiedBuffer(POST_HEAD + BODY_34, StandardCharsets.ISO_8859_1);
        assertThat(h.parser.parse(in)).isEqualTo(Progress.REQUEST_READY);
        h.parser.release();
        in.release();
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void shouldCarryItsConnectionOnEveryRequest() {
        io.sluice.gateway.http.ConnectionInfo connection = new io.sluice.gateway.http.ConnectionInfo(
                java.net.InetSocketAddress.createUnresolved("client.example", 40000));
        RawRequestParser p = new RawRequestParser(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, 1024, 1024,
                connection);
        ByteBuf in = Unpooled.copiedBuffer("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 2; i++) {
            assertThat(p.parse(in)).isEqualTo(Progress.REQUEST_READY);
            assertThat(p.takeRequest().connection()).isSameAs(connection);
        }
        in.release();
        p.release();
    }
}

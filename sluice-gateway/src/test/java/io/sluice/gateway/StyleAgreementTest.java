package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.HttpConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, defect 4: the codec style accepted what the raw style refused. The same bytes go to a raw-style
 * and a codec-style gateway, and both must give the same status: a corpus of valid requests, edge cases
 * RFC 9112 allows, and every kind of malformed request the raw parser's own tests refuse. The one allowed
 * difference, obs-fold, is tested in {@link ProtocolConformanceTest} and {@link HttpSemanticsTest}.
 */
@Timeout(120)
class StyleAgreementTest extends SharedBrokerTest {
    private static Gateway raw;
    private static Gateway codec;

    @BeforeAll
    static void startGateways() {
        raw = start(HttpStyle.RAW);
        codec = start(HttpStyle.CODEC);
    }

    private static Gateway start(HttpStyle http) {
        return Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(IoMode.NIO).http(http).ioThreads(1).maxBodySize(1024).maxHeaderSize(1024).build());
    }

    @AfterAll
    static void stopGateways() {
        raw.close();
        codec.close();
    }

    private static final String H = "Host: x\r\n";
    private static final String POST = "POST /topics/single HTTP/1.1\r\n";

    static Stream<Arguments> requests() {
        return Stream.of(
                // valid, and the leniencies RFC 9112 asks for
                ok("plain", POST + H + "Content-Length: 1\r\n\r\nx"),
                ok("empty line before the request line", "\r\n" + POST + H + "Content-Length: 1\r\n\r\nx"),
                ok("identical repeated Content-Length", POST + H + "Content-Length: 1\r\nContent-Length: 1\r\n\r\nx"),
                ok("identical Content-Length list", POST + H + "Content-Length: 1, 1\r\n\r\nx"),
                ok("chunked in any case, extensions, trailers", POST + H + "Transfer-Encoding: Chunked\r\n\r\n"
                        + "1;a=b\r\nx\r\n0\r\nT: 1\r\n\r\n"),
                ok("HTTP/1.0 without Host", "POST /topics/single HTTP/1.0\r\nContent-Length: 1\r\n\r\nx"),
                ok("Expect 100-continue", POST + H + "Expect: 100-continue\r\nContent-Length: 1\r\n\r\nx"),
                ok("Expect in HTTP/1.0 is ignored", "POST /topics/single HTTP/1.0\r\nExpect: nope\r\n"
                        + "Content-Length: 1\r\n\r\nx"),
                ok("whitespace around a value", POST + H + "Content-Length: \t1 \t\r\n\r\nx"),
                ok("obs-text in a value", POST + H + "X-A: caf\u00e9\r\nContent-Length: 1\r\n\r\nx"),
                ok("GET with Host and port", "GET /healthz HTTP/1.1\r\nHost: a.example:8080\r\n\r\n"),
                // request line
                bad("bare LF ends the request line", "GET /healthz HTTP/1.1\n" + H + "\r\n"),
                bad("bare LF ends a header line", "GET /healthz HTTP/1.1\r\nHost: x\n\r\n"),
                bad("bare CR in the target", "GET /a\rb HTTP/1.1\r\n" + H + "\r\n"),
                bad("trailing space", "GET /healthz HTTP/1.1 \r\n" + H + "\r\n"),
                bad("two spaces before the target", "GET  /healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("two spaces before the version", "GET /healthz  HTTP/1.1\r\n" + H + "\r\n"),
                bad("tab as separator", "GET\t/healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("space in the target", "GET /a b HTTP/1.1\r\n" + H + "\r\n"),
                bad("leading space", " GET /healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("control character before the request line", "\u0001GET /healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("bare LF as an empty line", "\nGET /healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("method not a token", "G(T /healthz HTTP/1.1\r\n" + H + "\r\n"),
                bad("control character in the target", "GET /\u0001 HTTP/1.1\r\n" + H + "\r\n"),
                bad("non-ASCII target", "GET /\u00e9 HTTP/1.1\r\n" + H + "\r\n"),
                bad("lower-case version", "GET /healthz http/1.1\r\n" + H + "\r\n"),
                bad("malformed version", "GET /healthz HTTP/11\r\n" + H + "\r\n"),
                bad("no version", "GET /healthz\r\n" + H + "\r\n"),
                status("HTTP/2.0", 505, "GET /healthz HTTP/2.0\r\n" + H + "\r\n"),
                status("HTTP/1.2", 505, "GET /healthz HTTP/1.2\r\n" + H + "\r\n"),
                status("HTTP/0.9", 505, "GET /healthz HTTP/0.9\r\n" + H + "\r\n"),
                status("request line over the limit", 414, "GET /" + "a".repeat(2000) + " HTTP/1.1\r\n" + H + "\r\n"),
                // header fields
                bad("space before the colon", POST + H + "Content-Length : 1\r\n\r\nx"),
                bad("tab before the colon", POST + H + "Content-Length\t: 1\r\n\r\nx"),
                bad("whitespace before the first field", POST + " Host: x\r\nContent-Length: 1\r\n\r\nx"),
                bad("NUL in a value", POST + H + "X-A: a\u0000b\r\nContent-Length: 1\r\n\r\nx"),
                bad("DEL in a value", POST + H + "X-A: a\u007fb\r\nContent-Length: 1\r\n\r\nx"),
                bad("bare CR in a value", POST + H + "X-A: a\rb\r\nContent-Length: 1\r\n\r\nx"),
                bad("control character in a name", POST + H + "X-\u0001A: b\r\nContent-Length: 1\r\n\r\nx"),
                bad("name not a token", POST + H + "X(A: b\r\nContent-Length: 1\r\n\r\nx"),
                bad("empty name", POST + H + ": b\r\nContent-Length: 1\r\n\r\nx"),
                bad("no colon", POST + H + "NoColon\r\nContent-Length: 1\r\n\r\nx"),
                status("headers over the limit", 431, POST + H + "X-Pad: " + "p".repeat(2000) + "\r\n"
                        + "Content-Length: 1\r\n\r\nx"),
                // Host
                bad("no Host in HTTP/1.1", POST + "Content-Length: 1\r\n\r\nx"),
                bad("two Hosts", POST + H + H + "Content-Length: 1\r\n\r\nx"),
                bad("Host with userinfo", POST + "Host: u@x\r\nContent-Length: 1\r\n\r\nx"),
                // framing
                bad("different Content-Lengths", POST + H + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nxx"),
                bad("different Content-Length list", POST + H + "Content-Length: 1, 2\r\n\r\nxx"),
                bad("negative Content-Length", POST + H + "Content-Length: -1\r\n\r\nx"),
                bad("signed Content-Length", POST + H + "Content-Length: +1\r\n\r\nx"),
                bad("Content-Length with letters", POST + H + "Content-Length: 1x\r\n\r\nx"),
                bad("empty Content-Length", POST + H + "Content-Length: \r\n\r\nx"),
                bad("hex Content-Length", POST + H + "Content-Length: 0x1\r\n\r\nx"),
                bad("overflowing Content-Length", POST + H + "Content-Length: 99999999999999999999999\r\n\r\nx"),
                bad("Content-Length and Transfer-Encoding", POST + H + "Content-Length: 1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"),
                bad("Transfer-Encoding in HTTP/1.0", "POST /topics/single HTTP/1.0\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\n1\r\nx\r\n0\r\n\r\n"),
                bad("chunked twice", POST + H + "Transfer-Encoding: chunked, chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"),
                status("chunked not last", 501, POST + H + "Transfer-Encoding: chunked, identity\r\n\r\n1\r\nx\r\n0\r\n\r\n"),
                status("gzip alone", 501, POST + H + "Transfer-Encoding: gzip\r\n\r\nx"),
                status("gzip before chunked", 501, POST + H + "Transfer-Encoding: gzip, chunked\r\n\r\n"
                        + "1\r\nx\r\n0\r\n\r\n"),
                bad("chunk size not hex", POST + H + "Transfer-Encoding: chunked\r\n\r\nzz\r\nx\r\n0\r\n\r\n"),
                bad("chunk data without CRLF", POST + H + "Transfer-Encoding: chunked\r\n\r\n1\r\nxy0\r\n\r\n"),
                status("body over the limit", 413, POST + H + "Content-Length: 5000\r\n\r\n"),
                status("chunked body over the limit", 413, POST + H + "Transfer-Encoding: chunked\r\n\r\n"
                        + "800\r\n" + "x".repeat(2048) + "\r\n0\r\n\r\n"),
                status("unknown Expect", 417, POST + H + "Expect: magic\r\nContent-Length: 1\r\n\r\nx"));
    }

    private static Arguments ok(String name, String request) {
        return Arguments.of(name, -2, request);
    }

    private static Arguments bad(String name, String request) {
        return status(name, 400, request);
    }

    private static Arguments status(String name, int status, String request) {
        return Arguments.of(name, status, request);
    }

    /** The final status (1xx skipped), or -1 when the connection closed without an answer. */
    private static int statusOf(Gateway g, String request) throws IOException {
        try (HttpConnection c = new HttpConnection(g.port(), 5_000)) {
            c.send(request.getBytes(StandardCharsets.ISO_8859_1));
            Response r;
            do {
                r = c.readResponse();
            } while (r.status() < 200);
            return r.status();
        } catch (IOException closed) {
            return -1;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldGiveTheSameAnswerInBothStyles(String name, int expected, String request) throws IOException {
        int rawStatus = statusOf(raw, request);
        int codecStatus = statusOf(codec, request);
        assertThat(codecStatus).as("%s: codec style (raw style answered %d)", name, rawStatus).isEqualTo(rawStatus);
        if (expected == -2) {
            assertThat(rawStatus).as(name).isBetween(200, 299);
        } else {
            assertThat(rawStatus).as(name).isEqualTo(expected);
        }
    }
}

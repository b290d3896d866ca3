package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP/1.1 framing and the strict rejections, on every runtime x HTTP-style combination, and over TLS on NIO and virtual threads. */
@ParameterizedClass(name = "{0} + {1} + {2}")
@MethodSource("io.sluice.gateway.testing.Runtimes#allPlusTls")
@Timeout(120)
class ProtocolConformanceTest extends ConformanceFixture {
    /** Plaintext or TLS (declared here so the invocation keeps its third argument; the fixture acts on it). */
    @Parameter(2)
    Wire wire;

    private static Response raw(String request) throws Exception {
        try (HttpConnection c = connect()) {
            return c.exchange(request.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void assertRejected(String request, int status) throws Exception {
        try (HttpConnection c = connect()) {
            Response r = c.exchange(request.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.status()).as(request).isEqualTo(status);
            assertThat(r.bodyText()).contains("\"error\"");
            assertThat(c.isClosedByServer()).as("closed after %d", status).isTrue();
        }
    }

    @Test
    void shouldParseARequestDeliveredOneByteAtATime() throws Exception {
        byte[] request = post("/topics/events", "{\"data\":\"slow\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json");
        try (HttpConnection c = connect()) {
            for (byte b : request) {
                c.send(new byte[] {b});
            }
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(recordAt(json(r)).value(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":\"slow\"}");
        }
    }

    @Test
    void shouldAnswerManyRequestsArrivingInOneSegmentInOrder() throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            parts.add(post("/topics/single", ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpConnection c = connect()) {
            c.send(HttpConnection.concat(parts.toArray(new byte[0][])));
            long first = -1;
            for (int i = 0; i < 20; i++) {
                Response r = c.readResponse();
                assertThat(r.status()).isEqualTo(200);
                long offset = json(r).get("offset").asLong();
                if (first < 0) {
                    first = offset;
                }
                assertThat(offset).as("one partition: request order is offset order").isEqualTo(first + i);
            }
            List<String> values = KafkaRecords.read(kafka.bootstrapServers(), "single", 0, first, 20).stream()
                    .map(rec -> new String(rec.value(), StandardCharsets.UTF_8)).toList();
            assertThat(values).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
        }
    }

    @Test
    void shouldAnswerADeepPipelineArrivingAtOnce() throws Exception {
        byte[] one = HttpConnection.get("/healthz");
        byte[][] many = new byte[500][];
        java.util.Arrays.fill(many, one);
        try (HttpConnection c = connect()) {
            c.send(HttpConnection.concat(many));
            for (int i = 0; i < many.length; i++) {
                assertThat(c.readResponse().status()).as("response %d", i).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldAcceptChunkExtensionsAndTrailers() throws Exception {
        Response r = raw("POST /topics/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(recordAt(json(r)).value(), StandardCharsets.UTF_8)).isEqualTo("abcde");
    }

    @Test
    void shouldKeepAnHttp10ConnectionOpenWhenAskedAndSaySo() throws Exception {
        try (HttpConnection c = connect()) {
            Response r = c.exchange(("POST /topics/events HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2"
                    + "\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualToIgnoringCase("keep-alive");
            Response again = c.exchange("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void shouldCloseAfterConnectionClose() throws Exception {
        try (HttpConnection c = connect()) {
            Response r = c.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswer413WithoutContinueWhenAnExpectingBodyIsTooLarge() throws Exception {
        try (HttpConnection c = connect()) {
            Response r = c.exchange(("POST /topics/events HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void shouldRejectContentLengthTogetherWithTransferEncoding() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400);
    }

    @Test
    void shouldRejectDifferentContentLengths() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"
                + "abcd", 400);
    }

    @Test
    void shouldAnswer501ForATransferCodingOtherThanChunked() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc", 501);
    }

    @Test
    void shouldRejectWhitespaceBeforeTheColon() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\r\nContent-Length : 1\r\n\r\na", 400);
    }

    @Test
    void shouldRejectControlCharactersInAHeader() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\nContent-Length: 1\r\n\r\na", 400);
    }

    @Test
    void shouldRejectABareCarriageReturn() throws Exception {
        assertRejected("POST /topics/events HTTP/1.1\r\nHost: x\rX-Y: z\r\nContent-Length: 1\r\n\r\na", 400);
    }

    @Test
    void shouldAnswer414ForARequestLineOverTheLimit() throws Exception {
        assertRejected("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    }

    @Test
    void shouldRejectOrUnfoldObsoleteLineFolding() throws Exception {
        String request = "POST /topics/events HTTP/1.1\r\nHost: x\r\nKafka-Header-A: one\r\n two\r\n"
                + "Content-Length: 1\r\n\r\na";
        if (style == HttpStyle.RAW) {
            assertRejected(request, 400); // Sluice's parser: reject (RFC 9112 5.2 allows either)
        } else {
            Response r = raw(request); // Netty's codec: replaces the fold with a space (also allowed)
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(recordAt(json(r)).headers().lastHeader("A").value(), StandardCharsets.UTF_8))
                    .isEqualTo("one two");
        }
    }
}

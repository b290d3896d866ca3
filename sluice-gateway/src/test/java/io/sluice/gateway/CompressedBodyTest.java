package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.Encodings;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compressed request bodies ({@code Content-Encoding}, issue 11) on every runtime x HTTP-style combination
 * against a real broker (64 KiB body limit): the decoded bytes are published, the failures (unknown topic,
 * unknown coding, corrupt stream, zip bomb) answer as for a plain body and publish nothing.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class CompressedBodyTest extends ConformanceFixture {
    private static final byte[] VALUE = "{\"event\":\"page_view\",\"path\":\"/pricing\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPublishTheDecodedBytesOfAGzipBody() throws Exception {
        Response r = send(post("/topics/events", Encodings.encode("gzip", VALUE), "Content-Encoding: gzip",
                "Content-Type: application/json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(recordAt(json(r)).value()).isEqualTo(VALUE);
    }

    @Test
    void shouldAnswer404ForAGzipBodyToAnUnknownTopic() throws Exception {
        Response r = send(post("/topics/no-such-topic", Encodings.encode("gzip", VALUE), "Content-Encoding: gzip"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("unknown_topic");
    }

    @Test
    void shouldPublishEachLineOfAZstdNdjsonBody() throws Exception {
        byte[] ndjson = "{\"n\":1}\n{\"n\":2}\n".getBytes(StandardCharsets.UTF_8);
        Response r = send(post("/topics/events", Encodings.encode("zstd", ndjson), "Content-Encoding: zstd",
                "Content-Type: application/x-ndjson"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode results = json(r).get("results");
        assertThat(results).hasSize(2);
        assertThat(new String(recordAt(results.get(1)).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
    }

    @Test
    void shouldAnswer415WithAcceptEncodingForAnUnknownCoding() throws Exception {
        Response r = send(post("/topics/single", VALUE, "Content-Encoding: br"));

        assertThat(r.status()).isEqualTo(415);
        assertThat(json(r).get("error").asText()).isEqualTo("unsupported_content_encoding");
        assertThat(r.header("Accept-Encoding")).isEqualTo("gzip, deflate, zstd, snappy, lz4");
    }

    @Test
    void shouldAnswer400ForACorruptStreamAndPublishNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        byte[] body = Encodings.encode("gzip", VALUE);
        body[body.length - 6] ^= 0x55; // the CRC-32 in the trailer no longer matches

        Response r = send(post("/topics/single", body, "Content-Encoding: gzip"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("gzip");
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldAnswer413ForAZipBombAndPublishNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        byte[] bomb = Encodings.doubleGzipBomb(1L << 30);

        Response r = send(post("/topics/single", bomb, "Content-Encoding: gzip, gzip"));

        assertThat(r.status()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).isEqualTo("body_too_large");
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }
}

package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite: the produce API (ack mode) and HTTP/1.1 protocol behaviour, end to end against
 * a real broker, on every runtime x HTTP-style combination. Protocol edge cases live in
 * {@link ProtocolConformanceTest}; both share {@link ConformanceFixture}.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class GatewayApiTest extends ConformanceFixture {

    @Test
    void shouldPublishTheBodyByteForByteAndAnswerWithItsOffset() throws Exception {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        Response r = send(post("/topics/events", body, "Content-Type: application/octet-stream"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode position = json(r);
        assertThat(position.get("topic").asText()).isEqualTo("events");
        assertThat(position.get("offset").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(recordAt(position).value()).isEqualTo(body);
    }

    @Test
    void shouldTakeKeyPartitionAndRecordHeadersFromHttpHeaders() throws Exception {
        Response r = send(post("/topics/events", "v1".getBytes(StandardCharsets.UTF_8),
                "Kafka-Key: user-42", "Kafka-Partition: 2", "Kafka-Header-Trace-Id: abc", "kafka-header-source: web"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode position = json(r);
        assertThat(position.get("partition").asInt()).isEqualTo(2);
        ConsumerRecord<byte[], byte[]> rec = recordAt(position);
        assertThat(new String(rec.key(), StandardCharsets.UTF_8)).isEqualTo("user-42");
        Map<String, String> headers = StreamSupport.stream(rec.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsEntry("Trace-Id", "abc").containsEntry("source", "web").hasSize(2);
    }

    @Test
    void shouldTakeKeyAndPartitionFromTheQueryString() throws Exception {
        Response r = send(post("/topics/events?key=k%201&partition=3", "v".getBytes(StandardCharsets.UTF_8)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("partition").asInt()).isEqualTo(3);
        assertThat(new String(recordAt(json(r)).key(), StandardCharsets.UTF_8)).isEqualTo("k 1");
    }

    @Test
    void shouldTakePartitionFromThePath() throws Exception {
        Response r = send(post("/topics/events/partitions/1", "v".getBytes(StandardCharsets.UTF_8)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("partition").asInt()).isEqualTo(1);
    }

    @Test
    void shouldPublishEachNdjsonLineInOrderWithOneResultPerRecord() throws Exception {
        String body = "{\"n\":1}\n\n{\"n\":2}\r\n{\"n\":3}\n";
        Response r = send(post("/topics/events", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-ndjson", "Kafka-Key: same"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode results = json(r).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(1).get("offset").asLong()).isEqualTo(results.get(0).get("offset").asLong() + 1);
        assertThat(results.get(2).get("offset").asLong()).isEqualTo(results.get(0).get("offset").asLong() + 2);
        for (int i = 0; i < 3; i++) {
            assertThat(new String(recordAt(results.get(i)).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"n\":" + (i + 1) + "}");
        }
    }

    @Test
    void shouldAnswer400ForMalformedNdjsonAndPublishNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        Response r = send(post("/topics/single", "{\"ok\":1}\n{broken\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-ndjson"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("bad_request");
        assertThat(json(r).get("message").asText()).contains("line 2");
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldPublishOtherPathsToTheDefaultTopicLikeTheReferenceClient() throws Exception {
        byte[] body = "{\"data\":\"test_1\"}".getBytes(StandardCharsets.UTF_8);
        Response r = send(post("/payload", body, "Content-Type: application/json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("topic").asText()).isEqualTo("events");
        assertThat(recordAt(json(r)).value()).isEqualTo(body);
    }

    @Test
    void shouldAnswer404QuicklyForAnUnknownTopicAndNeverCreateIt() throws Exception {
        long start = System.nanoTime();
        Response r = send(post("/topics/no-such-topic", "x".getBytes(StandardCharsets.UTF_8)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("unknown_topic");
        assertThat(millis).isLessThan(1000);
        Response again = send(post("/topics/no-such-topic", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer400ForAPartitionTheTopicDoesNotHave() throws Exception {
        Response r = send(post("/topics/single", "x".getBytes(StandardCharsets.UTF_8), "Kafka-Partition: 7"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("invalid_partition");
    }

    @Test
    void shouldAnswer400ForAnInvalidTopicName() throws Exception {
        Response r = send(post("/topics/bad%20name", "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer405WithAllowForAWrongMethod() throws Exception {
        // GET /topics/{topic} is the discovery API since issue 11; DELETE is wrong on a topic path.
        Response r = send("DELETE /topics/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET, HEAD, POST");
        assertThat(json(r).get("error").asText()).isEqualTo("method_not_allowed");

        Response health = send(post("/healthz", new byte[0]));
        assertThat(health.status()).isEqualTo(405);
        assertThat(health.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void shouldAnswer413WhenTheDeclaredBodyExceedsTheLimitAndClose() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/topics/events", new byte[64 * 1024 + 1]));
            assertThat(r.status()).isEqualTo(413);
            assertThat(json(r).get("error").asText()).isEqualTo("body_too_large");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswer413WhenAChunkedBodyGrowsPastTheLimit() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(40 * 1024) + "\r\n" + "a".repeat(40 * 1024) + "\r\n";
            c.send(chunk).send(chunk).send("0\r\n\r\n");
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void shouldAcceptAChunkedBodyWithinTheLimit() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(recordAt(json(r)).value(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        }
    }

    @Test
    void shouldAnswer431WhenHeadersExceedTheLimit() throws Exception {
        Response r = send(post("/topics/events", "x".getBytes(StandardCharsets.UTF_8), "X-Big: " + "b".repeat(5000)));

        assertThat(r.status()).isEqualTo(431);
        assertThat(json(r).get("error").asText()).isEqualTo("headers_too_large");
    }

    @Test
    void shouldAnswer400AndCloseOnMalformedHttp() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
            Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(400);
            assertThat(json(r).get("error").asText()).isEqualTo("bad_request");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswer404ForAnUnknownNonProducePath() throws Exception {
        Response r = send(post("/topics", new byte[0]));
        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void shouldServePipelinedRequestsInOrderOnOneConnection() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(HttpConnection.concat(
                    post("/topics/events", "p1".getBytes(StandardCharsets.UTF_8), "Kafka-Partition: 0"),
                    get("/healthz"),
                    post("/topics/events", "p2".getBytes(StandardCharsets.UTF_8), "Kafka-Partition: 1"),
                    post("/topics/nope", "p3".getBytes(StandardCharsets.UTF_8))));
            List<Response> responses = List.of(c.readResponse(), c.readResponse(), c.readResponse(), c.readResponse());
            assertThat(responses).extracting(Response::status).containsExactly(200, 200, 200, 404);
            assertThat(json(responses.get(0)).get("partition").asInt()).isEqualTo(0);
            assertThat(json(responses.get(2)).get("partition").asInt()).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswer100ContinueBeforeReadingTheBody() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send("POST /topics/events HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(100);
            Response r = c.send("hello").readResponse();
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void shouldCloseAfterAnHttp10RequestWithoutKeepAlive() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange("GET /healthz HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(r.status()).isEqualTo(200);
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswerHealthReadinessAndMovingMetrics() throws Exception {
        assertThat(send(get("/healthz")).status()).isEqualTo(200);
        assertThat(send(get("/readyz")).status()).isEqualTo(200);
        String before = send(get("/metrics")).bodyText();
        send(post("/topics/events", "m".getBytes(StandardCharsets.UTF_8)));
        String after = send(get("/metrics")).bodyText();

        assertThat(after).contains("sluice_http_requests_total{route=\"produce\",status=\"200\"}",
                "sluice_records_produced_total", "sluice_record_bytes_produced_total",
                "sluice_produce_latency_seconds_bucket", "sluice_producer_buffer_available_bytes",
                "sluice_open_connections", "sluice_inflight_requests");
        assertThat(counter(after, "sluice_records_produced_total")).isGreaterThan(counter(before,
                "sluice_records_produced_total"));
    }

    static double counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst().orElse(0);
    }
}

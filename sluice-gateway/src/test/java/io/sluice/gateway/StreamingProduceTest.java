package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.chunk;
import static io.sluice.gateway.testing.HttpConnection.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REST Proxy v3's streaming produce: a chunked body of concatenated records answered with one delivery report
 * per record, on every runtime and HTTP style: each report is written as soon as its record is acknowledged,
 * before later records are even sent.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class StreamingProduceTest extends ConformanceFixture {

    private static final String ONE = "{\"value\":{\"type\":\"STRING\",\"data\":\"one\"}}";
    private static final String THREE = "{\"value\":{\"type\":\"STRING\",\"data\":\"three\"}}";

    private static byte[] head(String cluster) {
        return ("POST /v3/clusters/" + cluster + "/topics/single/records HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String clusterId() throws Exception {
        return json(send(get("/v3/clusters"))).get("data").get(0).get("cluster_id").asText();
    }

    @Test
    void shouldWriteEachReportAsItsRecordIsAcknowledgedBeforeTheLastRecordIsSent() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(head(clusterId())).send(chunk(ONE));

            Response head = c.readResponseWithoutBody();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            JsonNode first = JSON.readTree(c.readChunk()); // the last record has not been sent yet
            assertThat(first.get("error_code").asInt()).isEqualTo(200);
            assertThat(KafkaRecords.at(kafka.bootstrapServers(), "single", 0, first.get("offset").asLong()).value())
                    .isEqualTo("one".getBytes(StandardCharsets.UTF_8));

            // A malformed record gets its own error report; a record split across chunks is reassembled.
            c.send(chunk(" {\"value\": oops} " + THREE.substring(0, 10))).send(chunk(THREE.substring(10)));
            JsonNode malformed = JSON.readTree(c.readChunk());
            assertThat(malformed.get("error_code").asInt()).isEqualTo(400);
            JsonNode third = JSON.readTree(c.readChunk());
            assertThat(third.get("error_code").asInt()).isEqualTo(200);
            assertThat(third.get("offset").asLong()).isEqualTo(first.get("offset").asLong() + 1);

            c.send("0\r\n\r\n");
            assertThat(c.readChunk()).isNull();
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswerAChunkedBodyOfConcatenatedRecordsWithOneReportPerRecordInOrder() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(HttpConnection.concat(head(clusterId()), chunk(ONE + " " + THREE), "0\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1)));
            Response r = c.readResponse();

            assertThat(r.status()).isEqualTo(200);
            List<JsonNode> reports = new ArrayList<>();
            JSON.readerFor(JsonNode.class).readValues(r.body()).forEachRemaining(n -> reports.add((JsonNode) n));
            assertThat(reports).hasSize(2);
            assertThat(reports.get(1).get("offset").asLong()).isEqualTo(reports.get(0).get("offset").asLong() + 1);
            assertThat(KafkaRecords.at(kafka.bootstrapServers(), "single", 0, reports.get(1).get("offset").asLong())
                    .value()).isEqualTo("three".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRefuseAStreamForAnotherClusterWith404() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            c.send(HttpConnection.concat(head("not-this-one"), chunk(ONE), "0\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(c.readResponse().status()).isEqualTo(404);
        }
    }
}

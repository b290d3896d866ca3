package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peers' APIs (REST Proxy v2 with its Strimzi variants, REST Proxy v3, discovery) on every runtime x
 * HTTP-style combination: the success and unknown-topic cases of each format, read back from a real broker.
 * The documented examples and every error mapping are in {@link PeerExamplesTest}.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(120)
class PeerApisConformanceTest extends ConformanceFixture {

    @Test
    void shouldProduceV2JsonBinaryAndTextRecordsAndAnswerTheirOffsets() throws Exception {
        for (String[] c : new String[][] {
                {"json", "{\"value\":{\"a\":1},\"key\":\"k\"}", "{\"a\":1}"},
                {"binary", "{\"value\":\"YmluYXJ5\",\"key\":\"aw==\"}", "binary"},
                {"text", "{\"value\":\"plain\",\"key\":\"k\"}", "plain"}}) {
            Response r = send(post("/topics/events", ("{\"records\":[" + c[1] + "]}").getBytes(StandardCharsets.UTF_8),
                    "Content-Type: application/vnd.kafka." + c[0] + ".v2+json"));

            assertThat(r.status()).as(c[0]).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/vnd.kafka.v2+json");
            JsonNode entry = json(r).get("offsets").get(0);
            assertThat(new String(KafkaRecords.at(kafka.bootstrapServers(), "events", entry.get("partition").asInt(),
                    entry.get("offset").asLong()).value(), StandardCharsets.UTF_8)).as(c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void shouldAnswerStrimzisAsyncTrueWith204WithoutABodyAndKeepTheConnection() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(post("/topics/single?async=true", "{\"records\":[{\"value\":\"q\"}]}"
                    .getBytes(StandardCharsets.UTF_8), "Content-Type: application/vnd.kafka.text.v2+json"));
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("Content-Length")).isNull();
            assertThat(c.exchange(get("/healthz")).status()).isEqualTo(200); // framing intact after the 204
        }
        assertThat(KafkaRecords.at(kafka.bootstrapServers(), "single", 0, before).value())
                .isEqualTo("q".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerV2UnknownTopicWith404And40401() throws Exception {
        Response r = send(post("/topics/no-such-topic", "{\"records\":[{\"value\":1}]}".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/vnd.kafka.json.v2+json"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("offsets").get(0).get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void shouldProduceV3RecordsAndBatchesWithTheRealClusterId() throws Exception {
        String cluster = json(send(get("/v3/clusters"))).get("data").get(0).get("cluster_id").asText();
        String path = "/v3/clusters/" + cluster + "/topics/events/records";

        Response one = send(post(path, "{\"value\":{\"type\":\"STRING\",\"data\":\"v3\"}}".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json"));
        assertThat(one.status()).isEqualTo(200);
        JsonNode report = json(one);
        assertThat(report.get("error_code").asInt()).isEqualTo(200);
        assertThat(report.get("cluster_id").asText()).isEqualTo(cluster);
        assertThat(KafkaRecords.at(kafka.bootstrapServers(), "events", report.get("partition_id").asInt(),
                report.get("offset").asLong()).value()).isEqualTo("v3".getBytes(StandardCharsets.UTF_8));

        Response batch = send(post(path + ":batch", "{\"entries\":[{\"id\":\"a\",\"value\":{\"type\":\"JSON\",\"data\":[1]}}]}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type: application/json"));
        assertThat(batch.status()).isEqualTo(207);
        assertThat(json(batch).get("successes").get(0).get("id").asText()).isEqualTo("a");
    }

    @Test
    void shouldAnswerV3UnknownTopicWith404And40403() throws Exception {
        String cluster = json(send(get("/v3/clusters"))).get("data").get(0).get("cluster_id").asText();
        Response r = send(post("/v3/clusters/" + cluster + "/topics/no-such-topic/records",
                "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void shouldListAndDescribeTopicsAndAnswer404ForAnUnknownOne() throws Exception {
        Response list = send(get("/topics"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.bodyText()).contains("\"events\"", "\"single\"");

        JsonNode events = json(send(get("/topics/events")));
        assertThat(events.get("partitions")).hasSize(4);

        Response missing = send(get("/topics/no-such-topic"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("error_code").asInt()).isEqualTo(40401);
    }
}

package io.sluice.gateway.http.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.http.ConnectionInfo;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.ProduceFormat;
import io.sluice.gateway.http.RequestHeaders;
import io.sluice.gateway.http.RequestRejection;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The REST Proxy v2 / Strimzi envelope without sockets: decoding, and every outcome's status and body. */
class RestProxyV2FormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static GatewayRequest request(String target, String body, String... headerPairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            h.put(headerPairs[i], headerPairs[i + 1]);
        }
        RequestHeaders headers = new RequestHeaders() {
            @Override
            public String get(String name) {
                return h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                h.forEach(action);
            }
        };
        return new GatewayRequest("POST", GatewayRequest.pathOf(target), GatewayRequest.queryOf(target), headers,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), true, ConnectionInfo.UNKNOWN);
    }

    private static ProduceFormat v2(String target, String embedded, String body) throws RequestRejection {
        GatewayRequest req = request(target, body, "Content-Type", "application/vnd.kafka." + embedded + ".v2+json");
        ProduceFormat f = ProduceFormat.forRequest(req);
        f.decode(req, null);
        return f;
    }

    private static JsonNode json(GatewayResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void shouldPickTheV2FormatOnlyForVndKafkaV2MediaTypes() {
        assertThat(ProduceFormat.forRequest(request("/topics/t", "", "Content-Type",
                "application/vnd.kafka.json.v2+json; charset=utf-8"))).isInstanceOf(RestProxyV2Format.class);
        assertThat(ProduceFormat.forRequest(request("/topics/t", "", "Content-Type", " Application/VND.Kafka.V2+JSON ")))
                .isInstanceOf(RestProxyV2Format.class);
        assertThat(ProduceFormat.forRequest(request("/topics/t", "", "Content-Type", "application/json")))
                .isSameAs(ProduceFormat.RAW);
        assertThat(ProduceFormat.forRequest(request("/topics/t", "", "Content-Type", "application/vnd.kafka+json")))
                .isSameAs(ProduceFormat.RAW);
        assertThat(ProduceFormat.forRequest(request("/topics/t", "", "Content-Type", "application/x-ndjson")))
                .isSameAs(ProduceFormat.NDJSON);
    }

    @Test
    void shouldDecodeJsonAsCompactTextBinaryAsBase64AndTextAsUtf8() throws Exception {
        GatewayRequest json = request("/topics/t", "{\"records\":[{\"key\":{\"k\": 1},\"value\":[1, 2.50, \"x\"]},"
                + "{\"value\":null}]}", "Content-Type", "application/vnd.kafka.json.v2+json");
        List<IngestRecord> r = ProduceFormat.forRequest(json).decode(json, null);
        assertThat(new String(r.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":1}");
        assertThat(new String(r.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("[1,2.50,\"x\"]");
        assertThat(r.get(1).value()).isNull(); // a tombstone

        GatewayRequest binary = request("/topics/t", "{\"records\":[{\"value\":\"AAH/\"}]}", "Content-Type",
                "application/vnd.kafka.binary.v2+json");
        assertThat(ProduceFormat.forRequest(binary).decode(binary, null).get(0).value())
                .containsExactly(0, 1, 0xff);

        GatewayRequest text = request("/topics/t", "{\"records\":[{\"value\":\"h\\u00e9\"}]}", "Content-Type",
                "application/vnd.kafka.text.v2+json");
        assertThat(new String(ProduceFormat.forRequest(text).decode(text, null).get(0).value(),
                StandardCharsets.UTF_8)).isEqualTo("hé");
    }

    @Test
    void shouldTreatTheV2TypeWithoutAnEmbeddedFormatAsBinary() throws Exception {
        GatewayRequest req = request("/topics/t", "{\"records\":[{\"value\":\"AAE=\"}]}", "Content-Type",
                "application/vnd.kafka.v2+json");
        assertThat(ProduceFormat.forRequest(req).decode(req, null).get(0).value()).containsExactly(0, 1);
    }

    @Test
    void shouldRefuseAPartitionThatContradictsThePath() {
        GatewayRequest req = request("/topics/t/partitions/1", "{\"records\":[{\"value\":1,\"partition\":2}]}",
                "Content-Type", "application/vnd.kafka.json.v2+json");
        assertThatThrownBy(() -> ProduceFormat.forRequest(req).decode(req, 1))
                .isInstanceOf(RequestRejection.class).hasMessageStartingWith("records[0].partition");
    }

    @Test
    void shouldAnswer200WithOneOffsetEntryPerRecordInOrderWhenAllWereWritten() throws Exception {
        GatewayResponse r = v2("/topics/t", "json", "{\"records\":[{\"value\":1},{\"value\":2}]}").encode(
                new IngestResult.Acknowledged(List.of(new RecordResult.Written("t", 0, 7),
                        new RecordResult.Written("t", 0, 8))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/vnd.kafka.v2+json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"key_schema_id\":null,"
                + "\"value_schema_id\":null,\"offsets\":[{\"partition\":0,\"offset\":7,\"error_code\":null,"
                + "\"error\":null},{\"partition\":0,\"offset\":8,\"error_code\":null,\"error\":null}]}");
    }

    @Test
    void shouldAnswerAPartialFailureWithTheFailureStatusAndPerRecordConfluentCodes() throws Exception {
        GatewayResponse r = v2("/topics/t", "json", "{\"records\":[{\"value\":1},{\"value\":2}]}").encode(
                new IngestResult.Acknowledged(List.of(new RecordResult.Written("t", 0, 7),
                        new RecordResult.Failed(FailureKind.TIMEOUT, "not acknowledged in time"))));

        assertThat(r.status()).isEqualTo(504);
        JsonNode body = json(r);
        assertThat(body.get("error_code").asInt()).isEqualTo(50003);
        assertThat(body.get("offsets").get(0).get("offset").asLong()).isEqualTo(7);
        assertThat(body.get("offsets").get(0).get("error_code").isNull()).isTrue();
        assertThat(body.get("offsets").get(1).get("error_code").asInt()).isEqualTo(50003);
        assertThat(body.get("offsets").get(1).get("error").asText()).isEqualTo("not acknowledged in time");
    }

    @Test
    void shouldMapEachFailureClassToItsStatusAndConfluentCode() throws Exception {
        Object[][] cases = {
                {FailureKind.UNKNOWN_TOPIC, 404, 40401}, {FailureKind.INVALID_PARTITION, 404, 40402},
                {FailureKind.RECORD_TOO_LARGE, 413, 50002}, {FailureKind.UNAVAILABLE, 503, 50003},
                {FailureKind.BUFFER_FULL, 503, 50003}, {FailureKind.TIMEOUT, 504, 50003},
                {FailureKind.NOT_AUTHORIZED, 403, 40301}, {FailureKind.INTERNAL, 500, 50002}};
        for (Object[] c : cases) {
            GatewayResponse r = v2("/topics/t", "json", "{\"records\":[{\"value\":1}]}")
                    .encode(new IngestResult.Refused((FailureKind) c[0], "why"));
            assertThat(r.status()).as(c[0].toString()).isEqualTo(c[1]);
            assertThat(json(r).get("offsets").get(0).get("error_code").asInt()).as(c[0].toString()).isEqualTo(c[2]);
            if (r.status() == 503) {
                assertThat(r.headers()).contains(Map.entry("Retry-After", "1"));
            }
        }
    }

    @Test
    void shouldAnswer202WithUnknownPositionsInAsyncModeAnd204ForAsyncTrue() throws Exception {
        ProduceFormat global = v2("/topics/t", "json", "{\"records\":[{\"value\":1},{\"value\":2}]}");
        assertThat(global.mode(DeliveryMode.ASYNC)).isEqualTo(DeliveryMode.ASYNC);
        GatewayResponse queued = global.encode(new IngestResult.Queued(2));
        assertThat(queued.status()).isEqualTo(202);
        assertThat(json(queued).get("offsets")).hasSize(2);
        assertThat(json(queued).get("offsets").get(1).get("offset").isNull()).isTrue();

        ProduceFormat perRequest = v2("/topics/t?async=true", "json", "{\"records\":[{\"value\":1}]}");
        assertThat(perRequest.mode(DeliveryMode.ACK)).isEqualTo(DeliveryMode.ASYNC);
        GatewayResponse fireAndForget = perRequest.encode(new IngestResult.Queued(1));
        assertThat(fireAndForget.status()).isEqualTo(204);
        assertThat(fireAndForget.body()).isEmpty();
    }

    @Test
    void shouldRejectInThePeersErrorShape() throws Exception {
        GatewayResponse r = v2("/topics/t", "json", "{\"records\":[{\"value\":1}]}")
                .reject(new RequestRejection(422, "unprocessable_entity", "records[0].value is wrong"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error_code\":422,\"message\":\"records[0].value is wrong\"}");
    }
}

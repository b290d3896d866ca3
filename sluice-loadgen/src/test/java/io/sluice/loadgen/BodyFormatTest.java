package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldSendTheExperimentsPayloadAsOneRawRecord() {
        assertThat(BodyFormat.RAW.body(1, 34)).isEqualTo(RequestTemplate.jsonPayload(34));
        assertThat(BodyFormat.RAW.contentType()).isEqualTo("application/json");
        assertThatThrownBy(() -> BodyFormat.RAW.body(10, 34)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 1 record");
    }

    @Test
    void shouldWriteOneNdjsonLinePerRecord() throws Exception {
        String body = new String(BodyFormat.NDJSON.body(3, 34), StandardCharsets.US_ASCII);

        String[] lines = body.split("\n");
        assertThat(body).endsWith("\n");
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.US_ASCII))
                .isEqualTo(RequestTemplate.jsonPayload(34)));
        assertThat(JSON.readTree(lines[0]).get("data").asText()).startsWith("test_");
        assertThat(BodyFormat.NDJSON.contentType()).isEqualTo("application/x-ndjson");
    }

    @Test
    void shouldWrapRecordsInTheRestProxyV2Envelope() throws Exception {
        JsonNode body = JSON.readTree(BodyFormat.V2_JSON.body(5, 34));

        assertThat(body.get("records")).hasSize(5);
        for (JsonNode r : body.get("records")) {
            assertThat(JSON.writeValueAsBytes(r.get("value"))).isEqualTo(RequestTemplate.jsonPayload(34));
            assertThat(r.size()).isEqualTo(1);
        }
        assertThat(BodyFormat.V2_JSON.contentType()).isEqualTo("application/vnd.kafka.json.v2+json");
    }

    @Test
    void shouldBuildAPostTemplateWithTheFormatsContentType() {
        RequestTemplate t = BodyFormat.V2_JSON.template("127.0.0.1", 8080, "/topics/t", 2, 34);
        String wire = new String(t.encode(false), StandardCharsets.US_ASCII);

        assertThat(wire).startsWith("POST /topics/t HTTP/1.1\r\n")
                .contains("Content-Type: application/vnd.kafka.json.v2+json\r\n")
                .contains("Content-Length: " + t.body().length + "\r\n");
    }

    @Test
    void shouldParseCliNamesAndNameTheChoicesOtherwise() {
        assertThat(BodyFormat.parse("v2-json")).isEqualTo(BodyFormat.V2_JSON);
        assertThat(BodyFormat.parse(" NDJSON ")).isEqualTo(BodyFormat.NDJSON);
        assertThatThrownBy(() -> BodyFormat.parse("avro")).hasMessageContaining("[raw, ndjson, v2-json]");
    }
}

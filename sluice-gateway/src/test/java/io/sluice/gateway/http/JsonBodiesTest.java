package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.RecordResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListEveryWrittenRecordsPositionInOrder() throws Exception {
        byte[] body = JsonBodies.results(List.of(new RecordResult.Written("ev.ents_1-x", 3, 41L, 0L),
                new RecordResult.Written("ev.ents_1-x", 0, 9_000_000_000L, 0L)));

        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("{\"results\":["
                + "{\"topic\":\"ev.ents_1-x\",\"partition\":3,\"offset\":41},"
                + "{\"topic\":\"ev.ents_1-x\",\"partition\":0,\"offset\":9000000000}]}"));
        assertThat(new String(body)).startsWith("{\"results\":[{\"topic\"");
    }

    @Test
    void shouldEscapeAFailedRecordsMessageNextToTheWrittenOnes() throws Exception {
        byte[] body = JsonBodies.results(List.of(new RecordResult.Written("t", 1, 2L, 0L),
                new RecordResult.Failed(FailureKind.TIMEOUT, "said \"no\"\nthen quit")));

        assertThat(JSON.readTree(body).get("results")).hasSize(2);
        assertThat(JSON.readTree(body).get("results").get(1).get("message").asText()).isEqualTo("said \"no\"\nthen quit");
        assertThat(JSON.readTree(body).get("results").get(0)).isEqualTo(JSON.valueToTree(
                Map.of("topic", "t", "partition", 1, "offset", 2)));
    }

    @Test
    void shouldAnswerAnEmptyListForNoRecords() throws Exception {
        assertThat(JSON.readTree(JsonBodies.results(List.of()))).isEqualTo(JSON.readTree("{\"results\":[]}"));
    }
}

package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeResponsesTest {

    private static String body(GatewayResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswer200WithThePositionOfASingleAcknowledgedRecord() {
        GatewayResponse r = OutcomeResponses.of(new IngestResult.Acknowledged(
                List.of(new RecordResult.Written("events", 2, 41))), false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("{\"topic\":\"events\",\"partition\":2,\"offset\":41}");
    }

    @Test
    void shouldAnswer202WithTheCountInAsyncMode() {
        GatewayResponse r = OutcomeResponses.of(new IngestResult.Queued(3), false);
        assertThat(r.status()).isEqualTo(202);
        assertThat(body(r)).isEqualTo("{\"accepted\":3}");
    }

    @Test
    void shouldNeverAnswer2xxWhenOneRecordOfABatchFailed() {
        GatewayResponse r = OutcomeResponses.of(new IngestResult.Acknowledged(List.of(
                new RecordResult.Written("events", 0, 1),
                new RecordResult.Failed(FailureKind.TIMEOUT, "expired"))), true);
        assertThat(r.status()).isEqualTo(504);
        assertThat(body(r)).contains("\"error\":\"delivery_timeout\"", "1 of 2 records failed", "\"results\":[",
                "\"offset\":1");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBufferIsFull() {
        GatewayResponse r = OutcomeResponses.of(new IngestResult.Refused(FailureKind.BUFFER_FULL, "full", 2), false);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers()).anySatisfy(h -> {
            assertThat(h.getKey()).isEqualTo("Retry-After");
            assertThat(Integer.parseInt(h.getValue())).isPositive();
        });
        assertThat(body(r)).contains("\"error\":\"buffer_full\"", "\"queued\":2");
    }

    @Test
    void shouldMapEveryFailureKindToAnErrorStatus() {
        for (FailureKind k : FailureKind.values()) {
            assertThat(OutcomeResponses.status(k)).as(k.name()).isBetween(400, 599);
        }
        assertThat(OutcomeResponses.status(FailureKind.UNKNOWN_TOPIC)).isEqualTo(404);
        assertThat(OutcomeResponses.status(FailureKind.RECORD_TOO_LARGE)).isEqualTo(413);
        assertThat(OutcomeResponses.status(FailureKind.INTERNAL)).isEqualTo(500);
    }
}

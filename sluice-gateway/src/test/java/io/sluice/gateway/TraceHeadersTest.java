package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * W3C trace context through a real gateway and broker (issue 11): traceparent and tracestate become
 * record headers by default, a malformed traceparent is dropped without failing the request, and
 * {@code --trace-headers off} copies nothing.
 */
@Timeout(120)
class TraceHeadersTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static List<Map.Entry<String, String>> publish(TraceHeaders mode, String... headers) throws Exception {
        try (Gateway g = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .ioThreads(1).traceHeaders(mode).build());
             HttpConnection c = new HttpConnection(g.port())) {
            Response r = c.exchange(post("/topics/events", "v".getBytes(StandardCharsets.UTF_8), headers));
            assertThat(r.status()).isEqualTo(200);
            JsonNode p = JSON.readTree(r.body());
            ConsumerRecord<byte[], byte[]> rec = KafkaRecords.at(kafka.bootstrapServers(), "events",
                    p.get("partition").asInt(), p.get("offset").asLong());
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (Header h : rec.headers()) {
                out.add(Map.entry(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            }
            return out;
        }
    }

    @Test
    void shouldCopyTraceparentAndTracestateIntoRecordHeadersByDefault() throws Exception {
        assertThat(publish(TraceHeaders.ON, "traceparent: " + TRACEPARENT, "tracestate: congo=t61rcWkgMzE",
                "Kafka-Header-source: web"))
                .containsExactly(Map.entry("source", "web"), Map.entry("traceparent", TRACEPARENT),
                        Map.entry("tracestate", "congo=t61rcWkgMzE"));
    }

    @Test
    void shouldReplaceAClientSentKafkaHeaderTraceparentRatherThanDoubleIt() throws Exception {
        assertThat(publish(TraceHeaders.ON, "traceparent: " + TRACEPARENT, "Kafka-Header-traceparent: forged"))
                .containsExactly(Map.entry("traceparent", TRACEPARENT));
    }

    @Test
    void shouldPublishButDropAMalformedTraceparent() throws Exception {
        assertThat(publish(TraceHeaders.ON, "traceparent: 00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
                "tracestate: congo=t61rcWkgMzE")).isEmpty();
    }

    @Test
    void shouldCopyNothingWithTraceHeadersOff() throws Exception {
        assertThat(publish(TraceHeaders.OFF, "traceparent: " + TRACEPARENT, "tracestate: congo=t61rcWkgMzE"))
                .isEmpty();
    }
}

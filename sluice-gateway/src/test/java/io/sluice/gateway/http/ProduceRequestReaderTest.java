package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.sluice.gateway.ingest.IngestRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class ProduceRequestReaderTest {

    private static GatewayRequest request(String target, String body, String... headerPairs) {
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

    @Test
    void shouldUseTheWholeBodyAsOneValueWhenNotNdjson() throws Exception {
        List<IngestRecord> r = ProduceRequestReader.read(request("/topics/t", "a\nb"), null);
        assertThat(r).hasSize(1);
        assertThat(new String(r.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("a\nb");
        assertThat(r.get(0).key()).isNull();
        assertThat(r.get(0).partition()).isNull();
    }

    @Test
    void shouldPreferHeadersOverQueryForKeyAndPartition() throws Exception {
        IngestRecord r = ProduceRequestReader.read(request("/topics/t?key=q&partition=1", "v",
                "Kafka-Key", "h", "kafka-partition", "2"), null).get(0);
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("h");
        assertThat(r.partition()).isEqualTo(2);
    }

    @Test
    void shouldPreferThePathPartitionOverEverythingElse() throws Exception {
        IngestRecord r = ProduceRequestReader.read(request("/t?partition=1", "v", "Kafka-Partition", "2"), 3).get(0);
        assertThat(r.partition()).isEqualTo(3);
    }

    @Test
    void shouldRejectANegativeOrNonNumericPartition() {
        assertThatThrownBy(() -> ProduceRequestReader.read(request("/t", "v", "Kafka-Partition", "-1"), null))
                .isInstanceOf(RequestRejection.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> ProduceRequestReader.read(request("/t?partition=x", "v"), null))
                .isInstanceOf(RequestRejection.class);
    }

    @Test
    void shouldMapKafkaHeaderPrefixedHeadersToRecordHeadersOnly() throws Exception {
        IngestRecord r = ProduceRequestReader.read(request("/t", "v", "Kafka-Header-A", "1", "X-Other", "2",
                "KAFKA-HEADER-b", "3", "Kafka-Header-", "empty-name"), null).get(0);
        assertThat(r.headers()).extracting(Map.Entry::getKey).containsExactly("A", "b");
        assertThat(new String(r.headers().get(1).getValue(), StandardCharsets.UTF_8)).isEqualTo("3");
    }

    @Test
    void shouldSplitNdjsonIntoNonBlankLinesInOrder() throws Exception {
        List<IngestRecord> r = ProduceRequestReader.read(request("/t", "{\"a\":1}\r\n \n[2]\n\"s\"",
                "Content-Type", "application/x-ndjson; charset=utf-8"), null);
        assertThat(r).extracting(x -> new String(x.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "[2]", "\"s\"");
    }

    @Test
    void shouldRejectNdjsonWithAnInvalidLineNamingTheLine() {
        assertThatThrownBy(() -> ProduceRequestReader.read(request("/t", "{}\n{}{}\n",
                "Content-Type", "application/x-ndjson"), null))
                .isInstanceOf(RequestRejection.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ProduceRequestReader.read(request("/t", "\n\n",
                "Content-Type", "application/x-ndjson"), null))
                .isInstanceOf(RequestRejection.class).hasMessageContaining("no records");
    }
}

package io.sluice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * One broker per test class (see {@link SharedBrokerTest}), one gateway per runtime x HTTP-style invocation (64 KiB body limit,
 * 4 KiB header limit), and helpers to talk to them. Test-only.
 */
abstract class ConformanceFixture extends SharedBrokerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Gateway gateway;
    static HttpStyle style;

    /** The combination under test (field injection; the lifecycle methods receive it as arguments). */
    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) {
        style = http;
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).maxBodySize(64 * 1024).maxHeaderSize(4096).build());
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    static Response send(byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }

    static JsonNode json(Response r) throws Exception {
        return JSON.readTree(r.body());
    }

    static ConsumerRecord<byte[], byte[]> recordAt(JsonNode position) {
        return KafkaRecords.at(kafka.bootstrapServers(), position.get("topic").asText(),
                position.get("partition").asInt(), position.get("offset").asLong());
    }
}

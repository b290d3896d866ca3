package io.sluice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import io.sluice.gateway.testing.Runtimes;
import io.sluice.gateway.testing.TestPki;
import io.sluice.gateway.testing.Wire;
import io.sluice.gateway.transport.tls.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * One broker per test class (see {@link SharedBrokerTest}), one gateway per runtime x HTTP-style invocation (64 KiB body limit,
 * 4 KiB header limit), and helpers to talk to them, in plaintext or over TLS. Test-only.
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

    /** The client's TLS context when the invocation runs over TLS ({@link Wire#TLS}), else null. */
    static SSLContext tlsClient;
    private static TestPki pki;

    /**
     * Arguments: runtime, HTTP style and, for the suites that also run over TLS ({@link Runtimes#allPlusTls}), a
     * {@link Wire}; over TLS the gateway serves TLS only and {@link #connect} shakes hands.
     */
    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(ArgumentsAccessor args) throws IOException {
        IoMode io = args.get(0, IoMode.class);
        HttpStyle http = args.get(1, HttpStyle.class);
        boolean tls = args.size() > 2 && args.get(2, Wire.class) == Wire.TLS;
        style = http;
        GatewayConfig.Builder config = GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(io).http(http).ioThreads(2).maxBodySize(64 * 1024).maxHeaderSize(4096);
        tlsClient = null;
        if (tls) {
            if (pki == null) {
                pki = TestPki.create(Files.createTempDirectory("sluice-conformance-pki"));
            }
            TestPki.Issued server = pki.server("server-" + io.cliName());
            config.plaintext(false).tlsPort(0).tls(TlsSettings.pem(server.certFile(), server.keyFile())
                    .withReloadInterval(Duration.ZERO));
            tlsClient = pki.clientContext(null);
        }
        gateway = Gateway.start(config.build());
    }

    /** A client connection to the gateway under test: plaintext, or TLS with the handshake done. */
    static HttpConnection connect() throws IOException {
        return connect(10_000);
    }

    static HttpConnection connect(int readTimeoutMillis) throws IOException {
        return tlsClient == null ? new HttpConnection(gateway.port(), readTimeoutMillis)
                : HttpConnection.overTls(tlsClient, gateway.tlsPort(), readTimeoutMillis);
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    static Response send(byte[] request) throws Exception {
        try (HttpConnection c = connect()) {
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

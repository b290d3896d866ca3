package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.chunk;
import static io.sluice.gateway.testing.HttpConnection.concat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.access.AccessSettings;
import io.sluice.gateway.access.AclAuthorizer;
import io.sluice.gateway.access.ApiKeys;
import io.sluice.gateway.access.QuotaGate;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identity and authorization hold on every produce entry point, not only Sluice's own: REST Proxy v2,
 * v3 records (POST, and the PUT of a streamed upload), v3 records:batch and the v3 streaming mode are
 * refused with 403 outside the caller's ACL rules before anything is published, and stamp the principal
 * header on what they publish; topic discovery lists only the topics the caller may produce to. On the
 * three request handlers (raw and codec on Netty, raw on virtual threads).
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("runtimes")
@Timeout(120)
class PeerApisAccessTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "sluice-principal";
    private static final String ACL = """
            rules:
              - principal: alice
                topics: ["events"]
                allow: [produce]
            """;

    @TempDir
    static Path dir;
    static String aliceKey;
    static Gateway gateway;
    static String cluster;

    @Parameter(0)
    IoMode io;
    @Parameter(1)
    HttpStyle http;

    static Stream<Arguments> runtimes() {
        return Stream.of(Arguments.of(IoMode.NIO, HttpStyle.RAW), Arguments.of(IoMode.NIO, HttpStyle.CODEC),
                Arguments.of(IoMode.VIRTUAL, HttpStyle.RAW));
    }

    @BeforeAll
    static void writePolicy() throws Exception {
        ApiKeys.NewKey alice = ApiKeys.newKey("alice", Instant.now(), new SecureRandom());
        Files.writeString(dir.resolve("keys.txt"), ApiKeys.format(List.of(alice.entry())));
        aliceKey = alice.key();
        Files.writeString(dir.resolve("acl.yaml"), ACL);
    }

    @BeforeParameterizedClassInvocation(injectArguments = true)
    static void startGateway(IoMode io, HttpStyle http) throws Exception {
        AclAuthorizer acl = AclAuthorizer.fromFile(dir.resolve("acl.yaml"));
        AccessSettings access = new AccessSettings(List.of(), dir.resolve("keys.txt"), null, null, null, HEADER,
                false, acl, QuotaGate.UNLIMITED, AccessSettings.DEFAULT_FAILURE_LIMIT,
                AccessSettings.DEFAULT_FAILURE_WINDOW);
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).bind("127.0.0.1").port(0)
                .io(io).http(http).ioThreads(2).access(access).build());
        cluster = JSON.readTree(send("GET /v3/clusters HTTP/1.1\r\nHost: x\r\nX-API-Key: " + aliceKey + "\r\n\r\n")
                .body()).get("data").get(0).get("cluster_id").asText();
    }

    @AfterParameterizedClassInvocation
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    private static Response send(String request) throws Exception {
        return send(request.getBytes(StandardCharsets.UTF_8));
    }

    private static Response send(byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }

    private static String request(String method, String target, String contentType, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + aliceKey + "\r\nContent-Type: "
                + contentType + "\r\nKafka-Header-" + HEADER + ": mallory\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String v3(String topic, String suffix) {
        return "/v3/clusters/" + cluster + "/topics/" + topic + "/records" + suffix;
    }

    private static String principalOf(String topic, int partition, long offset) {
        ConsumerRecord<byte[], byte[]> rec = KafkaRecords.at(kafka.bootstrapServers(), topic, partition, offset);
        assertThat(rec.headers().headers(HEADER)).hasSize(1);
        return new String(rec.headers().lastHeader(HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseEveryPeerProduceEntryPointOutsideTheRulesWith403AndPublishNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        String record = "{\"value\":{\"type\":\"STRING\",\"data\":\"no\"}}";
        List<String> refused = List.of(
                request("POST", "/topics/single", "application/vnd.kafka.json.v2+json", "{\"records\":[{\"value\":1}]}"),
                request("POST", v3("single", ""), "application/json", record),
                request("PUT", v3("single", ""), "application/json", record),
                request("POST", v3("single", ":batch"), "application/json",
                        "{\"entries\":[{\"id\":\"a\",\"value\":{\"type\":\"JSON\",\"data\":1}}]}"));
        List<Integer> statuses = new ArrayList<>();
        for (String r : refused) {
            statuses.add(send(r).status());
        }
        Response streamed = send(concat(("POST " + v3("single", "") + " HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                + aliceKey + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8), chunk(record), "0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        statuses.add(streamed.status());

        assertThat(statuses).containsOnly(403);
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldStampThePrincipalOnRecordsPublishedThroughV2V3AndTheStream() throws Exception {
        Response v2 = send(request("POST", "/topics/events", "application/vnd.kafka.json.v2+json",
                "{\"records\":[{\"value\":{\"a\":1}}]}"));
        assertThat(v2.status()).as(v2.bodyText()).isEqualTo(200);
        JsonNode v2Offset = JSON.readTree(v2.body()).get("offsets").get(0);
        assertThat(principalOf("events", v2Offset.get("partition").asInt(), v2Offset.get("offset").asLong()))
                .isEqualTo("alice");

        Response v3 = send(request("POST", v3("events", ""), "application/json",
                "{\"value\":{\"type\":\"STRING\",\"data\":\"v3\"}}"));
        assertThat(v3.status()).as(v3.bodyText()).isEqualTo(200);
        JsonNode report = JSON.readTree(v3.body());
        assertThat(principalOf("events", report.get("partition_id").asInt(), report.get("offset").asLong()))
                .isEqualTo("alice");

        Response streamed = send(concat(("PUT " + v3("events", "") + " HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                + aliceKey + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8), chunk("{\"value\":{\"type\":\"STRING\",\"data\":\"s\"}}"),
                "0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(streamed.status()).as(streamed.bodyText()).isEqualTo(200);
        JsonNode streamReport = JSON.readTree(streamed.bodyText().lines().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow());
        assertThat(streamReport.get("error_code").asInt()).as(streamed.bodyText()).isEqualTo(200);
        assertThat(principalOf("events", streamReport.get("partition_id").asInt(),
                streamReport.get("offset").asLong())).isEqualTo("alice");
    }

    @Test
    void shouldListOnlyTheTopicsTheCallerMayProduceTo() throws Exception {
        Response list = send("GET /topics HTTP/1.1\r\nHost: x\r\nX-API-Key: " + aliceKey + "\r\n\r\n");
        assertThat(list.status()).isEqualTo(200);
        List<String> topics = new ArrayList<>();
        JSON.readTree(list.body()).forEach(t -> topics.add(t.asText()));
        assertThat(topics).contains("events").doesNotContain("single");

        assertThat(send("GET /topics/single HTTP/1.1\r\nHost: x\r\nX-API-Key: " + aliceKey + "\r\n\r\n").status())
                .isEqualTo(404);
        assertThat(send("GET /topics HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(401);
    }
}

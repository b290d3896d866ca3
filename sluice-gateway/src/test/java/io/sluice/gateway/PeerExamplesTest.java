package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.sluice.gateway.testing.KafkaRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The peers' own documented produce examples (src/test/resources/peers, sources in its SOURCES.md), sent
 * byte for byte to a gateway in front of a real broker; every record is read back from Kafka. Also the
 * error mappings of the v2, v3 and discovery APIs.
 */
@Timeout(120)
class PeerExamplesTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V2_JSON = "Content-Type: application/vnd.kafka.json.v2+json";
    private static Gateway gateway;
    private static String clusterId;

    @BeforeAll
    static void start() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("jsontest", 1, (short) 1),
                    new NewTopic("bridge-quickstart-topic", 3, (short) 1), new NewTopic("my-topic", 3, (short) 1),
                    new NewTopic("topic-1", 2, (short) 1))).all().get();
            clusterId = admin.describeCluster().clusterId().get();
            long deadline = System.nanoTime() + 15_000_000_000L; // created topics reach every broker's metadata soon
            while (!admin.listTopics().names().get().contains("topic-1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .io(IoMode.NIO).http(HttpStyle.RAW).ioThreads(2).build());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    // --- REST Proxy v2 and the Strimzi bridge ---

    @Test
    void shouldProduceConfluentsV2ReadmeJsonExampleAndAnswerItsShape() throws Exception {
        Response r = send(post("/topics/jsontest", example("confluent-v2-readme-json.json"), V2_JSON,
                "Accept: application/vnd.kafka.v2+json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.kafka.v2+json");
        JsonNode body = json(r);
        assertThat(body.has("key_schema_id")).isTrue();
        assertThat(body.get("key_schema_id").isNull()).isTrue();
        assertThat(body.get("value_schema_id").isNull()).isTrue();
        JsonNode entry = body.get("offsets").get(0);
        assertThat(entry.get("error_code").isNull()).isTrue();
        assertThat(entry.get("error").isNull()).isTrue();
        assertThat(text(at("jsontest", entry).value())).isEqualTo("{\"name\":\"testUser\"}");
    }

    @Test
    void shouldProduceStrimzisQuickstartExampleWithKeysPartitionsAndOffsetsInOrder() throws Exception {
        Response r = send(post("/topics/bridge-quickstart-topic", example("strimzi-quickstart-json.json"),
                "content-type: application/vnd.kafka.json.v2+json"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode offsets = json(r).get("offsets");
        assertThat(offsets).hasSize(3);
        assertThat(offsets.get(1).get("partition").asInt()).isEqualTo(2);
        ConsumerRecord<byte[], byte[]> first = at("bridge-quickstart-topic", offsets.get(0));
        assertThat(text(first.key())).isEqualTo("\"my-key\"");
        assertThat(text(first.value())).isEqualTo("\"sales-lead-0001\"");
        assertThat(text(at("bridge-quickstart-topic", offsets.get(1)).value())).isEqualTo("\"sales-lead-0002\"");
        assertThat(text(at("bridge-quickstart-topic", offsets.get(2)).value())).isEqualTo("\"sales-lead-0003\"");
    }

    @Test
    void shouldProduceStrimzisHeadersExampleWithBase64HeaderValues() throws Exception {
        Response r = send(post("/topics/my-topic", example("strimzi-headers-json.json"),
                "content-type: application/vnd.kafka.json.v2+json"));

        assertThat(r.status()).isEqualTo(200);
        ConsumerRecord<byte[], byte[]> rec = at("my-topic", json(r).get("offsets").get(0));
        assertThat(rec.partition()).isEqualTo(2);
        assertThat(headers(rec)).containsExactly(Map.entry("key1", "Apache Kafka is the bomb!"));
    }

    @Test
    void shouldProduceStrimzisBinaryExampleBase64Decoded() throws Exception {
        Response r = send(post("/topics/my-topic", example("strimzi-binary.json"),
                "Content-Type: application/vnd.kafka.binary.v2+json"));

        assertThat(r.status()).isEqualTo(200);
        ConsumerRecord<byte[], byte[]> rec = at("my-topic", json(r).get("offsets").get(0));
        assertThat(text(rec.key())).isEqualTo("my-key");
        assertThat(text(rec.value())).isEqualTo("edwardthethreeleggedcat");
    }

    @Test
    void shouldProduceStrimzisOpenApiExamplesAsTextWithTimestampAndHeaders() throws Exception {
        Response list = send(post("/topics/my-topic", example("strimzi-openapi-producer-record-list.json"),
                "Content-Type: application/vnd.kafka.text.v2+json"));
        assertThat(list.status()).isEqualTo(200);
        JsonNode offsets = json(list).get("offsets");
        assertThat(text(at("my-topic", offsets.get(0)).key())).isEqualTo("key1");
        assertThat(text(at("my-topic", offsets.get(0)).value())).isEqualTo("value1");
        assertThat(offsets.get(1).get("partition").asInt()).isEqualTo(1);
        assertThat(text(at("my-topic", offsets.get(2)).value())).isEqualTo("value3");

        Response one = send(post("/topics/my-topic", example("strimzi-openapi-producer-record.json"),
                "Content-Type: application/vnd.kafka.text.v2+json"));
        assertThat(one.status()).isEqualTo(200);
        ConsumerRecord<byte[], byte[]> rec = at("my-topic", json(one).get("offsets").get(0));
        assertThat(rec.partition()).isZero();
        assertThat(rec.timestamp()).isEqualTo(1591897790000L);
        assertThat(headers(rec)).containsExactly(Map.entry("key1", "value1"), Map.entry("key2", "value2"));
    }

    @Test
    void shouldAnswerTheDoneWhenExampleAndWriteTheValueAsItsJsonText() throws Exception {
        Response r = send(post("/topics/events", "{\"records\":[{\"value\":{\"a\":1}}]}".getBytes(StandardCharsets.UTF_8),
                V2_JSON));

        assertThat(r.status()).isEqualTo(200);
        assertThat(text(at("events", json(r).get("offsets").get(0)).value())).isEqualTo("{\"a\":1}");
    }

    @Test
    void shouldAnswer404With40401ForEveryRecordOfAnUnknownTopic() throws Exception {
        Response r = send(post("/topics/no-such-topic", v2("{\"value\":1},{\"value\":2}"), V2_JSON));

        assertThat(r.status()).isEqualTo(404);
        JsonNode body = json(r);
        assertThat(body.get("error_code").asInt()).isEqualTo(40401);
        assertThat(body.get("offsets")).hasSize(2);
        for (JsonNode e : body.get("offsets")) {
            assertThat(e.get("error_code").asInt()).isEqualTo(40401);
            assertThat(e.get("error").asText()).contains("no-such-topic");
            assertThat(e.get("offset").isNull()).isTrue();
        }
    }

    @Test
    void shouldAnswer404With40402ForAnUnknownPartitionAndWriteNothing() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        Response r = send(post("/topics/single", v2("{\"value\":1},{\"value\":2,\"partition\":7}"), V2_JSON));

        assertThat(r.status()).isEqualTo(404);
        JsonNode body = json(r);
        assertThat(body.get("error_code").asInt()).isEqualTo(40402);
        assertThat(body.get("offsets").get(1).get("error_code").asInt()).isEqualTo(40402);
        assertThat(KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single")).isEqualTo(before);
    }

    @Test
    void shouldGiveConsecutiveOffsetsInRequestOrderOnOnePartition() throws Exception {
        Response r = send(post("/topics/single", v2("{\"value\":\"a\"},{\"value\":\"b\"},{\"value\":\"c\"}"),
                "Content-Type: application/vnd.kafka.text.v2+json"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode offsets = json(r).get("offsets");
        long first = offsets.get(0).get("offset").asLong();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(offsets.get(i).get("offset").asLong()).isEqualTo(first + i);
            values.add(text(at("single", offsets.get(i)).value()));
        }
        assertThat(values).containsExactly("a", "b", "c");
    }

    @Test
    void shouldTakeThePartitionFromTheV2PartitionPath() throws Exception {
        Response r = send(post("/topics/events/partitions/3", v2("{\"value\":{\"p\":3}}"), V2_JSON));

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("offsets").get(0).get("partition").asInt()).isEqualTo(3);
    }

    @Test
    void shouldAnswer204OnceQueuedForStrimzisAsyncTrueAndStillWriteTheRecord() throws Exception {
        long before = KafkaRecords.endOffsetSum(kafka.bootstrapServers(), "single");
        Response r = send(post("/topics/single?async=true", v2("{\"value\":\"fire\"}"),
                "Content-Type: application/vnd.kafka.text.v2+json"));

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Content-Length")).isNull();
        assertThat(text(KafkaRecords.at(kafka.bootstrapServers(), "single", 0, before).value())).isEqualTo("fire");
    }

    @Test
    void shouldAnswer406ForAnAcceptThatAllowsNoV2OrJsonType() throws Exception {
        Response r = send(post("/topics/events", v2("{\"value\":1}"), V2_JSON, "Accept: text/html"));

        assertThat(r.status()).isEqualTo(406);
        assertThat(json(r).get("error_code").asInt()).isEqualTo(406);
        assertThat(send(post("/topics/events", v2("{\"value\":1}"), V2_JSON, "Accept: */*")).status()).isEqualTo(200);
        assertThat(send(post("/topics/events", v2("{\"value\":1}"), V2_JSON,
                "Accept: application/vnd.kafka.v2+json, application/vnd.kafka+json, application/json")).status())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseSchemaFormatsAsNotSupportedYet() throws Exception {
        Response avro = send(post("/topics/events", v2("{\"value\":1}"),
                "Content-Type: application/vnd.kafka.avro.v2+json"));
        assertThat(avro.status()).isEqualTo(415);
        assertThat(json(avro).get("message").asText()).contains("schema formats are not supported yet");

        Response schema = send(post("/topics/events", ("{\"value_schema\":\"{\\\"type\\\":\\\"int\\\"}\","
                + "\"records\":[{\"value\":1}]}").getBytes(StandardCharsets.UTF_8), V2_JSON));
        assertThat(schema.status()).isEqualTo(422);
        assertThat(json(schema).get("message").asText()).contains("value_schema")
                .contains("schema formats are not supported yet");

        Response v3 = sendV3("events", "{\"value\":{\"type\":\"AVRO\",\"data\":1}}");
        assertThat(v3.status()).isEqualTo(422);
        assertThat(v3.bodyText()).contains("schema formats are not supported yet");
    }

    @Test
    void shouldAnswer400WithThePositionForAJsonSyntaxError() throws Exception {
        Response r = send(post("/topics/events", "{\"records\":[{\"value\": }]}".getBytes(StandardCharsets.UTF_8),
                V2_JSON));

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error_code").asInt()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("line 1, column 23");
    }

    @Test
    void shouldAnswer422NamingTheFieldOfAWrongShape() throws Exception {
        Response partition = send(post("/topics/events", v2("{\"value\":1},{\"value\":2,\"partition\":\"x\"}"),
                V2_JSON));
        assertThat(partition.status()).isEqualTo(422);
        assertThat(json(partition).get("message").asText()).startsWith("records[1].partition");

        Response binary = send(post("/topics/events", v2("{\"value\":\"not base64!\"}"),
                "Content-Type: application/vnd.kafka.binary.v2+json"));
        assertThat(binary.status()).isEqualTo(422);
        assertThat(json(binary).get("message").asText()).startsWith("records[0].value");

        Response noRecords = send(post("/topics/events", "{\"record\":[]}".getBytes(StandardCharsets.UTF_8), V2_JSON));
        assertThat(noRecords.status()).isEqualTo(422);
        assertThat(json(noRecords).get("message").asText()).startsWith("records");
    }

    @Test
    void shouldKeepSluicesOwnApiForPlainJsonBodies() throws Exception {
        byte[] body = "{\"records\":[{\"value\":1}]}".getBytes(StandardCharsets.UTF_8);
        Response r = send(post("/topics/events", body, "Content-Type: application/json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("topic").asText()).isEqualTo("events");
        assertThat(KafkaRecords.at(kafka.bootstrapServers(), "events", json(r).get("partition").asInt(),
                json(r).get("offset").asLong()).value()).isEqualTo(body);
    }

    // --- REST Proxy v3 ---

    @Test
    void shouldAnswerTheRealClusterIdAndRefuseAnotherWith404() throws Exception {
        JsonNode list = json(send(get("/v3/clusters")));
        assertThat(list.get("kind").asText()).isEqualTo("KafkaClusterList");
        assertThat(list.get("data").get(0).get("cluster_id").asText()).isEqualTo(clusterId);

        Response one = send(get("/v3/clusters/" + clusterId));
        assertThat(one.status()).isEqualTo(200);
        assertThat(json(one).get("cluster_id").asText()).isEqualTo(clusterId);

        Response other = send(get("/v3/clusters/not-this-one"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(json(other).get("error_code").asInt()).isEqualTo(404);
        Response produce = sendV3At("/v3/clusters/not-this-one/topics/events/records",
                "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}");
        assertThat(produce.status()).isEqualTo(404);
    }

    @Test
    void shouldProduceConfluentsV3ReadmeExamplesWithOneReportEach() throws Exception {
        Response r = sendV3("jsontest", text(example("confluent-v3-readme-json.json")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.get("error_code").asInt()).isEqualTo(200);
        assertThat(report.get("cluster_id").asText()).isEqualTo(clusterId);
        assertThat(report.get("topic_name").asText()).isEqualTo("jsontest");
        assertThat(report.get("value").get("type").asText()).isEqualTo("JSON");
        assertThat(report.get("value").get("size").asInt()).isEqualTo(19); // as in the README's answer
        assertThat(report.get("timestamp").asText()).endsWith("Z");
        assertThat(text(v3At(report).value())).isEqualTo("{\"name\":\"testUser\"}");

        Response two = sendV3("jsontest", text(example("confluent-v3-readme-concatenated.json")));
        assertThat(two.status()).isEqualTo(200);
        List<JsonNode> reports = reports(two);
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).get("value").get("size").asInt()).isEqualTo(5);
        assertThat(reports.get(1).get("offset").asLong()).isEqualTo(reports.get(0).get("offset").asLong() + 1);
        assertThat(text(v3At(reports.get(0)).value())).isEqualTo("\"ONE\"");
        assertThat(text(v3At(reports.get(1)).value())).isEqualTo("\"TWO\"");

        Response string = sendV3("jsontest", text(example("confluent-v3-readme-string.json")));
        assertThat(json(string).get("value").get("size").asInt()).isEqualTo(4);
        assertThat(text(v3At(json(string)).value())).isEqualTo("REST");
    }

    @Test
    void shouldProduceTheV3OpenApiBinaryAndJsonExampleWithHeadersKeyAndTimestamp() throws Exception {
        Response r = sendV3("topic-1", text(example("confluent-v3-openapi-binary-and-json.json")));

        assertThat(r.status()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.get("partition_id").asInt()).isEqualTo(1);
        assertThat(report.get("key").get("type").asText()).isEqualTo("BINARY");
        assertThat(report.get("key").get("size").asInt()).isEqualTo(6);
        assertThat(report.get("timestamp").asText()).isEqualTo("2021-02-05T19:14:42Z");
        ConsumerRecord<byte[], byte[]> rec = v3At(report);
        assertThat(text(rec.key())).isEqualTo("foobar");
        assertThat(text(rec.value())).isEqualTo("{\"foo\":\"bar\"}");
        assertThat(headers(rec)).containsExactly(Map.entry("Header-1", "Header-1"), Map.entry("Header-2", "Header-2"));
    }

    @Test
    void shouldAnswerBatchesWith207BySuccessAndFailureIds() throws Exception {
        Response readme = sendV3At(v3Path("jsontest") + ":batch", text(example("confluent-v3-readme-batch.json")));
        assertThat(readme.status()).isEqualTo(207);
        JsonNode successes = json(readme).get("successes");
        assertThat(successes).hasSize(2);
        assertThat(successes.get(0).get("id").asText()).isEqualTo("first");
        assertThat(text(v3At(successes.get(1)).value())).isEqualTo("\"TWO\"");
        assertThat(json(readme).get("failures")).isEmpty();

        Response openapi = sendV3At(v3Path("topic-1") + ":batch", text(example("confluent-v3-openapi-string-batch.json")));
        assertThat(openapi.status()).isEqualTo(207);
        assertThat(text(v3At(json(openapi).get("successes").get(0)).value())).isEqualTo("My first message");

        Response mixed = sendV3At(v3Path("topic-1") + ":batch", "{\"entries\":["
                + "{\"id\":\"ok\",\"value\":{\"type\":\"STRING\",\"data\":\"fine\"}},"
                + "{\"id\":\"bad\",\"value\":{\"type\":\"BINARY\",\"data\":\"Message$\"}},"
                + "{\"id\":\"nowhere\",\"partition_id\":9,\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]}");
        assertThat(mixed.status()).isEqualTo(207);
        JsonNode failures = json(mixed).get("failures");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).get("id").asText()).isEqualTo("bad");
        assertThat(failures.get(0).get("error_code").asInt()).isEqualTo(422);
        assertThat(failures.get(1).get("id").asText()).isEqualTo("nowhere");
        assertThat(failures.get(1).get("error_code").asInt()).isEqualTo(40403);

        Response none = sendV3At(v3Path("no-such-topic") + ":batch",
                "{\"entries\":[{\"id\":\"1\",\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]}");
        assertThat(none.status()).isEqualTo(404);
        assertThat(json(none).get("failures").get(0).get("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void shouldReportAMalformedRecordAndStillWriteTheOthersButNotAnswer200() throws Exception {
        Response r = sendV3("jsontest", "{\"value\":{\"type\":\"STRING\",\"data\":\"before\"}} {\"value\": oops} "
                + "{\"value\":{\"type\":\"STRING\",\"data\":\"after\"}}");

        assertThat(r.status()).isEqualTo(400);
        List<JsonNode> reports = reports(r);
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).get("error_code").asInt()).isEqualTo(200);
        assertThat(reports.get(1).get("error_code").asInt()).isEqualTo(400);
        assertThat(reports.get(2).get("error_code").asInt()).isEqualTo(200);
        assertThat(text(v3At(reports.get(2)).value())).isEqualTo("after");
    }

    @Test
    void shouldAnswer404With40403ForAnUnknownTopicOnV3() throws Exception {
        Response r = sendV3("no-such-topic", "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error_code").asInt()).isEqualTo(40403);
    }

    // --- Discovery ---

    @Test
    void shouldListExistingTopicsAndDescribeOneWithItsPartitionsAndLeaders() throws Exception {
        Response list = send(get("/topics"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).isEqualTo("application/vnd.kafka.v2+json");
        List<String> names = new ArrayList<>();
        json(list).forEach(n -> names.add(n.asText()));
        assertThat(names).contains("events", "single", "jsontest").doesNotContain("__consumer_offsets");
        assertThat(names).isSorted();

        Response events = send(get("/topics/events"));
        assertThat(events.status()).isEqualTo(200);
        JsonNode d = json(events);
        assertThat(d.get("name").asText()).isEqualTo("events");
        assertThat(d.get("partitions")).hasSize(4);
        JsonNode p0 = d.get("partitions").get(0);
        assertThat(p0.get("leader").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(p0.get("replicas").get(0).get("leader").asBoolean()).isTrue();
        assertThat(p0.get("replicas").get(0).get("in_sync").asBoolean()).isTrue();

        Response missing = send(get("/topics/no-such-topic"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void shouldListOnlyTheTopicsTheAllowListOpens() throws Exception {
        try (Gateway limited = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0)
                .bind("127.0.0.1").topicAllowList(List.of("single", "jsontest", "absent")).build())) {
            Response list;
            try (HttpConnection c = new HttpConnection(limited.port())) {
                list = c.exchange(get("/topics"));
            }
            assertThat(JSON.readValue(list.body(), List.class)).containsExactly("jsontest", "single");
            try (HttpConnection c = new HttpConnection(limited.port())) {
                assertThat(c.exchange(get("/topics/events")).status()).isEqualTo(404);
            }
        }
    }

    // --- helpers ---

    private static byte[] example(String name) throws IOException {
        try (InputStream in = PeerExamplesTest.class.getResourceAsStream("/peers/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] v2(String records) {
        return ("{\"records\":[" + records + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String v3Path(String topic) {
        return "/v3/clusters/" + clusterId + "/topics/" + topic + "/records";
    }

    private static Response sendV3(String topic, String body) throws Exception {
        return sendV3At(v3Path(topic), body);
    }

    private static Response sendV3At(String path, String body) throws Exception {
        return send(post(path, body.getBytes(StandardCharsets.UTF_8), "Content-Type: application/json"));
    }

    private static Response send(byte[] request) throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(request);
        }
    }

    private static JsonNode json(Response r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The concatenated reports of a v3 answer. */
    static List<JsonNode> reports(Response r) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readerFor(JsonNode.class).readValues(r.body()).forEachRemaining(n -> out.add((JsonNode) n));
        return out;
    }

    private static ConsumerRecord<byte[], byte[]> at(String topic, JsonNode v2Entry) {
        return KafkaRecords.at(kafka.bootstrapServers(), topic, v2Entry.get("partition").asInt(),
                v2Entry.get("offset").asLong());
    }

    private static ConsumerRecord<byte[], byte[]> v3At(JsonNode report) {
        return KafkaRecords.at(kafka.bootstrapServers(), report.get("topic_name").asText(),
                report.get("partition_id").asInt(), report.get("offset").asLong());
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<Map.Entry<String, String>> headers(ConsumerRecord<byte[], byte[]> rec) {
        return StreamSupport.stream(rec.headers().spliterator(), false)
                .map((Header h) -> Map.entry(h.key(), text(h.value()))).collect(Collectors.toList());
    }
}

package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sluice.gateway.http.OpenApiDocument;
import io.sluice.gateway.testing.HttpConnection;
import io.sluice.gateway.testing.HttpConnection.Response;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /openapi.json} against the gateway it describes: the document is valid OpenAPI 3.1 (a real
 * parser), names every route the router serves, and every request example in it, sent to a gateway with a
 * real broker, gets a status the document lists for that operation and a body its schema accepts.
 */
@Timeout(120)
class OpenApiDocumentTest extends SharedBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every (method, path template) the router serves ({@code RequestRouter}, {@code RestProxyV3Routes}). A new
     * route must be added here and to the document; this list failing is the reminder.
     */
    private static final Set<String> ROUTES = new TreeSet<>(List.of(
            "POST /topics/{topic}", "GET /topics/{topic}", "HEAD /topics/{topic}", "OPTIONS /topics/{topic}",
            "POST /topics/{topic}/partitions/{partition}", "OPTIONS /topics/{topic}/partitions/{partition}",
            "GET /topics", "HEAD /topics",
            "POST /{path}", "OPTIONS /{path}",
            "GET /healthz", "HEAD /healthz", "GET /readyz", "HEAD /readyz", "GET /metrics", "HEAD /metrics",
            "GET /openapi.json", "HEAD /openapi.json",
            "GET /v3/clusters", "HEAD /v3/clusters", "GET /v3/clusters/{cluster_id}", "HEAD /v3/clusters/{cluster_id}",
            "POST /v3/clusters/{cluster_id}/topics/{topic_name}/records",
            "PUT /v3/clusters/{cluster_id}/topics/{topic_name}/records",
            "POST /v3/clusters/{cluster_id}/topics/{topic_name}/records:batch"));
    private static final List<String> METHODS = List.of("get", "head", "post", "put", "options", "delete", "patch");

    private static Gateway gateway;
    private static JsonNode document;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = Gateway.start(GatewayConfig.builder(kafka.bootstrapServers()).port(0).bind("127.0.0.1")
                .ioThreads(2).build());
        document = JSON.readTree(OpenApiDocument.bytes());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @Test
    void shouldBeAValidOpenApi31DocumentWithoutParserMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(
                new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).hasSize(12);
    }

    @Test
    void shouldDocumentEveryRouteTheRouterServesAndNoOther() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(documented).isEqualTo(ROUTES);
    }

    @Test
    void shouldServeTheStoredDocumentOnGetAndHead() throws Exception {
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            Response r = c.exchange(get("/openapi.json"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.body()).isEqualTo(OpenApiDocument.bytes());

            Response head = c.send("HEAD /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponseWithoutBody();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(OpenApiDocument.bytes().length));
        }
    }

    @Test
    void shouldAnswerEveryDocumentedExampleAsDocumented() throws Exception {
        String clusterId = clusterId();
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String target = path.getKey();
                List<String> headers = new ArrayList<>();
                boolean complete = true;
                for (JsonNode p : op.path("parameters")) {
                    JsonNode param = resolve(p);
                    String name = param.get("name").asText();
                    String in = param.get("in").asText();
                    JsonNode example = param.get("example");
                    if (in.equals("path")) {
                        String value = name.equals("cluster_id") ? clusterId
                                : example == null ? null : example.asText();
                        complete &= value != null;
                        target = target.replace("{" + name + "}", String.valueOf(value));
                    } else if (in.equals("header") && example != null) {
                        headers.add(name + ": " + example.asText());
                    }
                }
                if (!complete) {
                    continue;
                }
                JsonNode content = op.path("requestBody").path("content");
                if (content.isMissingNode()) {
                    check(op, method, target, headers, null, null, 0);
                    checked.add(method + " " + target);
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = types.next();
                    for (Iterator<Map.Entry<String, JsonNode>> examples = type.getValue().path("examples").fields();
                         examples.hasNext(); ) {
                        Map.Entry<String, JsonNode> example = examples.next();
                        JsonNode value = example.getValue().get("value");
                        byte[] body = (value.isTextual() ? value.asText() : JSON.writeValueAsString(value))
                                .getBytes(StandardCharsets.UTF_8);
                        check(op, method, target, headers, type.getKey(), body,
                                example.getValue().path("x-sluice-status").asInt(0));
                        checked.add(method + " " + target + " " + type.getKey() + " " + example.getKey());
                    }
                }
            }
        }
        assertThat(checked).as("examples sent").hasSize(45);
    }

    @Test
    void shouldServeEveryDocumentedRoute() throws Exception {
        String clusterId = clusterId();
        for (String route : ROUTES) {
            String method = route.substring(0, route.indexOf(' '));
            if (method.equals("OPTIONS")) {
                continue; // CORS preflight: answered only with --cors-origins
            }
            String target = route.substring(route.indexOf(' ') + 1).replace("{topic}", "events")
                    .replace("{topic_name}", "events").replace("{partition}", "0").replace("{path}", "payload")
                    .replace("{cluster_id}", clusterId);
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (method.equals("POST") || method.equals("PUT") ? "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}" : "\r\n");
            try (HttpConnection c = new HttpConnection(gateway.port())) {
                c.send(head);
                Response r = method.equals("HEAD") ? c.readResponseWithoutBody() : c.readResponse();
                assertThat(r.status()).as(route + " -> " + r.status()).isNotIn(404, 405, 501);
            }
        }
    }

    @Test
    void shouldAnswerAnUnknownTopicInTheDocumentedShapes() throws Exception {
        JsonNode produce = document.get("paths").get("/topics/{topic}").get("post");
        check(produce, "post", "/topics/no-such-topic", List.of(), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), 404);
        check(produce, "post", "/topics/no-such-topic", List.of(), "application/vnd.kafka.json.v2+json",
                "{\"records\":[{\"value\":1}]}".getBytes(StandardCharsets.UTF_8), 404);
        check(document.get("paths").get("/topics/{topic}").get("get"), "get", "/topics/no-such-topic", List.of(),
                null, null, 404);
        check(document.get("paths").get("/v3/clusters/{cluster_id}").get("get"), "get", "/v3/clusters/not-this-one",
                List.of(), null, null, 404);
    }

    private static String clusterId() throws Exception {
        return JSON.readTree(exchange("GET", "/v3/clusters", List.of(), null, null).body())
                .get("data").get(0).get("cluster_id").asText();
    }

    /**
     * Sends one example and checks the answer against the operation's documented responses: a 2xx, or the status
     * an example of a refusal names in {@code x-sluice-status}.
     */
    private static void check(JsonNode op, String method, String target, List<String> headers, String contentType,
                              byte[] body, int expectedStatus) throws Exception {
        Response r = exchange(method.toUpperCase(Locale.ROOT), target, headers, contentType, body);
        String what = method + " " + target + (contentType == null ? "" : " (" + contentType + ")") + " -> "
                + r.status() + " " + r.bodyText();
        JsonNode documented = op.get("responses").get(String.valueOf(r.status()));
        assertThat(documented).as("status documented: " + what).isNotNull();
        if (expectedStatus == 0) {
            assertThat(r.status()).as("an example succeeds: " + what).isBetween(200, 299);
        } else {
            assertThat(r.status()).as("the example's x-sluice-status: " + what).isEqualTo(expectedStatus);
        }
        JsonNode response = resolve(documented);
        if (!response.has("content")) {
            assertThat(r.body()).as(what).isEmpty();
            return;
        }
        String type = r.header("Content-Type").split(";")[0].trim();
        JsonNode media = response.get("content").get(type);
        assertThat(media).as("content type documented: " + type + " for " + what).isNotNull();
        if (type.equals("application/json") || type.endsWith("+json")) {
            Set<ValidationMessage> errors = schema(media.get("schema")).validate(JSON.readTree(r.body()));
            assertThat(errors).as("the body matches its schema: " + what).isEmpty();
        }
    }

    /** The schema with the document's components beside it, so that its {@code $ref}s resolve. */
    private static JsonSchema schema(JsonNode schema) {
        ObjectNode root = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JSON.createObjectNode();
        root.set("components", document.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }

    private static Response exchange(String method, String target, List<String> headers, String contentType,
                                     byte[] body) throws Exception {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (HttpConnection c = new HttpConnection(gateway.port())) {
            return c.exchange(HttpConnection.concat(head.toString().getBytes(StandardCharsets.ISO_8859_1),
                    body == null ? new byte[0] : body));
        }
    }
}

package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** deploy/kubernetes/*.yaml: parsed, and checked against each other and against the real {@code serve} options. */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path dir = Path.of(System.getProperty("sluice.deploy.dir", "../deploy"), "kubernetes");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(f.toFile());
                assertThat(doc.path("apiVersion").asText()).as(f + " apiVersion").isNotEmpty();
                assertThat(BY_KIND.put(doc.path("kind").asText(), doc)).as("one " + doc.path("kind") + " only").isNull();
            }
        }
        assertThat(BY_KIND).containsKeys("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "ServiceMonitor", "ConfigMap");
    }

    private static JsonNode container() {
        JsonNode containers = BY_KIND.get("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** The container's environment: the ConfigMap it loads, then its own env entries. */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : container().path("envFrom")) {
            assertThat(from.at("/configMapRef/name").asText()).isEqualTo(BY_KIND.get("ConfigMap").at("/metadata/name").asText());
            BY_KIND.get("ConfigMap").path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        container().path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static ServeParser serve() {
        List<String> args = new ArrayList<>();
        container().path("args").forEach(a -> args.add(a.asText()));
        return ServeParser.parse(args, environment());
    }

    private static int containerPort(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container().path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    @Test
    void shouldPassTheContainerArgsAndEnvironmentThroughServesParser() {
        ServeParser serve = serve();

        assertThat(serve.bootstrapServers()).as("an external Kafka, not the embedded broker").isNotBlank();
        assertThat(ServeParser.optionVariables()).as("SLUICE_ variables that are serve options")
                .containsAll(environment().keySet().stream().filter(k -> k.startsWith("SLUICE_"))
                        .filter(k -> !ServeParser.LAUNCHER_VARIABLES.contains(k)).toList());
    }

    @Test
    void shouldRefuseArgsThatAreNoServeOptions() {
        // the check above can fail: an unknown option or a bad value is a parse error
        assertThatThrownBy(() -> ServeParser.parse(List.of("serve", "--drain-timout=30s"), Map.of()))
                .isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> ServeParser.parse(List.of("serve"), Map.of("SLUICE_DRAIN_TIMEOUT", "soon")))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void shouldProbeReadyzAndHealthzOnTheServedPort() {
        int served = serve().port();
        JsonNode c = container();

        assertThat(containerPort(c.at("/ports/0/name"))).isEqualTo(served);
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(containerPort(c.at("/readinessProbe/httpGet/port"))).isEqualTo(served);
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(containerPort(c.at("/livenessProbe/httpGet/port"))).isEqualTo(served);
        if (c.has("startupProbe")) {
            assertThat(containerPort(c.at("/startupProbe/httpGet/port"))).isEqualTo(served);
        }
    }

    @Test
    void shouldGiveThePreStopPauseAndTheDrainTheirTimeWithinTheGracePeriod() {
        Duration drain = serve().drainTimeout();
        JsonNode preStop = container().at("/lifecycle/preStop");
        long pause = preStop.has("sleep") ? preStop.at("/sleep/seconds").asLong() : execSleepSeconds(preStop);
        long grace = BY_KIND.get("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asLong();

        assertThat(pause).as("preStop pause, s").isPositive();
        assertThat(grace).as("terminationGracePeriodSeconds >= preStop pause + drain timeout")
                .isGreaterThanOrEqualTo(pause + drain.toSeconds());
    }

    private static long execSleepSeconds(JsonNode preStop) {
        JsonNode command = preStop.at("/exec/command");
        assertThat(command.get(0).asText()).isEqualTo("sleep");
        return command.get(1).asLong();
    }

    @Test
    void shouldRequestResourcesThatHoldTheHeap() {
        JsonNode resources = container().path("resources");
        assertThat(resources.at("/requests/cpu").asText()).isNotEmpty();
        long limit = bytes(resources.at("/limits/memory").asText());
        Matcher xmx = Pattern.compile("-Xmx(\\d+)([gGmM])").matcher(environment().getOrDefault("SLUICE_JAVA_OPTS", ""));
        assertThat(xmx.find()).as("a fixed -Xmx in SLUICE_JAVA_OPTS").isTrue();
        long heap = Long.parseLong(xmx.group(1)) << (xmx.group(2).equalsIgnoreCase("g") ? 30 : 20);

        assertThat(limit).as("memory limit over the heap plus 256 MiB off-heap").isGreaterThanOrEqualTo(heap + (256L << 20));
        assertThat(bytes(resources.at("/requests/memory").asText())).isEqualTo(limit);
    }

    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as(quantity).isTrue();
        return Long.parseLong(m.group(1)) << (m.group(2).equals("Gi") ? 30 : 20);
    }

    @Test
    void shouldWireServiceMonitorBudgetAndAutoscalerToTheDeployment() {
        JsonNode deployment = BY_KIND.get("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode service = BY_KIND.get("Service");

        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(service.at("/spec/selector")).isEqualTo(podLabels);
        assertThat(containerPort(service.at("/spec/ports/0/targetPort"))).isEqualTo(serve().port());
        assertThat(BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(podLabels);

        JsonNode monitor = BY_KIND.get("ServiceMonitor");
        assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(service.at("/metadata/labels"));
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");

        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("more replicas than the budget lets go")
                .isGreaterThan(BY_KIND.get("PodDisruptionBudget").at("/spec/maxUnavailable").asInt());
    }
}

package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows point one way: transport -> http -> ingest, with ops beside them implementing their metrics
 * interfaces (HttpMetrics, IngestMetrics), and each package given only the settings it needs. Read from the imports of the main sources, so a wrong arrow fails the build, not a review.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/sluice/gateway");

    /** "file: import" for every import in {@code pkg} (and its sub-packages) that starts with a forbidden prefix. */
    private static List<String> importsOf(String pkg, String... forbidden) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String prefix : forbidden) {
                        if (line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)) {
                            hits.add(MAIN.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        return hits;
    }

    @Test
    void transportShouldKnowNothingOfHttpKafkaOrMetrics() throws IOException {
        assertThat(importsOf("transport", "io.sluice.gateway.http", "io.sluice.gateway.ingest",
                "io.sluice.gateway.ops", "org.apache.kafka", "io.netty.handler.codec.http")).isEmpty();
    }

    @Test
    void ingestShouldKnowNothingOfHttpTransportMetricsOrTheWholeConfig() throws IOException {
        assertThat(importsOf("ingest", "io.sluice.gateway.http", "io.sluice.gateway.transport", "io.netty",
                "io.sluice.gateway.ops", "io.sluice.gateway.GatewayConfig", "io.prometheus")).isEmpty();
    }

    @Test
    void httpShouldUseIngestOnlyThroughItsPublicApi() throws IOException {
        assertThat(importsOf("http", "io.sluice.gateway.ingest.internal")).isEmpty();
    }

    @Test
    void httpShouldNotReachIntoIngestMachineryMetricsOrTheWholeConfig() throws IOException {
        assertThat(importsOf("http", "io.sluice.gateway.GatewayConfig", "io.sluice.gateway.ingest.internal.KafkaSink",
                "io.sluice.gateway.ingest.internal.TopicCatalog", "io.sluice.gateway.ops", "org.apache.kafka",
                "io.prometheus")).isEmpty();
    }

    @Test
    void accessShouldDecideWithoutKnowingHttpTransportIngestOrNetty() throws IOException {
        assertThat(importsOf("access", "io.sluice.gateway.http", "io.sluice.gateway.transport",
                "io.sluice.gateway.ingest", "io.sluice.gateway.ops", "io.sluice.gateway.GatewayConfig", "io.netty",
                "org.apache.kafka", "io.prometheus")).isEmpty();
    }
}

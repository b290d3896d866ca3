package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.GatewayConfig;
import io.sluice.gateway.ingest.ProducerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** The release archive's config/sluice.properties against the real {@code serve} command. */
class ConfigTemplateTest {

    private static final Pattern VALUED_LINE = Pattern.compile("^#([a-z][a-z.-]*=.+)$");

    @TempDir
    Path dir;

    private final String template = ConfigTemplate.render();

    @Test
    void shouldShowEveryServeOptionWithItsEnvironmentVariable() {
        List<OptionSpec> options = SluiceCli.create(CliContext.system()).getSubcommands().get("serve")
                .getCommandSpec().options();

        assertThat(options).hasSizeGreaterThan(20);
        for (OptionSpec option : options) {
            String key = LayeredDefaults.key(option);
            if (option.usageHelp() || option.versionHelp() || key.equals("config")) {
                continue;
            }
            assertThat(template).as(key)
                    .containsPattern("(?m)^#" + Pattern.quote(key) + (option.typeInfo().isMap() ? "\\." : "="))
                    .contains("# Environment: " + LayeredDefaults.envName(key));
        }
        assertThat(template).doesNotContainPattern("(?m)^[^#\\n]").doesNotContain("${").doesNotContain("#config=");
    }

    @Test
    void shouldChangeNothingWhenEveryLineWithAValueIsUncommented() throws IOException {
        CliHarness plain = new CliHarness();
        GatewayConfig defaults = plain.serve();

        Path file = dir.resolve("sluice.properties");
        List<String> uncommented = template.lines().map(line -> {
            Matcher m = VALUED_LINE.matcher(line);
            return m.matches() ? m.group(1) : line;
        }).toList();
        Files.write(file, uncommented);
        assertThat(uncommented.stream().filter(l -> !l.startsWith("#") && !l.isEmpty()).count())
                .as("uncommented lines").isGreaterThan(20);
        CliHarness configured = new CliHarness();
        GatewayConfig fromFile = configured.serve("--config", file.toString());

        assertThat(fromFile).usingRecursiveComparison().ignoringFields("producerProperties").isEqualTo(defaults);
        assertThat(ProducerSettings.effective(fromFile.bootstrapServers(), fromFile.delivery(),
                fromFile.producerProperties()))
                .isEqualTo(ProducerSettings.effective(defaults.bootstrapServers(), defaults.delivery(), Map.of()));
        assertThat(fromFile.producerProperties()).containsEntry("buffer.memory", "268435456");
        assertThat(configured.brokerPort).isEqualTo(plain.brokerPort);
        assertThat(configured.brokerDataDir).isEqualTo(plain.brokerDataDir);
        assertThat(configured.brokerTopics).isEqualTo(plain.brokerTopics);
    }
}

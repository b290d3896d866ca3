package io.sluice.cli;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.ProducerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The release archive's {@code config/sluice.properties}: every option of {@code sluice serve}, commented
 * out, with its description, its environment variable and its built-in default, rendered from the picocli
 * model at build time so that it cannot drift from the code. Uncommenting a line changes nothing until its
 * value is edited (ConfigTemplateTest loads the uncommented file and expects the defaults). Stateless.
 */
public final class ConfigTemplate {

    private static final int WIDTH = 100;
    private static final String DEFAULT_VARIABLE = "${DEFAULT-VALUE}";

    private ConfigTemplate() {
    }

    /** Writes the template to {@code args[0]} (the release build runs this). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConfigTemplate <output file>");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /** The template's text. */
    public static String render() {
        CliContext parseOnly = new CliContext(Map.of(), (dir, port, topics) -> {
            throw new UnsupportedOperationException("parse only");
        }, config -> {
            throw new UnsupportedOperationException("parse only");
        }, cleanup -> { }, 1, OpenFilesLimit.PROC_LIMITS);
        // No LayeredDefaults here: the defaults shown must be the built-in ones, not this machine's.
        CommandLine serve = new CommandLine(new ServeCommand(parseOnly));
        serve.getCommandSpec().interpolateVariables(false);
        List<String> lines = new ArrayList<>(List.of(
                "# Sluice " + VersionProvider.version() + ": the options of `sluice serve`, one key per long option name",
                "# without its dashes. Load this file with `bin/sluice serve --config config/sluice.properties` or",
                "# SLUICE_CONFIG=config/sluice.properties. Each value comes from, first match wins: the command-line",
                "# flag, the environment variable (SLUICE_ + the key upper-cased, dashes as underscores), this file,",
                "# the built-in default. Every line below shows the built-in default, commented out; uncomment one",
                "# and edit its value to change it. Sizes: 1048576, 512KiB, 1MiB, 10MB. Durations: 500ms, 10s, 2m.",
                "# Generated from the command's own definition when the release was built."));
        for (OptionSpec option : serve.getCommandSpec().options()) {
            String key = LayeredDefaults.key(option);
            if (option.usageHelp() || option.versionHelp() || "config".equals(key)) {
                continue;
            }
            String value = option.defaultValue();
            if (value == null && option.typeInfo().isBoolean()) {
                value = "false";
            }
            lines.add("");
            wrap(described(String.join(" ", option.description()), value), lines);
            if (option.typeInfo().isMap()) {
                producerProperties(key, lines);
            } else {
                lines.add("# Environment: " + LayeredDefaults.envName(key));
                lines.add("#" + key + "=" + (value == null ? "" : value));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The description with its default filled in; "Default: ${DEFAULT-VALUE} (the number of cores)" without one. */
    private static String described(String raw, String value) {
        if (value != null) {
            return raw.replace(DEFAULT_VARIABLE, value);
        }
        return raw.replaceAll(Pattern.quote(DEFAULT_VARIABLE) + " \\(([^)]*)\\)", "$1")
                .replace(DEFAULT_VARIABLE, "none");
    }

    private static void producerProperties(String key, List<String> lines) {
        lines.add("# Environment: " + LayeredDefaults.envName(key) + "=linger.ms=10,acks=all");
        lines.add("# One line per Kafka producer property. Sluice's defaults (under --delivery async: linger.ms=50, "
                + "compression.type=lz4, and five requests in flight):");
        ProducerSettings.defaults(DeliveryMode.ACK).forEach((k, v) -> lines.add("#" + key + "." + k + "=" + v));
    }

    private static void wrap(String text, List<String> lines) {
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split("\\s+")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                lines.add(line.toString());
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
    }
}

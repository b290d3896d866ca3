package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpAndVersionTest {

    private final CliHarness cli = new CliHarness();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bind=ADDRESS|Default: 0.0.0.0",
        "--port=PORT|Default: 8080",
        "--bootstrap-servers=HOST|Default: none, which starts",
        "--data-dir=DIR|Default: ./sluice-data",
        "--broker-port=PORT|Default: 9092",
        "--default-topic=TOPIC|Default: events",
        "--topics=TOPIC|Default: any",
        "--topic-pattern=REGEX|Default: any",
        "--delivery=ack|Default: ack",
        "--sink=kafka|Default: kafka",
        "--max-queued-records=N|Default: 100000",
        "--max-body-size=SIZE|Default: 1MiB",
        "--max-header-size=SIZE|Default: 16KiB",
        "--max-connections=N|Default: 10000",
        "--idle-timeout=DURATION|Default: 60s",
        "--header-read-timeout=DURATION|Default: 10s",
        "--body-read-timeout=DURATION|Default: 30s",
        "--drain-timeout=DURATION|Default: 30s",
        "--io=auto|Default: auto",
        "--http=raw|Default: raw",
        "--io-threads=N|Default: 8 (the number of cores)",
        "--producer-property=KEY=VALUE|Default: none",
        "--producer-config=FILE|Default: none",
        "--cors-origins=ORIGIN|Default: none (CORS off)",
        "--trace-headers=on|Default: on",
        "--config=FILE|SLUICE_CONFIG",
    })
    void shouldListEveryServeOptionWithItsDefault(String option, String shownDefault) {
        assertThat(cli.run("serve", "--help")).isZero();

        assertThat(helpEntry(cli.out, option)).contains(shownDefault);
    }

    /** The option's help entry: its line and the description lines under it, joined. */
    private static String helpEntry(String help, String option) {
        java.util.List<String> lines = help.lines().toList();
        int i = 0;
        while (i < lines.size() && !lines.get(i).stripLeading().startsWith(option)) {
            i++;
        }
        assertThat(i).as("help lists " + option).isLessThan(lines.size());
        StringBuilder entry = new StringBuilder(lines.get(i));
        for (int j = i + 1; j < lines.size(); j++) {
            String next = lines.get(j);
            boolean continuation = next.length() - next.stripLeading().length() > 10;
            if (!continuation) {
                break;
            }
            entry.append(' ').append(next.strip());
        }
        return entry.toString().replaceAll("\\s+", " ");
    }

    @Test
    void shouldExplainPrecedenceAndEnvironmentNamesInServeHelp() {
        cli.run("serve", "--help");

        assertThat(cli.out)
                .contains("flag > environment variable > --config file > default")
                .contains("SLUICE_ + the long option name upper-cased")
                .contains("SLUICE_MAX_BODY_SIZE=10MB")
                .contains("producer-property.<key>=<value>");
    }

    @Test
    void shouldListBrokerOptionsAndPrecedenceInKafkaHelp() {
        assertThat(cli.run("kafka", "--help")).isZero();

        assertThat(cli.out).contains("--data-dir=DIR", "--broker-port=PORT", "--default-topic=TOPIC", "--config=FILE",
                "flag > environment variable > --config file > default", "SLUICE_BROKER_PORT");
    }

    @Test
    void shouldShowDefaultsFromEnvironmentInHelpBecauseTheyAreWhatWouldApply() {
        cli.env.put("SLUICE_PORT", "9999");

        cli.run("serve", "--help");

        assertThat(cli.out).contains("Default: 9999");
    }

    @Test
    void shouldListCommandsInTopLevelHelp() {
        assertThat(cli.run("--help")).isZero();

        assertThat(cli.out).contains("serve").contains("kafka");
    }

    @Test
    void shouldPrintTheFilteredProjectVersionCommitAndBuildDate() {
        assertThat(cli.run("--version")).isZero();

        assertThat(cli.out).startsWith("sluice ").doesNotContain("${").doesNotContain("unknown");
        assertThat(cli.out.lines().findFirst().orElseThrow()).matches("sluice \\d+\\.\\d+\\.\\d+\\S* "
                + "\\(commit [0-9a-f]{7,}(-dirty)?, built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    }

    @Test
    void shouldPrintTheVersionFromEverySubcommand() {
        assertThat(cli.run("serve", "--version")).isZero();
        assertThat(cli.out).startsWith("sluice " + VersionProvider.version());
    }

    @Test
    void shouldFailWithUsageHintWhenNoCommandIsGiven() {
        assertThat(cli.run()).isEqualTo(2);

        assertThat(cli.err).contains("missing command").contains("sluice --help");
    }
}

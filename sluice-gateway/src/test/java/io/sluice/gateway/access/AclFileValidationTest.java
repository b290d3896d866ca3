package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an ACL file can be wrong is refused with the right 1-based line and a reason. */
class AclFileValidationTest {
    private static final String GOOD_RULE = """
            rules:
              - principal: alice
                topics: [events]
                allow: [produce]
            """;

    private static void assertRefused(String yaml, int line, String reason) {
        assertThatThrownBy(() -> AclPolicy.parse(Path.of("acl.yaml"), yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("acl.yaml:" + line + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((PolicyFileException) e).line()).isEqualTo(line));
    }

    @Test
    void shouldRefuseAnUnknownKeyInARuleAtItsLine() {
        assertRefused(GOOD_RULE + """
                  - principal: bob
                    topics: [events]
                    alow: [produce]
                """, 7, "unknown key 'alow' in a rule");
    }

    @Test
    void shouldRefuseAnUnknownTopLevelKeyAtItsLine() {
        assertRefused(GOOD_RULE + "\n# comment\nrulez: []\n", 7, "unknown key 'rulez' in the file");
    }

    @Test
    void shouldRefuseARuleWithBothPrincipalAndGroupAtTheRulesLine() {
        assertRefused(GOOD_RULE + """
                  - principal: bob
                    group: partners
                    topics: [events]
                    allow: [produce]
                """, 5, "names both 'principal' and 'group'");
    }

    @Test
    void shouldRefuseARuleWithNeitherPrincipalNorGroupAtTheRulesLine() {
        assertRefused(GOOD_RULE + """
                  - topics: [events]
                    allow: [produce]
                """, 5, "a rule needs 'principal'");
    }

    @Test
    void shouldRefuseEmptyTopicsAtTheKeysLine() {
        assertRefused(GOOD_RULE + """
                  - group: partners
                    topics: []
                    allow: [produce]
                """, 6, "'topics' is empty");
    }

    @Test
    void shouldRefuseMissingTopicsAtTheRulesLine() {
        assertRefused(GOOD_RULE + """
                  - group: partners
                    allow: [produce]
                """, 5, "a rule needs 'topics'");
    }

    @Test
    void shouldRefuseAnUnknownVerbAtItsOwnLine() {
        assertRefused(GOOD_RULE + """
                  - group: partners
                    topics: [events]
                    allow:
                      - produce
                      - delete
                """, 9, "unknown operation 'delete'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'logs/[a-z]'          | '['",
        "'logs/app'            | '/'",
        "'events {x}'          | ' '",
        "'partner.${user}.x'   | 'uses ${user}; only ${principal} may be substituted'",
        "'partner.${principal' | 'uses ${principal; only ${principal} may be substituted'",
        "'cost$'               | '$'"})
    void shouldRefuseABadTopicPatternAtItsLine(String pattern, String reason) {
        assertRefused(GOOD_RULE + """
                  - group: partners
                    topics:
                      - ok
                      - "%s"
                    allow: [produce]
                """.formatted(pattern), 8, reason);
    }

    @Test
    void shouldRefuseABadRateAtItsLine() {
        assertRefused(GOOD_RULE + """
                quotas:
                  - principal: alice
                    requests-per-second: 500
                  - principal: bob
                    requests-per-second: fast
                """, 9, "requests-per-second: 'fast' is not a request rate");
    }

    @Test
    void shouldRefuseABadSizeAtItsLine() {
        assertRefused(GOOD_RULE + """
                quotas:
                  - group: partners
                    bytes-per-second: 10 MiBs
                """, 7, "has an unknown unit 'mibs'");
        assertRefused(GOOD_RULE + """
                quotas:
                  - group: partners
                    bytes-per-second: -5
                """, 7, "'-5' is not a byte rate");
        assertRefused(GOOD_RULE + """
                quotas:
                  - group: partners
                    requests-per-second: 0
                """, 7, "must be a positive rate");
    }

    @Test
    void shouldRefuseAQuotaWithoutARateOrWithAnUnknownKeyOrTwiceForOnePrincipal() {
        assertRefused(GOOD_RULE + "quotas:\n  - principal: alice\n", 6, "needs 'requests-per-second'");
        assertRefused(GOOD_RULE + "quotas:\n  - principal: alice\n    burst: 5\n", 7,
                "unknown key 'burst' in a quota");
        assertRefused(GOOD_RULE + """
                quotas:
                  - principal: alice
                    requests-per-second: 1
                  - principal: alice
                    requests-per-second: 2
                """, 8, "a second quota for principal alice (the first is on line 6)");
        assertRefused(GOOD_RULE + "quotas:\n  - principal: \"*\"\n    requests-per-second: 1\n", 6,
                "the default for everyone is the --quota option");
    }

    @Test
    void shouldRefuseMalformedYamlAtTheLineTheParserStopped() {
        assertRefused(GOOD_RULE + "  - principal: bob\n    topics: [events\n    allow: [produce]\n", 7, "not valid YAML");
    }

    @Test
    void shouldRefuseARepeatedKeyAtTheSecondOne() {
        assertRefused(GOOD_RULE + "  - principal: bob\n    topics: [a]\n    topics: [b]\n    allow: [produce]\n", 7,
                "'topics' appears twice");
    }

    @Test
    void shouldRefuseAnEmptyFileAndAFileWithoutRules() {
        assertRefused("# nothing yet\n", 1, "the ACL file is empty");
        assertRefused("quotas: []\n", 1, "no 'rules' list");
        assertRefused("rules: [produce]\n", 1, "a rule must be a mapping, not a value");
        assertRefused("rules:\n  principal: alice\n", 2, "'rules' must be a list, not a mapping");
    }
}

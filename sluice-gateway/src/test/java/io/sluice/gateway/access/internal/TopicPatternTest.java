package io.sluice.gateway.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glob matching on its own: backtracking over stars, fixed-length pieces, and the literal principal. */
class TopicPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} (principal {2}) = {3}")
    @CsvSource(delimiter = '|', value = {
        "*            | anything       | p     | true",
        "*            | ''             | p     | true",
        "a**b         | ab             | p     | true",
        "*.b          | a.b.b          | p     | true",
        "*.b          | a.b.c          | p     | false",
        "a*b*c        | abcbc          | p     | true",
        "a*b*c        | abcb           | p     | false",
        "a*aab        | aaaaab         | p     | true",
        "??           | ab             | p     | true",
        "?*?          | a              | p     | false",
        "x.${principal}         | x.bob    | bob | true",
        "x.${principal}         | x.bo     | bob | false",
        "x.${principal}         | x.bobby  | bob | false",
        "x.${principal}*        | x.bobby  | bob | true",
        "${principal}-${principal} | a-a   | a   | true",
        "${principal}-${principal} | a-b   | a   | false",
        "x.${principal}.y       | x.ab.y   | a*  | false",
        "x.${principal}.y       | x.a*.y   | a*  | true",
        "x.${principal}.y       | x.a.y    | a?  | false",
        "x.${principal}         | x.       | ''  | true",
        "x.${principal}.y       | x..y     | ''  | true"})
    void shouldMatchAsDocumented(String pattern, String topic, String principal, boolean matches) {
        assertThat(TopicPattern.compile(pattern).matches(topic, principal)).isEqualTo(matches);
    }

    @org.junit.jupiter.api.Test
    void shouldMatchAPathologicalPatternWithoutExponentialBacktracking() {
        TopicPattern p = TopicPattern.compile("a*a*a*a*a*a*a*a*a*a*b");
        String topic = "a".repeat(249);
        long start = System.nanoTime();
        assertThat(p.matches(topic, "x")).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}

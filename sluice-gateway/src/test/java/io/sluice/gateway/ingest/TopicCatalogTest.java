package io.sluice.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    private static TopicCatalog catalog(List<String> allow, Pattern pattern) {
        return new TopicCatalog(null, t -> true, null, System::nanoTime, Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(1), new TopicFilter(allow, pattern));
    }

    @Test
    void shouldAllowEveryTopicWithoutRestrictions() {
        assertThat(catalog(List.of(), null).isAllowed("anything")).isTrue();
    }

    @Test
    void shouldAllowOnlyListedTopicsWithAnAllowList() {
        TopicCatalog c = catalog(List.of("a", "b"), null);
        assertThat(c.isAllowed("a")).isTrue();
        assertThat(c.isAllowed("c")).isFalse();
    }

    @Test
    void shouldAllowOnlyTopicsMatchingThePatternWhole() {
        TopicCatalog c = catalog(List.of(), Pattern.compile("logs\\..*"));
        assertThat(c.isAllowed("logs.web")).isTrue();
        assertThat(c.isAllowed("metrics.logs.web")).isFalse();
    }
}

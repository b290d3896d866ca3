package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientErrorClassesTest {
    @Test
    void shouldAllowSuccessAndRetriable503Only() {
        ClientErrorClasses c = ClientErrorClasses.of(Map.of("200", 23_000L, "202", 5L, "503", 7L),
                Map.of("reset", 0L, "timeout", 0L));

        assertThat(c.passed()).isTrue();
        assertThat(c.allowed()).containsEntry("2xx", 23_005L).containsEntry("503", 7L);
        assertThat(c.refused()).isEmpty();
        assertThat(c.failures()).isEmpty();
    }

    @Test
    void shouldRefuseAGatewayResetSeenThroughHaproxyAsA502() {
        ClientErrorClasses c = ClientErrorClasses.of(Map.of("200", 100L, "502", 2L, "504", 1L), Map.of());

        assertThat(c.passed()).isFalse();
        assertThat(c.refused()).containsOnly(Map.entry("502", 2L), Map.entry("504", 1L));
        assertThat(c.failures()).containsExactly("2 request(s) ended with status 502",
                "1 request(s) ended with status 504");
    }

    @Test
    void shouldRefuseEveryRequestLeftWithoutAnAnswer() {
        ClientErrorClasses c = ClientErrorClasses.of(Map.of("200", 100L),
                Map.of("reset", 3L, "closed_early", 1L, "timeout", 2L, "connect_refused", 0L));

        assertThat(c.refused()).containsOnly(Map.entry("reset", 3L), Map.entry("closed_early", 1L),
                Map.entry("timeout", 2L));
        assertThat(c.failures()).contains("3 request(s) ended with reset");
    }
}

package io.sluice.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.access.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefusalMetricsTest {
    private static final Principal ALICE = new Principal("alice", Set.of(), "api-key");

    @Test
    void shouldCountRefusalsWithoutPrincipalLabelsByDefault() {
        GatewayMetrics m = new GatewayMetrics();
        m.authenticationFailed("jwt", "expired");
        m.forbidden(ALICE);
        m.throttled("quota", ALICE);
        String text = new String(m.scrape(), StandardCharsets.UTF_8);

        assertThat(text).contains("sluice_auth_failures_total{method=\"jwt\",reason=\"expired\"} 1.0")
                .contains("sluice_forbidden_total 1.0").contains("sluice_throttled_total{kind=\"quota\"} 1.0")
                .doesNotContain("alice");
    }

    @Test
    void shouldLabelByPrincipalOnlyWhenAskedTo() {
        GatewayMetrics m = new GatewayMetrics(true);
        m.forbidden(ALICE);
        m.throttled("auth", null);
        String text = new String(m.scrape(), StandardCharsets.UTF_8);

        assertThat(text).contains("sluice_forbidden_total{principal=\"alice\"} 1.0")
                .contains("sluice_throttled_total{kind=\"auth\",principal=\"\"} 1.0");
    }
}

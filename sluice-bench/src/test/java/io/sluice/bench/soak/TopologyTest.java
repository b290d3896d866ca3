package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologyTest {
    @Test
    void shouldParseGatewaysByBrokers() {
        assertThat(Topology.parse("3x3")).isEqualTo(new Topology(3, 3));
        assertThat(Topology.parse(" 4X5 ")).isEqualTo(new Topology(4, 5));
        assertThat(new Topology(3, 3)).hasToString("3x3");
    }

    @Test
    void shouldRefuseShapesThatCannotSurviveTheirEvents() {
        assertThatThrownBy(() -> Topology.parse("3by3")).hasMessageContaining("GATEWAYSxBROKERS");
        assertThatThrownBy(() -> Topology.parse("1x3")).hasMessageContaining("at least 2 gateways");
        assertThatThrownBy(() -> Topology.parse("3x2")).hasMessageContaining("at least 3 Kafka nodes");
    }
}

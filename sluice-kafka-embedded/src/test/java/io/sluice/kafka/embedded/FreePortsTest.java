package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** Regression: broker and controller once got the same free port and Kafka refused to start. */
    @Test
    void shouldNeverPickTheExcludedPort() {
        for (int i = 0; i < 200; i++) {
            int first = FreePorts.pick("127.0.0.1");
            assertThat(FreePorts.pickExcept("127.0.0.1", first)).isNotEqualTo(first);
        }
    }

    @Test
    void shouldPickTheAskedNumberOfDifferentFreePorts() {
        List<Integer> ports = FreePorts.pickDistinct("127.0.0.1", 6);

        assertThat(ports).hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0 && port <= 65535);
    }
}

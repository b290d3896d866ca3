package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Regression: broker and controller once got the same free port and Kafka refused to start. */
class FreePortsTest {

    @Test
    void shouldNeverPickTheExcludedPort() {
        for (int i = 0; i < 200; i++) {
            int first = FreePorts.pick("127.0.0.1");
            assertThat(FreePorts.pickExcept("127.0.0.1", first)).isNotEqualTo(first);
        }
    }
}

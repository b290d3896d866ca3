package io.sluice.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProbeTest {

    @Test
    void shouldNameEveryProducerSettingThatAsyncModeSetsDifferentlyOrLeavesToKafka() {
        Map<String, String> ack = new LinkedHashMap<>(Map.of("acks", "all"));
        ack.put("linger.ms", "0");
        ack.put("compression.type", "none");
        ack.put("max.in.flight.requests.per.connection", "1");
        Map<String, String> async = new LinkedHashMap<>(Map.of("acks", "all"));
        async.put("linger.ms", "50");
        async.put("compression.type", "lz4");

        assertThat(EnvironmentProbe.differences(ack, async)).isEqualTo("the same with linger.ms=50, "
                + "compression.type=lz4, max.in.flight.requests.per.connection Kafka's default");
    }
}

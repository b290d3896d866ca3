package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static RequestHeaders headers(String... pairs) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return new RequestHeaders() {
            @Override
            public String get(String name) {
                return h.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                h.forEach(e -> action.accept(e.getKey(), e.getValue()));
            }
        };
    }

    private static Map<String, String> recordHeaders(String... pairs) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : TraceContext.recordHeaders(headers(pairs))) {
            out.put(e.getKey(), new String(e.getValue(), StandardCharsets.US_ASCII));
        }
        return out;
    }

    @Test
    void shouldCopyAValidTraceparentAndItsTracestate() {
        assertThat(recordHeaders("Traceparent", VALID, "tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"))
                .containsExactly(Map.entry("traceparent", VALID),
                        Map.entry("tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"));
    }

    @Test
    void shouldJoinSeveralTracestateFieldsWithCommas() {
        assertThat(recordHeaders("traceparent", VALID, "tracestate", "a=1", "tracestate", "b=2"))
                .containsEntry("tracestate", "a=1,b=2");
    }

    @Test
    void shouldAddNothingWithoutTraceparent() {
        assertThat(TraceContext.recordHeaders(headers("tracestate", "a=1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper-case hex
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace-id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent-id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version ff is invalid
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has no more fields
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",    // no flags
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // wrong delimiters
        "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version not hex
        "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", // trace-id one digit short
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // a later version needs '-' after 55 chars
        ""
    })
    void shouldDropAMalformedTraceparentAndItsTracestate(String traceparent) {
        assertThat(TraceContext.isValidTraceparent(traceparent)).isFalse();
        assertThat(recordHeaders("traceparent", traceparent, "tracestate", "a=1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        VALID,
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09",          // a later version, 55 characters
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like" // and more
    })
    void shouldAcceptVersion00AndLaterVersionsByTheirRules(String traceparent) {
        assertThat(TraceContext.isValidTraceparent(traceparent)).isTrue();
    }

    @Test
    void shouldDropATracestateLongerThan512CharactersButKeepTheTraceparent() {
        assertThat(recordHeaders("traceparent", VALID, "tracestate", "a=" + "x".repeat(600)))
                .containsOnlyKeys("traceparent");
    }
}

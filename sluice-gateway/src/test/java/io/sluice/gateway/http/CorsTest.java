package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class CorsTest {
    private static final GatewayResponse OK = GatewayResponse.json(200, new byte[0], "produce");

    private static RequestHeaders headers(String... pairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.put(pairs[i], pairs[i + 1]);
        }
        return new RequestHeaders() {
            @Override
            public String get(String name) {
                return h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                h.forEach(action);
            }
        };
    }

    private static Map<String, String> headersOf(GatewayResponse r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.headers().forEach(e -> m.merge(e.getKey(), e.getValue(), (a, b) -> a + ", " + b));
        return m;
    }

    @Test
    void shouldAddNothingWhenOff() {
        assertThat(Cors.OFF.decorate(OK, "POST", headers("Origin", "https://a.example"))).isSameAs(OK);
        assertThat(Cors.of(List.of(" ", ""))).isSameAs(Cors.OFF);
    }

    @Test
    void shouldMirrorAListedOriginWithVaryAndExposedHeaders() {
        Cors cors = Cors.of(List.of("https://a.example", "http://localhost:3000/"));

        Map<String, String> h = headersOf(cors.decorate(OK, "POST", headers("Origin", "http://LOCALHOST:3000")));

        assertThat(h).containsEntry("Access-Control-Allow-Origin", "http://LOCALHOST:3000")
                .containsEntry("Vary", "Origin")
                .containsEntry("Access-Control-Expose-Headers", Cors.EXPOSE_HEADERS)
                .doesNotContainKey("Access-Control-Allow-Credentials");
        assertThat(Cors.EXPOSE_HEADERS).contains("Retry-After");
    }

    @Test
    void shouldGiveAnUnlistedOriginOnlyVary() {
        Cors cors = Cors.of(List.of("https://a.example"));

        assertThat(headersOf(cors.decorate(OK, "POST", headers("Origin", "https://evil.example"))))
                .containsExactly(Map.entry("Vary", "Origin"));
        assertThat(headersOf(cors.decorate(OK, "POST", headers()))).containsExactly(Map.entry("Vary", "Origin"));
    }

    @Test
    void shouldAnswerAnyOriginWithAStarAndNoVary() {
        Map<String, String> h = headersOf(Cors.of(List.of("*")).decorate(OK, "POST",
                headers("Origin", "https://anyone.example")));

        assertThat(h).containsEntry("Access-Control-Allow-Origin", "*").doesNotContainKey("Vary");
    }

    @Test
    void shouldAnswerAPreflightWithMethodsOnlyTheHeadersTheGatewayReadsAndMaxAge() {
        Cors cors = Cors.of(List.of("https://a.example"));

        Map<String, String> h = headersOf(cors.decorate(OK, "OPTIONS", headers("Origin", "https://a.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,authorization,x-api-key,kafka-key,kafka-partition,"
                        + "kafka-header-source,traceparent,tracestate,content-encoding,x-evil,cookie")));

        assertThat(h).containsEntry("Access-Control-Allow-Origin", "https://a.example")
                .containsEntry("Access-Control-Allow-Methods", "POST, GET, HEAD")
                .containsEntry("Access-Control-Allow-Headers", "content-type, authorization, x-api-key, kafka-key, "
                        + "kafka-partition, kafka-header-source, traceparent, tracestate, content-encoding")
                .containsEntry("Access-Control-Max-Age", "600")
                .doesNotContainKey("Access-Control-Expose-Headers");
        assertThat(h.get("Vary")).contains("Origin").contains("Access-Control-Request-Headers");
    }

    @Test
    void shouldRefuseAConfiguredOriginThatIsNoOrigin() {
        assertThatThrownBy(() -> Cors.of(List.of("a.example"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme://host");
    }
}

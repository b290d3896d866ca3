package io.sluice.gateway;

import static io.sluice.gateway.testing.HttpConnection.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.testing.HttpConnection.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defect 10 of issue 9: {@code POST /topics/.} and {@code /topics/..} were answered 503
 * {@code kafka_unavailable} with {@code Retry-After: 1}, because Kafka's InvalidTopicException from the
 * lookup was classed as an outage, so a shipper honouring Retry-After retried them for ever. They are
 * invalid names: 400, like any other, on every runtime x HTTP-style combination, against a real broker.
 */
@ParameterizedClass(name = "{0} + {1}")
@MethodSource("io.sluice.gateway.testing.Runtimes#all")
@Timeout(60)
class InvalidTopicNameTest extends ConformanceFixture {

    @Test
    void shouldAnswer400WithoutRetryAfterForTheTopicNamesDotAndDotDot() throws Exception {
        for (String name : new String[] {".", ".."}) {
            Response r = send(post("/topics/" + name, "x".getBytes(StandardCharsets.UTF_8)));

            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(name).isEqualTo("bad_request");
            assertThat(json(r).get("message").asText()).as(name).contains("'" + name + "'");
            assertThat(r.header("Retry-After")).as(name).isNull();
        }
    }

    @Test
    void shouldStillAcceptNamesThatOnlyContainDots() throws Exception {
        Response r = send(post("/topics/...", "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(r.status()).as("'...' is a valid Kafka name; it does not exist here").isEqualTo(404);
    }
}

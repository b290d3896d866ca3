package io.sluice.gateway.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProducerHealthTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ProducerHealth health = new ProducerHealth(now::get, 5_000);

    @Test
    void shouldNotBeFailingBeforeAnyOutcome() {
        assertThat(health.isFailing()).isFalse();
    }

    @Test
    void shouldBeFailingAfterAFailureUntilASuccess() {
        health.success();
        now.addAndGet(10);
        health.failure();
        assertThat(health.isFailing()).isTrue();
        now.addAndGet(10);
        health.success();
        assertThat(health.isFailing()).isFalse();
    }

    @Test
    void shouldForgetAFailureAfterTheMemoryWindow() {
        health.failure();
        now.addAndGet(4_999);
        assertThat(health.isFailing()).isTrue();
        now.addAndGet(1);
        assertThat(health.isFailing()).isFalse();
    }
}

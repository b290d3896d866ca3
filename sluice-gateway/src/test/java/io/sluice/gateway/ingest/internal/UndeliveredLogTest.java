package io.sluice.gateway.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class UndeliveredLogTest {
    private static final long SECOND = 1_000_000_000L;

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final UndeliveredLog log = new UndeliveredLog(lines::add, now::get, 10 * SECOND);

    @Test
    void shouldLogTheFirstFailureAtOnce() {
        log.failed("events", new TimeoutException("Expiring 5 record(s)"));

        assertThat(lines).singleElement().asString().startsWith("A fire-and-forget record was not delivered")
                .contains("events", "Expiring 5 record(s)", "sluice_records_failed_total");
    }

    @Test
    void shouldSummariseAFloodInOneLinePerInterval() {
        for (int i = 0; i < 100_000; i++) {
            log.failed("events", new TimeoutException("Expiring"));
            now.addAndGet(SECOND / 10_000); // 100,000 failures over 10 s
        }
        log.failed("events", new TimeoutException("later"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("100000 fire-and-forget record(s) not delivered since the last such line")
                .contains("later");
    }

    @Test
    void shouldStayQuietWithinTheIntervalAndSpeakAgainAfterIt() {
        log.failed("a", new TimeoutException("1"));
        now.addAndGet(9 * SECOND);
        log.failed("a", new TimeoutException("2"));
        now.addAndGet(SECOND);
        log.failed("b", new TimeoutException("3"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("2 fire-and-forget record(s)").contains("topic b", "3");
    }
}

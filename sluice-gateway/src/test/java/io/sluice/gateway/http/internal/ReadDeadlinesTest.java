package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.ProtocolError;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ReadDeadlinesTest {
    private static final long HEAD = TimeUnit.SECONDS.toNanos(10);
    private static final long BODY = TimeUnit.SECONDS.toNanos(30);
    private long now = 1_000;
    private final ReadDeadlines deadlines = new ReadDeadlines(HEAD, BODY, () -> now);

    private void advance(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void shouldSetNoDeadlineWhileNothingIsBeingRead() {
        deadlines.reading(false, false);
        advance(3600);
        assertThat(deadlines.nanosLeft()).isEqualTo(ReadDeadlines.NONE);
        assertThat(deadlines.expired()).isNull();
    }

    @Test
    void shouldGiveAHeadItsTimeoutFromItsFirstReadNotFromItsLatest() {
        deadlines.reading(true, false);
        advance(6);
        deadlines.reading(true, false); // a slowloris: another byte, same head
        assertThat(deadlines.nanosLeft()).isEqualTo(TimeUnit.SECONDS.toNanos(4));
        advance(4);
        assertThat(deadlines.expired()).isEqualTo(ProtocolError.headTimeout());
    }

    @Test
    void shouldStartTheBodyClockWhenTheHeadIsComplete() {
        deadlines.reading(true, false);
        advance(9);
        deadlines.reading(false, true);
        advance(29);
        assertThat(deadlines.expired()).isNull();
        assertThat(deadlines.nanosLeft()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        advance(1);
        assertThat(deadlines.expired()).isEqualTo(ProtocolError.bodyTimeout());
    }

    @Test
    void shouldStartAFreshHeadClockForTheNextRequest() {
        deadlines.reading(true, false);
        advance(9);
        deadlines.reading(false, false); // the request completed
        advance(100);
        deadlines.reading(true, false); // the next head begins
        advance(9);
        assertThat(deadlines.expired()).isNull();
        assertThat(deadlines.nanosLeft()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }
}

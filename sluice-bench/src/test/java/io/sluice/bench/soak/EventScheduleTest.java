package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bench.soak.EventSchedule.Action;
import io.sluice.bench.soak.EventSchedule.Planned;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventScheduleTest {
    @Test
    void shouldRestartEachGatewayInTurnThenKillAndRestartABrokerFrom15To80PercentOfTheRun() {
        EventSchedule s = EventSchedule.rolling(Duration.ofSeconds(120), 3);

        assertThat(s.events()).extracting(Planned::action).containsExactly(Action.RESTART_GATEWAY,
                Action.RESTART_GATEWAY, Action.RESTART_GATEWAY, Action.KILL_BROKER, Action.RESTART_BROKER);
        assertThat(s.events()).extracting(Planned::target).startsWith(0, 1, 2);
        assertThat(s.events()).extracting(p -> p.at().toMillis())
                .containsExactly(18_000L, 37_500L, 57_000L, 76_500L, 96_000L);
        assertThat(s.events().get(0).describe()).isEqualTo("rolling restart of gw1");
    }

    @Test
    void shouldScaleWithTheRunAndTheNumberOfGateways() {
        EventSchedule s = EventSchedule.rolling(Duration.ofSeconds(60), 2);

        assertThat(s.events()).hasSize(4);
        assertThat(s.events().get(0).at()).isEqualTo(Duration.ofSeconds(9));
        assertThat(s.events().get(3).at()).isEqualTo(Duration.ofSeconds(48));
    }

    @Test
    void shouldRefuseARunTooShortForItsEvents() {
        assertThatThrownBy(() -> EventSchedule.rolling(Duration.ofSeconds(59), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 60 s");
    }
}

package io.sluice.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The open-loop schedule is arithmetic: tested with made-up times, no clock. */
class IntendedStartScheduleTest {

    @Test
    void shouldSpaceRequestsOneOverTheRateApartFromTheStart() {
        IntendedStartSchedule s = new IntendedStartSchedule(1_000, 200, 1, 0);

        assertThat(s.intendedStart(0)).isEqualTo(1_000);
        assertThat(s.intendedStart(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(s.intendedStart(200)).isEqualTo(1_000 + 1_000_000_000);
    }

    @Test
    void shouldNotDriftOverManyRequestsAtARateThatIsNotAWholeNumberOfNanos() {
        IntendedStartSchedule s = new IntendedStartSchedule(0, 3, 1, 0); // 333,333,333.3 ns apart

        assertThat(s.intendedStart(3_000_000)).isEqualTo(1_000_000L * 1_000_000_000L);
    }

    @Test
    void shouldInterleaveLanesSoTogetherTheyOfferTheWholeRate() {
        TreeSet<Long> all = new TreeSet<>();
        for (int lane = 0; lane < 3; lane++) {
            IntendedStartSchedule s = new IntendedStartSchedule(0, 1_000, 3, lane);
            for (int i = 0; i < 10; i++) {
                all.add(s.intendedStart(i));
            }
        }
        assertThat(all).hasSize(30).first().isEqualTo(0L);
        assertThat(all.last()).isEqualTo(29_000_000L);
        Long previous = null;
        for (long t : all) {
            if (previous != null) {
                assertThat(t - previous).isEqualTo(1_000_000L);
            }
            previous = t;
        }
    }

    @Test
    void shouldTakeRequestsInOrder() {
        IntendedStartSchedule s = new IntendedStartSchedule(0, 1_000, 1, 0);

        s.advance();
        s.advance();

        assertThat(s.taken()).isEqualTo(2);
        assertThat(s.next()).isEqualTo(2_000_000);
    }

    @Test
    void shouldCountTheRequestsDueByAGivenTime() {
        IntendedStartSchedule s = new IntendedStartSchedule(0, 1_000, 1, 0); // due at 0, 1 ms, 2 ms, ...

        assertThat(s.dueBy(-1)).isZero();
        assertThat(s.dueBy(0)).isEqualTo(1);
        assertThat(s.dueBy(999_999)).isEqualTo(1);
        assertThat(s.dueBy(10_000_000)).isEqualTo(11);
        s.advance();
        s.advance();
        assertThat(s.dueBy(10_000_000)).isEqualTo(9);
        assertThat(s.dueBy(1_500_000)).isZero();
    }

    @Test
    void shouldCountDueRequestsOfOneLane() {
        IntendedStartSchedule s = new IntendedStartSchedule(0, 1_000, 4, 1); // 1 ms, 5 ms, 9 ms, ...

        assertThat(s.dueBy(900_000)).isZero();
        assertThat(s.dueBy(1_000_000)).isEqualTo(1);
        assertThat(s.dueBy(9_000_000)).isEqualTo(3);
    }

    @Test
    void shouldRejectARateThatIsNotPositive() {
        assertThatThrownBy(() -> new IntendedStartSchedule(0, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

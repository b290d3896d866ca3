package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.model.TopologyEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryJudgeTest {
    /** 200 req/s offered, 80%: at a level of 200, a second under 160 2xx is low; recovery within 5 s passes. */
    private final RecoveryJudge judge = new RecoveryJudge(200, 0.8, 5);

    private static long[] steady(int seconds, long perSecond) {
        long[] t = new long[seconds];
        Arrays.fill(t, perSecond);
        return t;
    }

    private TopologyEvent judgeOne(String label, double at, long[] timeline) {
        return judge.judge(List.of(new RecoveryJudge.Mark(label, at, true)), timeline).get(0);
    }

    @Test
    void shouldCountNoRecoveryTimeWhenThroughputNeverDipped() {
        TopologyEvent e = judgeOne("gw1 SIGTERM", 18.3, steady(40, 200));

        assertThat(e.recoverySeconds()).isZero();
        assertThat(e.level()).isEqualTo(200);
        assertThat(e.windowSeconds()).isEqualTo(RecoveryJudge.MAX_WINDOW);
        assertThat(e.passed()).isTrue();
    }

    @Test
    void shouldMeasureToTheFirstOfThreeGoodSecondsAndCountTheBacklogAsRecovered() {
        long[] run = steady(100, 200);
        run[76] = 198;
        run[77] = 40; // the dip starts a second after the kill: clients time out on the dead leader first
        run[78] = 0;
        run[79] = 310; // the backlog answered

        TopologyEvent e = judgeOne("kafka 2 SIGKILL", 76.9, run);

        assertThat(e.recoverySeconds()).isEqualTo(3);
        assertThat(e.passed()).isTrue();
    }

    @Test
    void shouldFailARecoveryLongerThanTheBound() {
        long[] run = steady(100, 200);
        for (int s = 50; s < 56; s++) {
            run[s] = 100;
        }

        TopologyEvent e = judgeOne("kafka 1 SIGKILL", 50.2, run);

        assertThat(e.recoverySeconds()).isEqualTo(6);
        assertThat(e.passed()).isFalse();
    }

    @Test
    void shouldFailWhenNoThreeGoodSecondsFollowWithinTheWindow() {
        long[] run = steady(100, 200);
        for (int s = 20; s < 30; s += 2) {
            run[s] = 0; // every other second empty: never three good ones in a row
        }

        TopologyEvent e = judgeOne("gw1 ready", 20.0, run);

        assertThat(e.recoverySeconds()).isEqualTo(-1);
        assertThat(e.passed()).isFalse();
    }

    @Test
    void shouldNotBlameAnEventForADipThatStartsAfterItsOnset() {
        long[] run = steady(100, 200);
        run[33] = 0; // 4 s after the event: a lone slow second of a busy machine, not the event's

        assertThat(judgeOne("gw2 ready", 29.7, run).recoverySeconds()).isZero();
    }

    @Test
    void shouldJudgeAgainstWhatTheRunAnsweredBeforeWhenItCarriedLessThanTheOfferedRate() {
        long[] run = steady(100, 120); // the machine carries 120 of the 200 offered: low is under 96
        run[41] = 100;

        TopologyEvent e = judgeOne("gw3 SIGTERM", 40.5, run);

        assertThat(e.level()).isEqualTo(120);
        assertThat(e.recoverySeconds()).as("100 is not low against 120").isZero();
        run[41] = 90;
        assertThat(judgeOne("gw3 SIGTERM", 40.5, run).recoverySeconds()).isEqualTo(2);
    }

    @Test
    void shouldShowUnjudgedMarksAndFailJudgedOnesThatCameAfterTheLoad() {
        List<TopologyEvent> events = judge.judge(List.of(new RecoveryJudge.Mark("gw1 exited 0", 21.5, false),
                new RecoveryJudge.Mark("kafka 1 back", 61.0, true)), steady(60, 200));

        assertThat(events.get(0).judged()).isFalse();
        assertThat(events.get(0).recoverySeconds()).isNull();
        assertThat(events.get(0).passed()).isTrue();
        assertThat(events.get(1).windowSeconds()).isZero();
        assertThat(events.get(1).recoverySeconds()).isEqualTo(-1);
        assertThat(events.get(1).passed()).isFalse();
    }
}

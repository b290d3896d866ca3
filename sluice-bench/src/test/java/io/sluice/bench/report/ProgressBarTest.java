package io.sluice.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void shouldFillTheBarInProportionAndOverwriteTheLine() {
        assertThat(ProgressBar.render("cell 3/12", 0.5, 10)).isEqualTo("\rcell 3/12 [#####.....]  50%");
    }

    @Test
    void shouldClampFractionsOutsideZeroToOne() {
        assertThat(ProgressBar.render("x", 1.7, 4)).isEqualTo("\rx [####] 100%");
        assertThat(ProgressBar.render("x", -0.2, 4)).isEqualTo("\rx [....]   0%");
        assertThat(ProgressBar.render("x", Double.NaN, 4)).isEqualTo("\rx [....]   0%");
    }

    @Test
    void shouldNotShowDoneBeforeItIsDone() {
        assertThat(ProgressBar.render("x", 0.999, 10)).isEqualTo("\rx [#########.]  99%");
    }

    @Test
    void shouldRejectAWidthWithoutRoomForABar() {
        assertThatThrownBy(() -> ProgressBar.render("x", 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "10s,10000", "2m,120000", "1h,3600000", "PT30S,30000", "pt1m30s,90000", "0s,0",
        "' 5 s ',5000"})
    void shouldParseShortFormsAndIso8601(String text, long millis) {
        assertThat(HumanDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0"})
    void shouldRejectBareNumbersBecauseTheUnitIsAmbiguous(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no unit")
                .hasMessageContaining("500ms, 10s, 2m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "", "fast", "1.5s", "10 seconds"})
    void shouldRejectTextThatIsNotADurationSayingWhatToWrite(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text))
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("ISO-8601");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5S", "-PT1S"})
    void shouldRejectNegativeDurations(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text)).hasMessageContaining("negative");
    }
}

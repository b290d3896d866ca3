package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"1048576,1048576", "512KiB,524288", "1MiB,1048576", "10MB,10000000", "16kib,16384",
        "2KB,2000", "7B,7", "1GiB,1073741824", "' 3 MiB ',3145728"})
    void shouldParseBytesAndBinaryAndDecimalUnits(String text, int bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "1.5MiB", "-1", "ten"})
    void shouldRejectTextThatIsNotASizeSayingWhatToWrite(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a size")
                .hasMessageContaining("512KiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3XB", "1TB"})
    void shouldNameAnUnknownUnit(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("unknown unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2GiB", "3GB", "99999999999999999999"})
    void shouldRejectSizesAboveIntRangeWithTheMaximum(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("too large").hasMessageContaining("2147483647");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0KiB"})
    void shouldRejectZero(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("at least 1 byte");
    }
}

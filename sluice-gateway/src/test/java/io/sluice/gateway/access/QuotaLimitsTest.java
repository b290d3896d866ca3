package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The --quota option's syntax: what it accepts and what it says about what it does not. */
class QuotaLimitsTest {
    private static final double NONE = Double.POSITIVE_INFINITY;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "requests=100/s,bytes=1MiB/s   | 100      | 1048576",
        "requests=100                  | 100      | Infinity",
        "bytes=10MB/s                  | Infinity | 10000000",
        "' bytes = 512kib , requests = 0.5/s ' | 0.5 | 524288",
        "requests=unlimited,bytes=2KB  | Infinity | 2000",
        "unlimited                     | Infinity | Infinity",
        "bytes=1.5KiB/s                | Infinity | 1536"})
    void shouldReadRequestAndByteRates(String spec, double requests, double bytes) {
        assertThat(QuotaLimits.parse(spec)).isEqualTo(new QuotaLimits(requests, bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                        | an empty quota",
        "requests                  | has 'requests' without '='",
        "reqs=100/s                | has an unknown part 'reqs'",
        "requests=100/m            | has a rate per 'm'; rates are per second",
        "requests=1,requests=2     | names requests twice",
        "requests=lots             | 'lots' is not a request rate",
        "requests=10KiB            | '10KiB' is not a request rate",
        "bytes=10XB                | has an unknown unit 'xb'",
        "bytes=0                   | '0' must be a positive rate; to lift the limit write 'unlimited'",
        "requests=100/s;bytes=1MiB | separate the parts with ','"})
    void shouldSayWhatIsWrongWithABadQuota(String spec, String reason) {
        assertThatThrownBy(() -> QuotaLimits.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void shouldKnowWhenNothingIsLimited() {
        assertThat(QuotaLimits.UNLIMITED.isUnlimited()).isTrue();
        assertThat(new QuotaLimits(NONE, 1).isUnlimited()).isFalse();
    }
}

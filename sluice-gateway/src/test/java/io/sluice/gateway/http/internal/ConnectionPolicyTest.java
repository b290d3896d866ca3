package io.sluice.gateway.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "Keep-Alive", " keep-alive ", "close, keep-alive", "x,\tKEEP-ALIVE\t,y",
            "Upgrade,keep-alive"})
    void shouldFindTheKeepAliveTokenInAConnectionList(String value) {
        assertThat(ConnectionPolicy.asksForKeepAlive(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "close", "keep-alive2", "keep alive", "x-keep-alive", ",", "keep-aliv"})
    void shouldNotFindKeepAliveWhereTheTokenIsNotListed(String value) {
        assertThat(ConnectionPolicy.asksForKeepAlive(value)).isFalse();
    }
}

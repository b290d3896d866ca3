package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.ProtocolError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class HostRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:8080", "127.0.0.1", "[::1]", "[::ffff:10.0.0.1]:443",
            "a-b_c.~d%41", "host:", "sub!$&'()*+,;=delims"})
    void shouldAcceptValidAuthorities(String host) {
        assertThat(HostRule.check(true, 1, host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "user@host", "[::1", "[]", "[v1.x]", "host:80a", "host:80:90", "exa\u00e9mple",
            "a/b", "a?b", "a#b", "%zz", "%4", "[::1]x"})
    void shouldRefuseValuesThatAreNotAnAuthority(String host) {
        assertThat(HostRule.check(true, 1, host)).extracting(ProtocolError::status).isEqualTo(400);
    }

    @Test
    void shouldRequireHostOnlyFromHttp11() {
        assertThat(HostRule.check(true, 0, null)).extracting(ProtocolError::status).isEqualTo(400);
        assertThat(HostRule.check(false, 0, null)).isNull();
    }

    @Test
    void shouldRefuseTwoHostsWhateverTheVersion() {
        assertThat(HostRule.check(true, 2, "a")).extracting(ProtocolError::message).asString().contains("more than one");
        assertThat(HostRule.check(false, 2, "a")).isNotNull();
    }
}

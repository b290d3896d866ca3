package io.sluice.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServeArgsTextTest {

    @Test
    void shouldMaskSecretProducerPropertiesInEitherFormAndKeepTheRest() {
        String shown = ServeArgsText.shown(List.of("--producer-property=ssl.key.password=hunter2",
                "--producer-property", "sasl.jaas.config=x password=\"hunter2\";", "--producer-property=linger.ms=5",
                "--producer-config", "/etc/p.properties"));

        assertThat(shown).doesNotContain("hunter2")
                .isEqualTo("--producer-property=ssl.key.password=**** --producer-property sasl.jaas.config=**** "
                        + "--producer-property=linger.ms=5 --producer-config /etc/p.properties");
    }
}

package io.sluice.gateway.http.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting REST Proxy v3's concatenated records, however the bytes arrive. */
class ConcatenatedJsonTest {

    private static List<String> split(int maxSegment, String... pieces) {
        List<String> out = new ArrayList<>();
        ConcatenatedJson s = new ConcatenatedJson(b -> out.add(new String(b, StandardCharsets.UTF_8)), maxSegment);
        for (String p : pieces) {
            s.feed(Unpooled.copiedBuffer(p, StandardCharsets.UTF_8));
        }
        s.finish();
        return out;
    }

    @Test
    void shouldHandOnEachTopLevelObjectWhateverTheSplit() {
        String body = "{\"a\":{\"b\":[1,{}]}} \n{\"s\":\"}{\\\"\"}{}";
        List<String> whole = split(1024, body);
        assertThat(whole).containsExactly("{\"a\":{\"b\":[1,{}]}}", "{\"s\":\"}{\\\"\"}", "{}");
        for (int cut = 1; cut < body.length(); cut++) {
            assertThat(split(1024, body.substring(0, cut), body.substring(cut))).as("cut at " + cut)
                    .isEqualTo(whole);
        }
    }

    @Test
    void shouldHandOnStrayTextAndAnUnfinishedObjectAsTheirOwnSegments() {
        assertThat(split(1024, "oops {\"a\":1} {\"b\":")).containsExactly("oops", "{\"a\":1}", "{\"b\":");
    }

    @Test
    void shouldCutAnObjectLongerThanTheLimitAndResynchronise() {
        assertThat(split(8, "{\"aaaaaaaaaaaa\":1}{\"b\":2}")).hasSize(3).endsWith("{\"b\":2}");
    }
}

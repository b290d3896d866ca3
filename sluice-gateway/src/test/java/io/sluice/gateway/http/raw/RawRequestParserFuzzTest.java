package io.sluice.gateway.http.raw;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.gateway.http.raw.ParserHarness.Continue;
import io.sluice.gateway.http.raw.ParserHarness.Error;
import io.sluice.gateway.http.raw.ParserHarness.Event;
import io.sluice.gateway.http.raw.ParserHarness.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the raw parser with Jazzer: arbitrary bytes, split into reads at points the
 * fuzzer chooses. For every input: no exception escapes, every parse call makes progress (no hang), no
 * request body exceeds the limit, nothing the parser allocated or sliced outlives {@code release()}, and
 * the split input yields exactly the requests and error of the unsplit input ({@code 100 Continue} aside,
 * which legitimately depends on whether the body arrived with the head).
 *
 * <p>A normal test run replays only the seeds and earlier findings in
 * {@code src/test/resources/io/sluice/gateway/http/raw/RawRequestParserFuzzTestInputs} (well under a
 * second). To fuzz for the {@code maxDuration}, on demand:
 * <pre>
 * JAZZER_FUZZ=1 ./run-tests -pl sluice-gateway -am -Dtest=RawRequestParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * A finding is written next to the seeds as a {@code crash-*} file, so it becomes a regression input.
 */
class RawRequestParserFuzzTest {
    private static final int MAX_HEADER = 256;
    private static final int MAX_BODY = 128;
    private static final Set<Integer> STATUSES = Set.of(400, 413, 414, 417, 431, 501, 505);

    @FuzzTest(maxDuration = "20s")
    void parsesAnySplitOfAnyInputConsistentlyWithoutLeaking(FuzzedDataProvider data) {
        int[] cuts = new int[data.consumeInt(0, 8)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(1, 64);
        }
        byte[] stream = data.consumeRemainingAsBytes();

        List<Event> whole = parse(List.of(stream));
        List<Event> split = parse(split(stream, cuts));

        assertThat(withoutContinue(split)).isEqualTo(withoutContinue(whole));
    }

    private static List<Event> parse(List<byte[]> reads) {
        ParserHarness h = new ParserHarness(MAX_HEADER, MAX_BODY);
        List<Event> events = h.feed(reads.toArray(byte[][]::new)); // checks progress and input references
        h.releaseAndCheck();
        for (Event e : events) {
            if (e instanceof Request r) {
                assertThat(r.body().length()).isLessThanOrEqualTo(MAX_BODY);
                assertThat(r.method()).isNotEmpty();
                assertThat(r.path()).isNotEmpty();
            } else if (e instanceof Error err) {
                assertThat(STATUSES).contains(err.status());
                assertThat(h.parser.error()).isNotNull();
            }
        }
        return events;
    }

    /** Cuts the stream into reads of the given sizes, cycling through them (one read when none). */
    private static List<byte[]> split(byte[] stream, int[] cuts) {
        if (cuts.length == 0) {
            return List.of(stream);
        }
        List<byte[]> reads = new ArrayList<>();
        for (int from = 0, i = 0; from < stream.length; i++) {
            int to = Math.min(stream.length, from + cuts[i % cuts.length]);
            reads.add(Arrays.copyOfRange(stream, from, to));
            from = to;
        }
        return reads;
    }

    private static List<Event> withoutContinue(List<Event> events) {
        return events.stream().filter(e -> !(e instanceof Continue)).toList();
    }
}

package io.sluice.loadgen;

import io.sluice.loadgen.internal.LoopRecording.RunTotals;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the merged recordings of a run into a {@link LoadResult}. */
final class Results {
    private Results() {
    }

    static LoadResult of(LoadSpec spec, RunTotals totals, List<Sample> samples, double cpuSeconds, long measuredNanos) {
        Map<Integer, Long> statuses = new TreeMap<>();
        for (int s = 0; s < totals.statuses.length; s++) {
            if (totals.statuses[s] > 0) {
                statuses.put(s, totals.statuses[s]);
            }
        }
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            if (totals.errors[k.ordinal()] > 0) {
                errors.put(k, totals.errors[k.ordinal()]);
            }
        }
        return new LoadResult(spec, totals.sent, Collections.unmodifiableMap(statuses),
                Collections.unmodifiableMap(errors), totals.latencyMicros, List.copyOf(samples),
                totals.seconds.clone(), cpuSeconds, measuredNanos, totals.uncountedSuccesses,
                new LoadResult.Activity(totals.startedSeconds.clone(), totals.answeredSeconds.clone(),
                        totals.failedSeconds.clone()),
                new LoadResult.Handshakes(totals.fullHandshakes, totals.resumedHandshakes));
    }
}

package io.sluice.bench.model;

import java.util.List;
import java.util.Map;

/** A whole {@code sluice soak}: where it ran, how, and each phase. */
public record SoakRun(String startedAt, Map<String, String> environment, Map<String, String> settings,
                      List<SoakPhase> phases) {

    public boolean passed() {
        return !phases.isEmpty() && phases.stream().allMatch(SoakPhase::passed);
    }
}

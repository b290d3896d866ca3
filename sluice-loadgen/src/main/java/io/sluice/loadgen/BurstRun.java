package io.sluice.loadgen;

import io.sluice.loadgen.LoadGenerator.RunPlan;

/** One BURST run. */
final class BurstRun {
    private final RunPlan plan;
    private final ProgressListener progress;

    BurstRun(RunPlan plan, ProgressListener progress) {
        this.plan = plan;
        this.progress = progress;
    }

    LoadResult run() {
        throw new UnsupportedOperationException("BURST is being written");
    }
}

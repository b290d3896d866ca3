package io.sluice.loadgen;

/** Runs a {@link LoadSpec} against an HTTP server. Placeholder until the generator lands. */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    /** Runs the load to completion (warm-up, then measurement) and returns what was measured. */
    public static LoadResult run(LoadSpec spec, ProgressListener progress) {
        throw new UnsupportedOperationException("the load generator is being written");
    }
}

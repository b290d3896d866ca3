package io.sluice.loadgen;

/** Told how far a run is; called from the load generator's own thread at most a few times a second. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, fraction) -> { };

    /** @param phase "warm-up" or "measure"; @param fraction 0..1 of that phase */
    void onProgress(String phase, double fraction);
}

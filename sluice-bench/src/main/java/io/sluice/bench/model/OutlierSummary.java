package io.sluice.bench.model;

/** Tukey-fence classification of the samples (as Criterion reports it). */
public record OutlierSummary(int lowSevere, int lowMild, int highMild, int highSevere, int samples) {
    public int total() {
        return lowSevere + lowMild + highMild + highSevere;
    }
}

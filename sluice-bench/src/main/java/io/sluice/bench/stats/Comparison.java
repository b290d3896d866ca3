package io.sluice.bench.stats;

import io.sluice.bench.model.Estimate;
import java.util.Locale;

/**
 * The relative change of a higher-is-better estimate (throughput) between an earlier and a current run,
 * with an interval and a verdict, printed the way Criterion prints it: {@code change: [-2.1% +0.4% +2.9%]}.
 *
 * <p>Criterion bootstraps the change from both runs' samples. {@code results.json} keeps only each run's
 * interval, so the change interval here is the range of ratios the two intervals allow:
 * {@code [new.lower / old.upper - 1, new.estimate / old.estimate - 1, new.upper / old.lower - 1]}. That is
 * wider than a bootstrap of the change would be (it assumes the worst pairing of both ends), so a verdict
 * errs towards "no change". The change counts as real only when the two intervals do not overlap (the
 * change interval excludes 0) and the point change is at least the noise threshold (1% by default, as in
 * Criterion).
 *
 * @param change relative change as fractions (0.05 = +5%): lower, estimate, upper
 * @param verdict what to conclude
 */
public record Comparison(Estimate change, Verdict verdict) {
    public static final double DEFAULT_NOISE_THRESHOLD = 0.01;

    public enum Verdict {
        IMPROVED("improved"), REGRESSED("regressed"), NO_CHANGE("no change");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Compares with the default 1% noise threshold. */
    public static Comparison of(Estimate previous, Estimate current) {
        return of(previous, current, DEFAULT_NOISE_THRESHOLD);
    }

    /**
     * Compares two estimates of a higher-is-better quantity. Unknown (NaN) or non-positive earlier bounds
     * make the affected end of the interval NaN or infinite, and the verdict "no change".
     */
    public static Comparison of(Estimate previous, Estimate current, double noiseThreshold) {
        Estimate change = new Estimate(
                current.lower() / previous.upper() - 1,
                current.estimate() / previous.estimate() - 1,
                current.upper() / previous.lower() - 1);
        Verdict verdict = Verdict.NO_CHANGE;
        if (Math.abs(change.estimate()) >= noiseThreshold) {
            if (change.lower() > 0) {
                verdict = Verdict.IMPROVED;
            } else if (change.upper() < 0) {
                verdict = Verdict.REGRESSED;
            }
        }
        return new Comparison(change, verdict);
    }

    /** {@code change: [-2.1% +0.4% +2.9%] no change}. */
    public String format() {
        return "change: [" + percent(change.lower()) + " " + percent(change.estimate()) + " "
                + percent(change.upper()) + "] " + verdict.label();
    }

    /** A signed percentage with one decimal ({@code +0.4%}, {@code -2.1%}); "?" when unknown. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "?";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }
}

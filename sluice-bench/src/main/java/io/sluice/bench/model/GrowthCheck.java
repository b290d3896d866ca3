package io.sluice.bench.model;

/**
 * A resource of the gateway compared between the start of a soak (after warm-up) and its end.
 *
 * @param resource what was measured, e.g. "rss bytes"
 * @param baseline its level early in the run (the window from 10% to 20% of the duration)
 * @param end      its level in the last 10% of the run
 * @param allowed  the bound the end may not exceed
 * @param rule     the bound in words, e.g. "baseline + 10% + 32 MiB"
 * @param passed   end &lt;= allowed (true, too, when there were no samples to judge)
 */
public record GrowthCheck(String resource, double baseline, double end, double allowed, String rule,
                          boolean passed) {
}

package io.sluice.bench.soak;

import io.sluice.bench.model.TopologyEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges how fast throughput recovered after each event of a topology run, from the 2xx answers per second:
 * pure functions of their inputs; thread-safe.
 *
 * <p>An event's <em>level</em> is what the run answered before it: the median 2xx/s of the {@value #BEFORE}
 * seconds before the event's second, or the offered rate if that is lower (an open loop answers its backlog
 * above the offered rate after a stall). A second is <em>low</em> below {@code fraction} of the level. The
 * event caused a dip if one of the {@value #DIP_ONSET} seconds from its own is low (a broker's death shows
 * only once clients time out on it). Its recovery time is 0 without a dip; otherwise the time from the event's
 * second to the first second, after the dip's first low one, that starts {@value #STABLE} good seconds in a
 * row, looked for up to {@value #MAX_WINDOW} s after the event: -1 if there is none. A dip that starts later is
 * not the event's: on a busy machine, a lone slow second comes now and then with no event at all.
 *
 * <p>Example at 200 req/s, fraction 0.8 (low: under 160), a broker killed in second 76: seconds 76..82 answer
 * 198, 40, 0, 310, 205, 201, 199; the dip starts at 77, and 79 starts three good seconds: recovery 3 s (the
 * backlog answered in 79 counts as recovered).
 */
public final class RecoveryJudge {
    /** How far after an event its recovery is looked for, in seconds. */
    public static final int MAX_WINDOW = 10;
    /** Seconds before an event whose median is its level. */
    public static final int BEFORE = 10;
    /** Seconds from an event's own in which a low one is the event's dip. */
    public static final int DIP_ONSET = 3;
    /** Good seconds in a row that make a recovery. */
    public static final int STABLE = 3;

    private final double offeredRate;
    private final double fraction;
    private final int boundSeconds;

    /**
     * @param offeredRate  requests offered per second
     * @param fraction     share of the level that counts as recovered, e.g. 0.8
     * @param boundSeconds the most seconds a recovery may take and pass
     */
    public RecoveryJudge(double offeredRate, double fraction, int boundSeconds) {
        this.offeredRate = offeredRate;
        this.fraction = fraction;
        this.boundSeconds = boundSeconds;
    }

    /** The lowest 2xx/s that is never low: {@code fraction} of the offered rate. */
    public double threshold() {
        return offeredRate * fraction;
    }

    /** A moment to mark: what, when (seconds since the load started), and whether recovery is judged. */
    public record Mark(String label, double atSecond, boolean judged) {
    }

    /** Every mark, judged ones with their recovery time against {@code succeeded} (2xx per second). */
    public List<TopologyEvent> judge(List<Mark> marks, long[] succeeded) {
        List<TopologyEvent> out = new ArrayList<>();
        for (Mark m : marks) {
            int start = (int) Math.floor(m.atSecond());
            if (!m.judged()) {
                out.add(new TopologyEvent(m.label(), m.atSecond(), false, Double.NaN, null, 0, true));
            } else if (start >= succeeded.length) {
                out.add(new TopologyEvent(m.label(), m.atSecond(), true, Double.NaN, -1, 0, false));
            } else {
                double level = level(succeeded, start);
                int end = Math.min(succeeded.length, start + MAX_WINDOW);
                int recovery = recoverySeconds(succeeded, start, end, level * fraction);
                out.add(new TopologyEvent(m.label(), m.atSecond(), true, level, recovery, end - start,
                        recovery >= 0 && recovery <= boundSeconds));
            }
        }
        return out;
    }

    /** The median 2xx/s of the seconds before {@code start}, capped at the offered rate. */
    double level(long[] succeeded, int start) {
        long[] before = Arrays.copyOfRange(succeeded, Math.max(0, start - BEFORE), start);
        if (before.length == 0) {
            return offeredRate;
        }
        Arrays.sort(before);
        return Math.min(offeredRate, before[before.length / 2]);
    }

    /** Recovery time of an event in second {@code start}, within seconds [start, end); see the class. */
    static int recoverySeconds(long[] succeeded, int start, int end, double threshold) {
        int dip = -1;
        for (int s = start; s < Math.min(end, start + DIP_ONSET); s++) {
            if (succeeded[s] < threshold) {
                dip = s;
                break;
            }
        }
        if (dip < 0) {
            return 0;
        }
        for (int s = dip + 1; s + STABLE <= end; s++) {
            boolean stable = true;
            for (int k = s; k < s + STABLE; k++) {
                stable &= succeeded[k] >= threshold;
            }
            if (stable) {
                return s - start;
            }
        }
        return -1;
    }
}

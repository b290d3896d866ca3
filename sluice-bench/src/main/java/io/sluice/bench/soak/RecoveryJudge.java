package io.sluice.bench.soak;

import io.sluice.bench.model.TopologyEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges how fast throughput recovered after each event of a topology run, from the 2xx answers per second:
 * pure functions of their inputs; thread-safe.
 *
 * <p>The load is an open loop at a fixed offered rate, so a healthy second answers about that many requests.
 * A second is <em>low</em> when it answered fewer than {@code fraction} of the offered rate. An event's window
 * runs from its second to the next judged event's second, at most {@value #MAX_WINDOW} s. Its recovery time is
 * from the event's second to the end of the last low second in the window: 0 when there was no dip, -1 when
 * the window ends low (not recovered). Example at 200 req/s, fraction 0.8 (threshold 160), a broker killed in
 * second 76: seconds 76..80 answer 198, 40, 0, 310, 205; the last low second is 78, so recovery is 3 s (the
 * backlog answered in second 79 counts as recovered).
 */
public final class RecoveryJudge {
    /** The longest window after an event, in seconds. */
    public static final int MAX_WINDOW = 10;

    private final double threshold;
    private final int boundSeconds;

    /**
     * @param offeredRate  requests offered per second
     * @param fraction     share of the offered rate that counts as recovered, e.g. 0.8
     * @param boundSeconds the most seconds a recovery may take and pass
     */
    public RecoveryJudge(double offeredRate, double fraction, int boundSeconds) {
        this.threshold = offeredRate * fraction;
        this.boundSeconds = boundSeconds;
    }

    /** Seconds needed below which a second counts as low. */
    public double threshold() {
        return threshold;
    }

    /** A moment to mark: what, when (seconds since the load started), and whether recovery is judged. */
    public record Mark(String label, double atSecond, boolean judged) {
    }

    /** Every mark, judged ones with their recovery time against {@code succeeded} (2xx per second). */
    public List<TopologyEvent> judge(List<Mark> marks, long[] succeeded) {
        List<TopologyEvent> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (!m.judged()) {
                out.add(new TopologyEvent(m.label(), m.atSecond(), false, null, 0, true));
                continue;
            }
            int start = (int) Math.floor(m.atSecond());
            int end = Math.min(succeeded.length, start + MAX_WINDOW);
            for (int j = i + 1; j < marks.size(); j++) {
                if (marks.get(j).judged() && Math.floor(marks.get(j).atSecond()) > start) {
                    end = Math.min(end, (int) Math.floor(marks.get(j).atSecond()));
                    break;
                }
            }
            int recovery = recoverySeconds(succeeded, start, end);
            out.add(new TopologyEvent(m.label(), m.atSecond(), true, recovery, Math.max(0, end - start),
                    recovery >= 0 && recovery <= boundSeconds));
        }
        return out;
    }

    /** Recovery time of an event in second {@code start}, looking at seconds [start, end); see the class. */
    int recoverySeconds(long[] succeeded, int start, int end) {
        int lastLow = -1;
        for (int s = start; s < end; s++) {
            if (succeeded[s] < threshold) {
                lastLow = s;
            }
        }
        if (lastLow < 0) {
            return 0;
        }
        return lastLow == end - 1 && end < succeeded.length ? -1 : lastLow + 1 - start;
    }
}

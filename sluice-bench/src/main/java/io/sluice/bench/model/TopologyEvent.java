package io.sluice.bench.model;

/**
 * One moment of a {@code sluice soak --topology} run worth marking on its timeline (a gateway sent SIGTERM, a
 * gateway ready again, a broker killed, a broker back), and how long throughput took to recover from it.
 *
 * @param label           what happened, e.g. "gw2 SIGTERM"
 * @param atSecond        seconds since the load started
 * @param judged          whether throughput must recover after it (an exit marker is shown, not judged)
 * @param level           2xx/s before it (median of the 10 s before, at most the offered rate); NaN when not
 *                        judged
 * @param recoverySeconds seconds from the event's second to the first of 3 good seconds after its dip (0: no
 *                        dip); -1 when it had not recovered within its window, or came after the load ended; null
 *                        when not judged
 * @param windowSeconds   how many seconds after the event were looked at (at most 10; 0: after the load)
 * @param passed          recovered within the bound (always true when not judged)
 */
public record TopologyEvent(String label, double atSecond, boolean judged, double level,
                            Integer recoverySeconds, int windowSeconds, boolean passed) {
}

package io.sluice.bench.model;

/**
 * One moment of a {@code sluice soak --topology} run worth marking on its timeline (a gateway sent SIGTERM, a
 * gateway ready again, a broker killed, a broker back), and how long throughput took to recover from it.
 *
 * @param label           what happened, e.g. "gw2 SIGTERM"
 * @param atSecond        seconds since the load started
 * @param judged          whether throughput must recover after it (an exit marker is shown, not judged)
 * @param recoverySeconds seconds from the event's second to the end of the last second below the recovery
 *                        threshold in its window (0: no dip); -1 when it had not recovered by the window's end;
 *                        null when not judged
 * @param windowSeconds   how many seconds after the event were looked at (to the next event, at most 10)
 * @param passed          recovered within the bound (always true when not judged)
 */
public record TopologyEvent(String label, double atSecond, boolean judged, Integer recoverySeconds,
                            int windowSeconds, boolean passed) {
}

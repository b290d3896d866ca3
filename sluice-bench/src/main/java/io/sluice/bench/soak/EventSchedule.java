package io.sluice.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When, during a {@code sluice soak --topology} run, each fault happens: each gateway in turn restarted with
 * SIGTERM (a rolling restart), then one broker SIGKILLed, then that broker brought back. An immutable value,
 * safe from any thread.
 *
 * <p>The events are spread evenly from 15% to 80% of the run, so the load is steady before the first one and
 * the last one has a fifth of the run to show its recovery. For 120 s, 3 gateways: restarts at 18, 37.5 and
 * 57 s, the broker killed at 76.5 s and restarted at 96 s. An event may start later than planned (a gateway
 * that takes long to drain and start again delays the next one); the run records when each really happened.
 *
 * @param events in time order
 */
public record EventSchedule(List<Planned> events) {

    /** The shortest run that leaves each event about 10 s to itself. */
    public static final Duration MIN_DURATION = Duration.ofSeconds(60);

    /** What an event does. */
    public enum Action {
        /** SIGTERM a gateway, wait for it to drain and exit, start it again, wait for /readyz 200. */
        RESTART_GATEWAY,
        /** SIGKILL a Kafka node (no controlled shutdown). */
        KILL_BROKER,
        /** Start the killed Kafka node again, same ports and storage. */
        RESTART_BROKER
    }

    /**
     * @param at     since the load started
     * @param action what to do
     * @param target the gateway's index (0-based) for a restart; unused for the broker events, whose node is
     *               chosen when the kill comes (the active controller then) and restarted after
     */
    public record Planned(Duration at, Action action, int target) {
        public String describe() {
            return switch (action) {
                case RESTART_GATEWAY -> "rolling restart of " + HaproxyConfig.serverName(target);
                case KILL_BROKER -> "SIGKILL the Kafka node that is the active controller";
                case RESTART_BROKER -> "restart the killed Kafka node";
            };
        }
    }

    public EventSchedule {
        events = List.copyOf(events);
    }

    /** Each of {@code gateways} restarted in turn, then a Kafka node killed and restarted. */
    public static EventSchedule rolling(Duration duration, int gateways) {
        if (duration.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException("a topology run needs at least " + MIN_DURATION.toSeconds()
                    + " s of load for its events, was " + duration.toSeconds() + " s");
        }
        if (gateways < 1) {
            throw new IllegalArgumentException("need at least one gateway, was " + gateways);
        }
        int count = gateways + 2;
        long first = duration.toMillis() * 15 / 100;
        long last = duration.toMillis() * 80 / 100;
        double step = (last - first) / (double) (count - 1);
        List<Planned> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Duration at = Duration.ofMillis(Math.round(first + i * step));
            if (i < gateways) {
                events.add(new Planned(at, Action.RESTART_GATEWAY, i));
            } else {
                events.add(new Planned(at, i == gateways ? Action.KILL_BROKER : Action.RESTART_BROKER, -1));
            }
        }
        return new EventSchedule(events);
    }
}

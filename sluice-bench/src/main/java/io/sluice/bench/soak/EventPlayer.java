package io.sluice.bench.soak;

import io.sluice.kafka.embedded.KafkaCluster;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plays an {@link EventSchedule} against a running topology on a thread of its own, while the load runs, and
 * records each moment to mark on the timeline; {@link #marks()} and {@link #problems()} may be read from any
 * thread (they are synchronized), and are complete once {@link #join} returned.
 *
 * <p>Each event starts at its planned time, or {@link #MIN_GAP} after the one before it was done if that is
 * later. A rolling
 * restart marks the SIGTERM and the gateway's return (/readyz 200, primed), both judged for recovery, and its
 * exit in between (shown only). A broker kill marks the SIGKILL of the node that is the active controller then
 * (the worst node to lose: the quorum must elect another controller before the dead node is fenced and leaves
 * the in-sync replicas that acks=all waits for); its restart marks the launch (shown only) and the node's
 * return (ready), judged.
 */
final class EventPlayer {
    /** The least time between one event's end and the next one's start, so each recovery shows on its own. */
    static final Duration MIN_GAP = Duration.ofSeconds(8);

    private final EventSchedule schedule;
    private final GatewayFleet gateways;
    private final KafkaCluster kafka;
    private final String topic;
    private final PrintStream out;
    private final List<RecoveryJudge.Mark> marks = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Thread thread;
    private long startNanos;
    private int killedNode = -1;

    EventPlayer(EventSchedule schedule, GatewayFleet gateways, KafkaCluster kafka, String topic, PrintStream out) {
        this.schedule = schedule;
        this.gateways = gateways;
        this.kafka = kafka;
        this.topic = topic;
        this.out = out;
    }

    /** Starts playing; {@code loadStartNanos} is second 0 of the load's timeline. */
    void start(long loadStartNanos) {
        this.startNanos = loadStartNanos;
        thread = Thread.ofPlatform().name("topology-events").daemon().start(this::play);
    }

    /** Waits for the last event to be done (a restart under way is finished first). */
    void join() throws InterruptedException {
        thread.join();
    }

    synchronized List<RecoveryJudge.Mark> marks() {
        return List.copyOf(marks);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private void play() {
        int done = 0;
        long previousDone = startNanos;
        try {
            for (EventSchedule.Planned event : schedule.events()) {
                long gap = done == 0 ? 0 : MIN_GAP.toNanos();
                long due = Math.max(startNanos + event.at().toNanos(), previousDone + gap);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                run(event);
                previousDone = System.nanoTime();
                done++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem("interrupted after " + done + " of " + schedule.events().size() + " events");
        } catch (Exception e) {
            problem("event " + (done + 1) + " (" + schedule.events().get(done).describe() + ") failed: " + e);
        }
    }

    private void run(EventSchedule.Planned event) throws Exception {
        switch (event.action()) {
            case RESTART_GATEWAY -> {
                String name = HaproxyConfig.serverName(event.target());
                mark(name + " SIGTERM", true);
                int exit = gateways.stop(event.target());
                mark(name + " exited " + exit, false);
                if (exit != 0) {
                    problem(name + " exited with " + exit + " after SIGTERM (not drained cleanly)");
                }
                gateways.start(event.target());
                mark(name + " ready", true);
            }
            case KILL_BROKER -> {
                killedNode = kafka.activeController();
                boolean leader = kafka.leaderOf(topic, 0) == killedNode;
                mark("kafka " + killedNode + " SIGKILL (active controller" + (leader ? ", leader of partition 0" : "")
                        + ")", true);
                kafka.kill(killedNode);
            }
            case RESTART_BROKER -> {
                if (killedNode < 0) {
                    throw new IllegalStateException("no Kafka node was killed before");
                }
                mark("kafka " + killedNode + " restart", false);
                kafka.restart(killedNode);
                mark("kafka " + killedNode + " back", true);
            }
        }
    }

    private void mark(String label, boolean judged) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        synchronized (this) {
            marks.add(new RecoveryJudge.Mark(label, at, judged));
        }
        out.println(String.format(Locale.ROOT, "  [%6.1f s] %s", at, label));
    }

    private synchronized void problem(String what) {
        problems.add(what);
        out.println("  event problem: " + what);
    }
}

package io.sluice.bench.soak;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.SoakSecond;
import io.sluice.bench.model.TopologyEvent;
import io.sluice.bench.model.TopologyRun;
import io.sluice.bench.report.JsonReport;
import io.sluice.bench.report.TopologyReport;
import io.sluice.bench.run.EnvironmentProbe;
import io.sluice.bench.stats.LatencySummaries;
import io.sluice.kafka.embedded.FreePorts;
import io.sluice.kafka.embedded.KafkaCluster;
import io.sluice.loadgen.LoadGenerator;
import io.sluice.loadgen.LoadResult;
import io.sluice.loadgen.LoadSpec;
import io.sluice.loadgen.RequestTemplate;
import io.sluice.loadgen.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code sluice soak --topology GxB}: a B-node KRaft cluster (replication B, min.insync.replicas B-1), G
 * gateway JVMs in ack mode, HAProxy in front of them with /readyz health checks, sustained open-loop load
 * through HAProxy with a unique id per request, and meanwhile a rolling restart of the gateways and a broker
 * SIGKILLed and brought back; then the verdicts. Runs on the calling thread (the load and the events have their
 * own).
 */
public final class TopologyRunner {
    private static final DateTimeFormatter DIR_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** The share of the offered rate a second must answer with 2xx to count as recovered. */
    static final double RECOVERED_FRACTION = 0.8;
    /** The most seconds throughput may take to recover from an event. */
    static final int RECOVERY_BOUND_SECONDS = 5;
    static final String BROKER_HEAP = "320m";
    /**
     * Small fixed heaps, and C1 only: on a 2-core machine shared by 3 brokers, 3 gateways, HAProxy and the load,
     * C2's compilations made a restarted gateway take over 20 s to answer /readyz.
     */
    static final List<String> GATEWAY_JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    static final Duration HEALTH_CHECK_INTERVAL = Duration.ofMillis(500);
    private static final int PARTITIONS = 3;
    /**
     * Kafka's failure detection, shortened from the embedded cluster's (and far from Kafka's defaults: a 9 s
     * broker session, a 2 s quorum fetch timeout). While a dead node is in a partition's in-sync replicas,
     * acks=all writes to it wait; it leaves them when the active controller fences it, a broker session after
     * its last heartbeat. When the dead node was the controller, the others first notice the quorum leader is
     * gone (fetch timeout), elect another (election backoff), and that one fences it a session later: with the
     * embedded cluster's 3 s session and Kafka's quorum defaults, 6 s without a single acknowledgement. These
     * bring that to about 3.5 s; a real cluster that must meet a 5 s recovery needs the same kind of settings.
     */
    static final Map<String, String> FAILURE_DETECTION = Map.of(
            "broker.session.timeout.ms", "2000",
            "broker.heartbeat.interval.ms", "500",
            "controller.quorum.fetch.timeout.ms", "1000",
            "controller.quorum.election.backoff.max.ms", "500");

    private final Topology topology;
    private final SoakOptions options;
    private final PrintStream out;

    public TopologyRunner(Topology topology, SoakOptions options, PrintStream out) {
        if (options.rate() <= 0) {
            throw new IllegalArgumentException("a topology run needs an offered rate (--rate), was " + options.rate());
        }
        this.topology = topology;
        this.options = options;
        this.out = out;
    }

    /** Runs the whole topology; returns 0 when every verdict passed, 1 otherwise. */
    public int run() throws Exception {
        Instant started = Instant.now();
        EventSchedule schedule = EventSchedule.rolling(options.duration(), topology.gateways());
        String stamp = DIR_NAME.format(started);
        Path dir = options.outputRoot().resolve("topology-" + topology + "-" + stamp);
        Files.createDirectories(dir);
        String topic = "sluice-topology-" + stamp;
        out.println("Output: " + dir);
        long t0 = System.nanoTime();
        out.println("Starting a " + topology.brokers() + "-node KRaft cluster (child JVMs, -Xmx" + BROKER_HEAP + ")...");
        KafkaCluster.Builder cluster = KafkaCluster.builder().dataDir(dir.resolve("kafka")).nodes(topology.brokers())
                .maxHeap(BROKER_HEAP).jvmArg("-XX:TieredStopAtLevel=1").outputToFiles(true);
        FAILURE_DETECTION.forEach(cluster::config);
        try (KafkaCluster kafka = cluster.start()) {
            kafka.createTopic(topic, PARTITIONS);
            out.println(String.format(Locale.ROOT, "  ready in %.1f s: %s; topic %s (%d partitions, replication %d); "
                    + "the nodes' output in %s", (System.nanoTime() - t0) / 1e9, kafka.bootstrapServers(), topic,
                    PARTITIONS, topology.brokers(), dir.resolve("kafka")));
            List<Integer> ports = FreePorts.pickDistinct("127.0.0.1", topology.gateways() + 1);
            try (GatewayFleet fleet = new GatewayFleet(ports.subList(1, ports.size()), serveArgs(kafka), jvmArgs(),
                    dir, topic)) {
                for (int i = 0; i < topology.gateways(); i++) {
                    out.println("Starting gateway " + HaproxyConfig.serverName(i) + " on port "
                            + fleet.ports().get(i) + "...");
                    fleet.start(i);
                }
                Path socketDir = Files.createTempDirectory("sluice-haproxy");
                HaproxyConfig config = new HaproxyConfig(ports.get(0), fleet.ports(), HEALTH_CHECK_INTERVAL,
                        socketDir.resolve("stats.sock"));
                out.println("Starting HAProxy on port " + ports.get(0) + " (" + dir.resolve("haproxy.cfg") + ")...");
                try (HaproxyProcess haproxy = HaproxyProcess.start(config, dir.resolve("haproxy.cfg"),
                        dir.resolve("haproxy.log"), Duration.ofSeconds(10))) {
                    TopologyRun run = load(kafka, fleet, haproxy, config, schedule, topic, started);
                    write(run, dir);
                    return run.passed() ? 0 : 1;
                }
            }
        }
    }

    private TopologyRun load(KafkaCluster kafka, GatewayFleet fleet, HaproxyProcess haproxy, HaproxyConfig config,
                             EventSchedule schedule, String topic, Instant started) throws Exception {
        RequestTemplate request = new RequestTemplate("127.0.0.1", config.listenPort(), "/topics/" + topic,
                "application/json", RequestTemplate.idPayload(options.payloadBytes()));
        LoadSpec spec = new LoadSpec(Scenario.RATE, request, options.connections(), options.rate(), Duration.ZERO,
                options.duration(), 0, options.requestTimeout());
        AckLedger ledger = new AckLedger();
        EventPlayer events = new EventPlayer(schedule, fleet, kafka, topic, out);
        out.println(String.format(Locale.ROOT, "Load: %,.0f req/s through HAProxy for %d s; events:",
                options.rate(), options.duration().toSeconds()));
        schedule.events().forEach(e -> out.println(String.format(Locale.ROOT, "  planned at %5.1f s: %s",
                e.at().toMillis() / 1000.0, e.describe())));
        events.start(System.nanoTime());
        LoadResult load = LoadGenerator.builder().ledger(ledger).build().execute(spec, (phase, fraction) -> { });
        events.join();
        out.println("Load done; stopping the gateways (SIGTERM: drain, flush) and reading the topic back...");
        fleet.stopAll();
        boolean haproxyAlive = haproxy.isAlive();
        Map<String, Long> balancer = balancerFigures(config);
        haproxy.close();
        Duration readBack = Duration.ofSeconds(Math.max(120, options.duration().toSeconds()));
        DeliveryReport delivery = DeliveryCheck.run(kafka.bootstrapServers(), topic, ledger, true, readBack);
        return judge(started, load, delivery, balancer, events, fleet.exits(), haproxyAlive,
                kafka.bootstrapServers(), config);
    }

    private Map<String, Long> balancerFigures(HaproxyConfig config) {
        try {
            return HaproxyStats.read(config.statsSocket(), HaproxyConfig.BACKEND);
        } catch (IOException | RuntimeException e) {
            out.println("  HAProxy's stats could not be read from " + config.statsSocket() + ": " + e);
            return Map.of();
        }
    }

    private TopologyRun judge(Instant started, LoadResult load, DeliveryReport delivery, Map<String, Long> balancer,
                              EventPlayer events,
                              List<Integer> exits, boolean haproxyAlive, String bootstrap, HaproxyConfig config) {
        Map<String, Long> statuses = new TreeMap<>();
        load.statusCounts().forEach((k, v) -> statuses.put(Integer.toString(k), v));
        Map<String, Long> errors = new TreeMap<>();
        load.errors().forEach((k, v) -> errors.put(k.name().toLowerCase(Locale.ROOT), v));
        ClientErrorClasses classes = ClientErrorClasses.of(statuses, errors);
        RecoveryJudge recovery = new RecoveryJudge(options.rate(), RECOVERED_FRACTION, RECOVERY_BOUND_SECONDS);
        List<TopologyEvent> judged = recovery.judge(events.marks(), load.completionsPerSecond());
        List<SoakSecond> timeline = SoakJudge.timeline(load.activity(), load.completionsPerSecond(), List.of());

        List<String> failures = new ArrayList<>();
        if (!delivery.passed()) {
            failures.add("delivery (" + delivery.rule() + "): " + delivery.missing() + " acknowledged id(s) missing, "
                    + delivery.duplicatedAcknowledged() + " acknowledged id(s) duplicated");
        }
        failures.addAll(classes.failures());
        for (TopologyEvent e : judged) {
            if (!e.passed() && e.windowSeconds() == 0) {
                failures.add(String.format(Locale.ROOT, "'%s' (%.1f s) came after the load ended: the events took "
                        + "longer than planned; run longer (--duration)", e.label(), e.atSecond()));
            } else if (!e.passed()) {
                failures.add(String.format(Locale.ROOT, "throughput after '%s' (%.1f s) %s", e.label(), e.atSecond(),
                        e.recoverySeconds() < 0 ? "had not recovered within " + e.windowSeconds() + " s"
                                : "took " + e.recoverySeconds() + " s to recover (bound "
                                + RECOVERY_BOUND_SECONDS + " s)"));
            }
        }
        failures.addAll(events.problems());
        long judgedCount = judged.stream().filter(TopologyEvent::judged).count();
        long expected = 2L * topology.gateways() + 2;
        if (judgedCount < expected) {
            failures.add("only " + judgedCount + " of " + expected + " judged events happened during the load");
        }
        for (int i = 0; i < exits.size(); i++) {
            if (exits.get(i) != 0) {
                failures.add("gateway stop " + (i + 1) + " exited with " + exits.get(i) + " (not drained cleanly)");
            }
        }
        if (!haproxyAlive) {
            failures.add("HAProxy died during the run");
        }
        if (load.successes() == 0) {
            failures.add("no successful request");
        }
        double throughput = load.successes() / (load.measuredNanos() / 1e9);
        Map<String, String> env = EnvironmentProbe.describe(topology.brokers() + "-node KRaft cluster (child JVMs, "
                + "-Xmx" + BROKER_HEAP + ") at " + bootstrap, String.join(" ", jvmArgs()));
        String rule = String.format(Locale.ROOT, "an event's level is the median 2xx/s of the %d s before it, at "
                        + "most the offered rate; a second is low below %.0f%% of it; the event caused a dip if one of "
                        + "its first %d seconds is low; recovery = from the event's second to the first of %d good "
                        + "seconds in a row after the dip began (0: no dip), looked for within %d s; must be <= %d s",
                RecoveryJudge.BEFORE, RECOVERED_FRACTION * 100, RecoveryJudge.DIP_ONSET, RecoveryJudge.STABLE,
                RecoveryJudge.MAX_WINDOW, RECOVERY_BOUND_SECONDS);
        return new TopologyRun(started.toString(), topology.toString(), env, settings(config), timeline.size(),
                options.rate(), load.sent(), throughput, LatencySummaries.ofMicros(load.latencyMicros()), statuses,
                errors, classes.allowed(), classes.refused(), delivery, balancer, judged, rule, recovery.threshold(), exits, failures, timeline);
    }

    private void write(TopologyRun run, Path dir) throws Exception {
        JsonReport.writeValue(run, dir.resolve(TopologyReport.JSON_FILE));
        Files.writeString(dir.resolve(TopologyReport.MARKDOWN_FILE), TopologyReport.markdown(run),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TopologyReport.HTML_FILE), TopologyReport.html(run), StandardCharsets.UTF_8);
        out.println();
        out.println(TopologyReport.terminal(run));
        out.println("Reports: " + dir.resolve(TopologyReport.MARKDOWN_FILE) + ", " + TopologyReport.HTML_FILE + ", "
                + TopologyReport.JSON_FILE);
    }

    private List<String> serveArgs(KafkaCluster kafka) {
        List<String> args = new ArrayList<>(List.of("--io", options.runtimes().get(0), "--http", options.http(),
                "--delivery", "ack", "--bootstrap-servers", kafka.bootstrapServers(), "--max-connections", "20000",
                "--default-topic", ""));
        args.addAll(options.gatewayArgs());
        return args;
    }

    private List<String> jvmArgs() {
        List<String> jvm = new ArrayList<>(GATEWAY_JVM_FLAGS);
        jvm.addAll(options.gatewayJvmArgs());
        return jvm;
    }

    private Map<String, String> settings(HaproxyConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("topology", topology.gateways() + " gateways (" + String.join(" ", jvmArgs()) + ", --io "
                + options.runtimes().get(0) + ", --http " + options.http() + ", --delivery ack) behind HAProxy, "
                + topology.brokers() + " Kafka nodes (replication " + topology.brokers() + ", min.insync.replicas "
                + (topology.brokers() - 1) + ")");
        s.put("load", String.format(Locale.ROOT, "open loop, %,.0f req/s offered over up to %d keep-alive "
                + "connections to HAProxy, for %d s; a unique id per request; request timeout %s", options.rate(),
                options.connections(), options.duration().toSeconds(), options.requestTimeout()));
        s.put("events", "each gateway in turn: SIGTERM, drain and exit, start, /readyz 200; then SIGKILL of the "
                + "Kafka node that is the active controller, and its restart; each at its planned time, or "
                + EventPlayer.MIN_GAP.toSeconds() + " s after the one before was done if that is later");
        s.put("kafka failure detection", new java.util.TreeMap<>(FAILURE_DETECTION) + " (the embedded cluster: "
                + "3 s session; Kafka's defaults: 9 s session, 2 s quorum fetch timeout)");
        s.put("haproxy", "health check GET /readyz every " + config.checkInterval().toMillis() + " ms (timeout 2 s), "
                + "fall 2 rise 2, slowstart 3s; retries 3, option redispatch 1, retry-on conn-failure empty-response 503, "
                + "http-reuse safe, timeout http-keep-alive 60s (see haproxy.cfg)");
        s.put("allowed client outcomes", "2xx; 503 (retriable: shutting_down, kafka_unavailable, buffer_full, or "
                + "HAProxy with no gateway up). Any other status and any request without an answer fail the run; a "
                + "connection closed while idle is no error (the load generator reconnects)");
        s.put("delivery", "every acknowledged id exactly once in Kafka, read back after every gateway flushed");
        return s;
    }
}

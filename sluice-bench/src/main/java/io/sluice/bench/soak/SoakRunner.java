package io.sluice.bench.soak;

import io.sluice.bench.model.DeliveryReport;
import io.sluice.bench.model.GrowthCheck;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.SoakPhase;
import io.sluice.bench.model.SoakRun;
import io.sluice.bench.model.SoakSecond;
import io.sluice.bench.report.JsonReport;
import io.sluice.bench.report.ProgressBar;
import io.sluice.bench.report.SoakReport;
import io.sluice.bench.run.BenchTopic;
import io.sluice.bench.run.EnvironmentProbe;
import io.sluice.bench.run.GatewayProcess;
import io.sluice.bench.run.ServeArgsText;
import io.sluice.bench.stats.LatencySummaries;
import io.sluice.kafka.embedded.BrokerProcess;
import io.sluice.kafka.embedded.FreePorts;
import io.sluice.loadgen.LoadGenerator;
import io.sluice.loadgen.LoadResult;
import io.sluice.loadgen.LoadSpec;
import io.sluice.loadgen.ProgressListener;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a whole {@code sluice soak}: the broker (embedded unless one is named), then for each runtime and load
 * shape a fresh gateway JVM, a fresh topic, sustained load with a unique id per request, the gateway sampled
 * every second, a graceful stop, and the proof in Kafka that every acknowledged id arrived. Writes soak.json
 * and soak.html and prints a table. Runs on the calling thread (the load and the sampler have their own).
 */
public final class SoakRunner {
    private static final DateTimeFormatter DIR_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern WARNING = Pattern.compile("\\s(WARN|ERROR)\\s");
    private static final int WARNING_EXAMPLES = 5;
    private static final byte[] PRIMER = "{\"soak\":\"first record, before the load\"}"
            .getBytes(StandardCharsets.US_ASCII);
    /** The gateway's heap is fixed and pre-touched, so its RSS moves only with what lives off the heap. */
    static final List<String> GATEWAY_JVM_FLAGS = List.of("-XX:+AlwaysPreTouch");

    private final SoakOptions options;
    private final PrintStream out;
    private final boolean interactive = System.console() != null;

    public SoakRunner(SoakOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every phase; returns 0 when all passed, 1 otherwise. */
    public int run() throws Exception {
        Instant started = Instant.now();
        String stamp = DIR_NAME.format(started);
        Path dir = options.outputRoot().resolve("soak-" + stamp);
        Files.createDirectories(dir);
        BrokerProcess broker = null;
        String bootstrap = options.bootstrapServers();
        try {
            if (bootstrap == null) {
                out.println("Starting the embedded Kafka broker...");
                broker = BrokerProcess.builder().dataDir(dir.resolve("kafka")).brokerPort(0).maxHeap("1g").start();
                bootstrap = broker.bootstrapServers();
            }
            if (options.brokerQuota() > 0) {
                out.println("Throttling every producer to " + options.brokerQuota() + " bytes/s (a slow broker)...");
                BrokerQuota.apply(bootstrap, options.brokerQuota());
            }
            Map<String, String> env = EnvironmentProbe.describe((broker != null ? "embedded broker (child JVM, "
                    + "-Xmx1g) at " : "external ") + bootstrap, String.join(" ", gatewayJvmFlags()));
            List<SoakPhase> phases = new ArrayList<>();
            List<String[]> plan = plan();
            for (int i = 0; i < plan.size(); i++) {
                String runtime = plan.get(i)[0];
                String mode = plan.get(i)[1];
                String label = String.format("[%d/%d] %s/%s/%s/%s", i + 1, plan.size(), runtime, options.http(),
                        options.delivery(), mode);
                SoakPhase phase;
                try {
                    phase = runPhase(runtime, mode, bootstrap, dir, stamp, label);
                } catch (Exception e) { // e.g. the gateway did not start: this phase failed, the others still run
                    phase = broken(runtime, mode, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                phases.add(phase);
                if (interactive) {
                    out.print("\r" + " ".repeat(100) + "\r");
                }
                out.println(label + "  " + (phase.passed() ? "PASSED" : "FAILED") + "  "
                        + String.format(Locale.ROOT, "%,.0f req/s", phase.throughput())
                        + (phase.passed() ? "" : "  " + String.join("; ", phase.failures())));
            }
            SoakRun run = new SoakRun(started.toString(), env, settings(), phases);
            JsonReport.writeValue(run, dir.resolve(SoakReport.JSON_FILE));
            Files.writeString(dir.resolve(SoakReport.HTML_FILE), SoakReport.html(run), StandardCharsets.UTF_8);
            out.println();
            out.println(SoakReport.terminal(run));
            out.println("Reports: " + dir.resolve(SoakReport.JSON_FILE) + ", " + SoakReport.HTML_FILE);
            return run.passed() ? 0 : 1;
        } finally {
            if (options.brokerQuota() > 0 && bootstrap != null) {
                BrokerQuota.clear(bootstrap);
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Runtime and mode of each phase, runtime by runtime. */
    private List<String[]> plan() {
        List<String[]> plan = new ArrayList<>();
        for (String runtime : options.runtimes()) {
            options.modes().forEach(m -> plan.add(new String[] {runtime, m.cliName()}));
        }
        return plan;
    }

    private SoakPhase runPhase(String runtime, String mode, String bootstrap, Path dir, String stamp, String label)
            throws Exception {
        String id = runtime + "/" + options.http() + "/" + options.delivery() + "/" + mode;
        String topic = "sluice-soak-" + stamp + "-" + runtime.replace('_', '-') + "-" + mode;
        BenchTopic.ensure(bootstrap, topic, 4);
        int port = FreePorts.pick("127.0.0.1");
        List<String> args = new ArrayList<>(List.of("--io", runtime, "--http", options.http(), "--delivery",
                options.delivery(), "--bootstrap-servers", bootstrap, "--max-connections", "20000",
                "--default-topic", ""));
        args.addAll(options.gatewayArgs());
        Path log = dir.resolve("gateway-" + id.replace('/', '_') + ".log");
        List<String> jvm = new ArrayList<>(GATEWAY_JVM_FLAGS);
        jvm.addAll(options.gatewayJvmArgs());
        try (GatewayProcess gateway = GatewayProcess.start(port, args, jvm, null, log, Duration.ofSeconds(60))) {
            long startupLines = lineCount(log); // start-up warnings (e.g. a low open-files limit) are not the soak's
            RequestTemplate request = new RequestTemplate("127.0.0.1", port, "/topics/" + topic, "application/json",
                    RequestTemplate.idPayload(options.payloadBytes()));
            Scenario shape = options.rate() > 0 ? Scenario.RATE : Scenario.parse(mode);
            LoadSpec spec = new LoadSpec(shape, request, options.connections(), options.rate(), Duration.ZERO,
                    options.duration(), 0, options.requestTimeout());
            prime(port, topic, label);
            AckLedger ledger = new AckLedger();
            int seconds = (int) ((options.duration().toMillis() + 999) / 1000);
            ResourceSampler sampler = new ResourceSampler(gateway.pid(), port, ProcStats.system(),
                    SoakJudge.liveHeapSeconds(seconds));
            sampler.start(System.nanoTime());
            LoadResult load = LoadGenerator.builder().ledger(ledger).build().execute(spec, progress(label));
            List<ResourceSampler.Sample> samples = sampler.stop();
            sampler.liveHeapProblems().forEach((second, why) -> out.println(label + "  live heap at second " + second
                    + " not measured: " + why));
            int exit = gateway.stop(Duration.ofSeconds(60));
            Duration readBack = Duration.ofSeconds(Math.max(120, options.duration().toSeconds()));
            DeliveryReport delivery = DeliveryCheck.run(bootstrap, topic, ledger,
                    options.delivery().equals("ack"), readBack);
            List<SoakSecond> timeline = SoakJudge.timeline(load.activity(), load.completionsPerSecond(), samples);
            List<String> warnings = warnings(log, startupLines);
            return phase(id, runtime, mode, load, timeline, delivery, exit, warnings, ledger.acknowledgedTwice());
        }
    }

    /**
     * Sends one record to the phase's fresh topic and waits for its 2xx, so that the load starts on a gateway that
     * has looked the topic up and fetched its producer metadata. On a busy 2-core machine that first record took
     * over 2 s, and the load's first seconds showed it as a stall. The record has no id: the read-back counts it
     * as foreign, outside every verdict.
     */
    private void prime(int port, String topic, String label) {
        long start = System.nanoTime();
        String response = GatewayProcess.post(port, "/topics/" + topic, "application/json", PRIMER, 60_000);
        if (response == null || !response.startsWith("HTTP/1.1 2")) {
            throw new IllegalStateException("the gateway did not accept a first record to " + topic + " within 60 s: "
                    + (response == null ? "no answer" : response.lines().findFirst().orElse("")));
        }
        out.println(String.format(Locale.ROOT, "%s  first record accepted in %,d ms (before the load: topic lookup, "
                + "producer metadata)", label, (System.nanoTime() - start) / 1_000_000));
    }

    /** A phase that could not run at all. */
    private SoakPhase broken(String runtime, String mode, String why) {
        String id = runtime + "/" + options.http() + "/" + options.delivery() + "/" + mode;
        return new SoakPhase(id, runtime, options.http(), options.delivery(), mode, options.connections(), 0, 0,
                new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), Map.of(), Map.of(),
                List.of(), 0, null, List.of(), 0, List.of(), -1, List.of("the phase did not run: " + why), List.of());
    }

    private SoakPhase phase(String id, String runtime, String mode, LoadResult load, List<SoakSecond> timeline,
                            DeliveryReport delivery, int exit, List<String> warnings, long acknowledgedTwice) {
        List<Integer> stalls = SoakJudge.stalls(timeline);
        int longest = SoakJudge.longestRun(stalls);
        List<GrowthCheck> growth = SoakJudge.growth(timeline, options.bounds());
        long warningCount = warnings.size();
        List<String> examples = warnings.subList(0, (int) Math.min(WARNING_EXAMPLES, warningCount));
        Map<String, Long> statuses = new TreeMap<>();
        load.statusCounts().forEach((k, v) -> statuses.put(Integer.toString(k), v));
        Map<String, Long> errors = new TreeMap<>();
        load.errors().forEach((k, v) -> errors.put(k.name().toLowerCase(Locale.ROOT), v));

        List<String> failures = new ArrayList<>();
        if (!stalls.isEmpty()) {
            failures.add(stalls.size() + " stalled second(s), longest " + longest + " s, first at " + stalls.get(0)
                    + " s");
        }
        long bad = load.sent() - load.successes();
        double errorRate = load.sent() == 0 ? 1 : bad / (double) load.sent();
        if (errorRate > options.bounds().maxErrorRate()) {
            failures.add(String.format(Locale.ROOT, "%,d of %,d requests failed or got no 2xx (%.3f%% > %.3f%%)", bad,
                    load.sent(), errorRate * 100, options.bounds().maxErrorRate() * 100));
        }
        if (load.successes() == 0) {
            failures.add("no successful request");
        }
        if (!delivery.passed()) {
            failures.add("delivery (" + delivery.rule() + "): " + delivery.missing() + " acknowledged id(s) missing, "
                    + delivery.duplicatedAcknowledged() + " acknowledged id(s) duplicated");
        }
        for (GrowthCheck g : growth) {
            if (!g.passed()) {
                failures.add(String.format(Locale.ROOT, "%s grew from %,.0f to %,.0f (bound %,.0f: %s)",
                        g.resource(), g.baseline(), g.end(), g.allowed(), g.rule()));
            }
        }
        if (exit != 0) {
            failures.add("the gateway exited with " + exit + " after SIGTERM");
        }
        if (acknowledgedTwice > 0) {
            failures.add(acknowledgedTwice + " id(s) answered twice (a load generator fault)");
        }
        int seconds = timeline.size();
        double throughput = load.successes() / (load.measuredNanos() / 1e9);
        return new SoakPhase(id, runtime, options.http(), options.delivery(), mode, options.connections(), seconds,
                throughput, LatencySummaries.ofMicros(load.latencyMicros()), statuses, errors, stalls, longest,
                delivery, growth, warningCount, List.copyOf(examples), exit, failures, timeline);
    }

    /** The WARN/ERROR lines of the gateway's log after its first {@code skip} lines. */
    private static List<String> warnings(Path log, long skip) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.skip(skip).filter(l -> WARNING.matcher(l).find()).toList();
        }
    }

    private static long lineCount(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private ProgressListener progress(String label) {
        long total = Math.max(1, options.duration().toSeconds());
        long[] lastMinute = {0};
        return (phase, fraction) -> {
            if (!phase.equals("measure")) {
                return; // a soak has no warm-up
            }
            if (interactive) {
                out.print("\r" + ProgressBar.render(label, fraction, 30));
                return;
            }
            long minute = (long) (fraction * total) / 60;
            if (minute > lastMinute[0]) {
                lastMinute[0] = minute;
                out.println(label + "  " + minute + " min of " + String.format(Locale.ROOT, "%.1f", total / 60.0));
            }
        };
    }

    private List<String> gatewayJvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        flags.addAll(GATEWAY_JVM_FLAGS);
        flags.addAll(options.gatewayJvmArgs());
        if (!options.gatewayArgs().isEmpty()) {
            flags.add("| serve " + ServeArgsText.shown(options.gatewayArgs()));
        }
        return flags;
    }

    private Map<String, String> settings() {
        SoakBounds b = options.bounds();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("runtimes", String.join(",", options.runtimes()));
        s.put("http", options.http());
        s.put("delivery", options.delivery() + (options.delivery().equals("ack")
                ? " (every acknowledged id exactly once in Kafka)" : " (every acknowledged id at least once in Kafka, "
                + "after the gateway flushed)"));
        s.put("modes", String.join(",", options.modes().stream().map(m -> m.cliName()).toList()));
        s.put("duration per phase", options.duration().toString());
        s.put("connections", Integer.toString(options.connections()));
        s.put("load", options.rate() > 0 ? String.format(Locale.ROOT, "open loop, %,.0f req/s offered", options.rate())
                : "closed loop (each connection or worker sends its next request when the answer arrives)");
        s.put("payload bytes", Integer.toString(options.payloadBytes()));
        s.put("request timeout", options.requestTimeout().toString());
        s.put("stall", "a second with requests outstanding and none answered or failed");
        s.put("growth bounds", String.format(Locale.ROOT, "rss +%.0f%% +%d MiB; live heap +%.0f%% +%d MiB; open "
                        + "files +%.0f%% +%d; threads +%d; from the 10-20%% window to the last 10%%; runs >= %d s",
                b.rssGrowth() * 100, b.rssSlackBytes() >> 20, b.liveHeapGrowth() * 100, b.liveHeapSlackBytes() >> 20,
                b.fileGrowth() * 100, b.fileSlack(), b.threadSlack(), b.minJudgedSeconds()));
        s.put("max error rate", String.format(Locale.ROOT, "%.3f%% (no answer or non-2xx)", b.maxErrorRate() * 100));
        s.put("live heap", "heap in use right after a full collection (jcmd GC.run), forced at the end of the "
                + "baseline window and in the end window");
        s.put("time wait", "machine-wide count (/proc/net/sockstat)");
        s.put("broker quota", options.brokerQuota() > 0 ? options.brokerQuota() + " bytes/s per producer (a slow broker)"
                : "none");
        return s;
    }
}

package io.sluice.bench.run;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.OutlierSummary;
import io.sluice.bench.model.TlsFigures;
import io.sluice.bench.model.Verification;
import io.sluice.bench.report.CompareReport;
import io.sluice.bench.report.HtmlReport;
import io.sluice.bench.report.JsonReport;
import io.sluice.bench.report.MarkdownReport;
import io.sluice.bench.report.ProgressBar;
import io.sluice.bench.report.TerminalTable;
import io.sluice.bench.report.TlsSummary;
import io.sluice.bench.stats.Bootstrap;
import io.sluice.bench.stats.LatencySummaries;
import io.sluice.bench.stats.Outliers;
import io.sluice.bench.stats.ThroughputEstimator;
import io.sluice.kafka.embedded.BrokerProcess;
import io.sluice.kafka.embedded.FreePorts;
import io.sluice.loadgen.ClientTls;
import io.sluice.loadgen.LoadGenerator;
import io.sluice.loadgen.LoadResult;
import io.sluice.loadgen.LoadSpec;
import io.sluice.loadgen.ProgressListener;
import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.RequestTemplate;
import io.sluice.loadgen.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a whole {@code sluice bench}: the broker (embedded unless one is named), one fresh gateway JVM
 * per cell, the load, the proof in Kafka, and the reports. Runs on the calling thread.
 */
public final class BenchRunner {
    /** The topic every cell produces to (4 partitions, like the reference experiment's). */
    public static final String TOPIC = "sluice-bench";
    private static final DateTimeFormatter DIR_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final PrintStream out;
    private final ThroughputEstimator estimator = new ThroughputEstimator(Bootstrap.defaults());
    /** A progress bar only on a terminal; logs and pipes get one line per cell. */
    private final boolean interactive = System.console() != null;
    /** The gateway's certificate for the TLS cells, made on the first one. */
    private SelfSignedPem tlsPem;

    public BenchRunner(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every cell; returns 0 when all passed their verification, 1 otherwise. */
    public int run() throws Exception {
        Instant started = Instant.now();
        Path dir = options.outputRoot().resolve(DIR_NAME.format(started));
        Files.createDirectories(dir);
        List<CellSpec> cells = Matrix.of(options);
        if (options.pinCpus() != null && options.pinCpus().size() > 1) {
            pinThisProcess(options.pinCpus().get(1));
        }
        boolean needsKafka = cells.stream().anyMatch(c -> c.sink().equals("kafka") || c.isProducerBaseline());
        BrokerProcess broker = null;
        String bootstrap = options.bootstrapServers();
        try {
            if (needsKafka && bootstrap == null) {
                out.println("Starting the embedded Kafka broker...");
                broker = BrokerProcess.builder().dataDir(dir.resolve("kafka")).brokerPort(0).topic(TOPIC, 4)
                        .maxHeap("1g").start();
                bootstrap = broker.bootstrapServers();
            } else if (needsKafka) {
                BenchTopic.ensure(bootstrap, TOPIC, 4);
            }
            Map<String, String> env = EnvironmentProbe.describe(bootstrap == null ? "not used"
                    : (broker != null ? "embedded broker (child JVM, -Xmx1g) at " : "external ") + bootstrap,
                    String.join(" ", gatewayJvmFlags()));
            out.println(TerminalTable.environment(env));
            if (needsKafka && !options.brokerWarmup().isZero()) {
                out.println("Warming up the broker (" + options.brokerWarmup().toSeconds() + " s)...");
                BrokerWarmup.run(bootstrap, TOPIC, RequestTemplate.jsonPayload(options.payloadBytes()),
                        options.brokerWarmup());
            }
            List<CellResult> results = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                CellSpec cell = cells.get(i);
                String label = String.format("[%d/%d] %s", i + 1, cells.size(), cell.id());
                CellResult r = runCell(cell, bootstrap, broker == null ? -1 : broker.pid(), dir, label);
                results.add(r);
                if (interactive) {
                    out.print("\r" + " ".repeat(120) + "\r");
                }
                out.println(label + "  " + r.status() + "  " + String.format("%,.0f", r.throughput().estimate())
                        + " req/s  "
                        + (r.recordsPerRequest() > 1 ? String.format("%,.0f", r.recordsPerSecond()) + " records/s  "
                        : "")
                        + r.verification().successes() + " x 2xx" + (r.recordsPerRequest() > 1 ? " x "
                        + r.recordsPerRequest() + " records" : "") + (r.note().isEmpty() ? "" : "  " + r.note()));
            }
            BenchRun run = new BenchRun(started.toString(), env, settings(), results);
            writeReports(run, dir);
            out.println();
            out.println(TerminalTable.cells(results));
            TlsSummary.lines(results).forEach(out::println);
            out.println("Reports: " + dir.resolve(JsonReport.FILE_NAME) + ", report.md, report.html");
            if (options.compare() != null) {
                out.println(CompareReport.of(JsonReport.read(options.compare()), run).render());
            }
            return results.stream().anyMatch(r -> r.status().equals("FAILED")) ? 1 : 0;
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Pins every thread of this JVM (the load generator) to the given CPUs. */
    private void pinThisProcess(String cpus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin the load generator to CPUs " + cpus + ": " + said);
        }
    }

    private void writeReports(BenchRun run, Path dir) throws IOException {
        JsonReport.write(run, dir.resolve(JsonReport.FILE_NAME));
        Files.writeString(dir.resolve(MarkdownReport.FILE_NAME), MarkdownReport.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(run), StandardCharsets.UTF_8);
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("matrix", options.quick() ? "quick" : "full");
        s.put("runtimes", String.join(",", options.runtimes()));
        s.put("http", String.join(",", options.https()));
        s.put("delivery", String.join(",", options.deliveries()));
        s.put("scenarios", String.join(",", options.scenarios().stream().map(Scenario::cliName).toList()));
        s.put("payload bytes", Integer.toString(options.payloadBytes()));
        s.put("formats", String.join(",", options.formats().stream().map(BodyFormat::cliName).toList()));
        s.put("batch", Integer.toString(options.batch()));
        s.put("connections", Integer.toString(options.connections()));
        s.put("burst size", Integer.toString(options.burstSize()));
        s.put("rate", Double.toString(options.rate()));
        s.put("warm-up", options.warmup().toString());
        s.put("duration", options.duration().toString());
        s.put("burst samples", Integer.toString(options.samples()));
        s.put("broker warm-up", options.brokerWarmup().toString());
        if (options.tls()) {
            s.put("tls", "gateway --tls-cert/--tls-key with a self-signed " + SelfSignedPem.KEY_TYPE + " certificate; "
                    + "load generator: JDK TLS (1.3, 1.2), trusting that certificate; cells /tls resume sessions, "
                    + "/tls-full never do");
        }
        s.put("pinning", options.pinCpus() == null ? "none" : String.join(" / ", options.pinCpus()));
        s.put("load generator", "closed loop for burst, keepalive, connect; open loop (intended start times) for rate");
        s.put("confidence intervals", "95% percentile bootstrap, " + Bootstrap.DEFAULT_RESAMPLES
                + " resamples, fixed seed; burst: Criterion-style regression");
        return s;
    }

    private List<String> gatewayJvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        flags.addAll(options.gatewayJvmArgs());
        if (!options.gatewayArgs().isEmpty()) {
            flags.add("| serve " + ServeArgsText.shown(options.gatewayArgs()));
        }
        return flags;
    }

    private CellResult runCell(CellSpec cell, String bootstrap, long brokerPid, Path dir, String label) {
        try {
            if (cell.isProducerBaseline()) {
                return runProducerBaseline(cell, bootstrap, brokerPid, label);
            }
            return runHttpCell(cell, bootstrap, brokerPid, dir, label);
        } catch (Exception e) {
            return failed(cell, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CellResult runHttpCell(CellSpec cell, String bootstrap, long brokerPid, Path dir, String label)
            throws Exception {
        GatewayProcess gateway = null;
        RequestTemplate request;
        if (cell.isExternal()) {
            URI uri = URI.create(options.targetUrl());
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            request = new RequestTemplate(uri.getHost(), port, path, "application/json",
                    RequestTemplate.jsonPayload(cell.payloadBytes()));
        } else {
            int port = FreePorts.pick("127.0.0.1");
            List<String> args = new ArrayList<>(List.of("--io", cell.runtime(), "--http", cell.http(), "--delivery",
                    cell.delivery(), "--default-topic", TOPIC, "--max-connections", "20000"));
            int loadPort = port;
            if (cell.isTls()) {
                loadPort = FreePorts.pickExcept("127.0.0.1", port);
                args.addAll(tlsArgs(dir, loadPort));
            }
            args.addAll(options.gatewayArgs());
            if (cell.sink().equals("none")) {
                args.addAll(List.of("--sink", "none"));
            } else {
                args.addAll(List.of("--bootstrap-servers", bootstrap));
            }
            String cpus = options.pinCpus() == null ? null : options.pinCpus().get(0);
            Path log = dir.resolve("gateway-" + cell.id().replace('/', '_') + ".log");
            gateway = GatewayProcess.start(port, args, options.gatewayJvmArgs(), cpus, log, Duration.ofSeconds(60));
            request = cell.format().template("127.0.0.1", loadPort, "/topics/" + TOPIC, cell.batch(),
                    cell.payloadBytes());
        }
        try (TopicOffsets offsets = cell.verifiable() ? new TopicOffsets(bootstrap, TOPIC) : null) {
            long before = offsets == null ? 0 : offsets.sum();
            long gatewayPid = gateway == null ? -1 : gateway.pid();
            CpuWindow cpu = new CpuWindow(gatewayPid, brokerPid);
            LoadSpec spec = new LoadSpec(cell.scenario(), request, cell.concurrency(), cell.rate(), options.warmup(),
                    options.duration(), options.samples(), Duration.ofSeconds(35));
            LoadResult load = loadGenerator(cell).execute(spec, progress(label, cpu));
            cpu.end();
            int exit = gateway == null ? 0 : gateway.stop(Duration.ofSeconds(60));
            gateway = null;
            long records = offsets == null ? 0 : offsets.sum() - before;
            long successes = load.successes() + load.warmupSuccesses();
            Verification verification = new Verification(successes, records, cell.verifiable(), cell.batch());
            String problem = exit != 0 ? "gateway exited with " + exit : null;
            return result(cell, estimator.estimate(cell.scenario(), load.samples()),
                    LatencySummaries.ofMicros(load.latencyMicros()), statuses(load), errors(load),
                    new CpuUsage(cpu.gatewayCores(), cpu.brokerCores(),
                            load.loadgenCpuSeconds() / (load.measuredNanos() / 1e9)),
                    verification, Outliers.ofSamples(cell.scenario(), load.samples()), load.completionsPerSecond(),
                    problem, "", tlsFigures(cell, load));
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    /** {@code --tls-cert}, {@code --tls-key} and {@code --tls-port} for a TLS cell's gateway. */
    private List<String> tlsArgs(Path dir, int tlsPort) throws IOException, InterruptedException {
        if (tlsPem == null) {
            tlsPem = SelfSignedPem.generate(dir.resolve("tls"));
        }
        return List.of("--tls-cert", tlsPem.certificate().toString(), "--tls-key", tlsPem.privateKey().toString(),
                "--tls-port", Integer.toString(tlsPort));
    }

    /** Plaintext, or TLS trusting the gateway's certificate, with or without session resumption. */
    private LoadGenerator loadGenerator(CellSpec cell) {
        LoadGenerator.Builder b = LoadGenerator.builder();
        if (cell.isTls()) {
            ClientTls tls = ClientTls.trusting(tlsPem.certificate());
            b.tls(cell.transport().equals(CellSpec.TLS_FULL) ? tls.withoutResumption() : tls);
        }
        return b.build();
    }

    private static TlsFigures tlsFigures(CellSpec cell, LoadResult load) {
        if (!cell.isTls()) {
            return null;
        }
        double seconds = load.measuredNanos() / 1e9;
        return new TlsFigures(cell.transport(), load.handshakes().full(), load.handshakes().resumed(),
                seconds > 0 ? load.handshakes().total() / seconds : 0);
    }

    private CellResult runProducerBaseline(CellSpec cell, String bootstrap, long brokerPid, String label) {
        if (interactive) {
            out.print("\r" + ProgressBar.render(label + " producer alone", 0.5, 30));
        }
        try (TopicOffsets offsets = new TopicOffsets(bootstrap, TOPIC)) {
            long before = offsets.sum();
            CpuWindow cpu = new CpuWindow(ProcessHandle.current().pid(), brokerPid);
            cpu.begin();
            ProducerBaseline.Result r = ProducerBaseline.run(bootstrap, TOPIC,
                    RequestTemplate.jsonPayload(cell.payloadBytes()), options.warmup(), options.duration());
            cpu.end();
            long records = offsets.sum() - before;
            return result(cell, estimator.estimate(Scenario.KEEPALIVE, r.samples()),
                    new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                    Map.of(), r.failed() == 0 ? Map.of() : Map.of("failed", r.failed()),
                    new CpuUsage(cpu.gatewayCores(), cpu.brokerCores(), Double.NaN),
                    new Verification(r.acknowledged(), records, true),
                    Outliers.ofSamples(Scenario.KEEPALIVE, r.samples()), r.perSecond(), null,
                    "producer in the bench JVM");
        }
    }

    private ProgressListener progress(String label, CpuWindow cpu) {
        return (phase, fraction) -> {
            if (phase.equals("measure")) {
                cpu.begin();
            }
            if (interactive) {
                out.print("\r" + ProgressBar.render(label + " " + phase, fraction, 30));
            }
        };
    }

    private static Map<String, Long> statuses(LoadResult load) {
        Map<String, Long> m = new TreeMap<>();
        load.statusCounts().forEach((k, v) -> m.put(Integer.toString(k), v));
        return m;
    }

    private static Map<String, Long> errors(LoadResult load) {
        Map<String, Long> m = new TreeMap<>();
        load.errors().forEach((k, v) -> {
            if (v > 0) {
                m.put(k.name().toLowerCase(), v);
            }
        });
        return m;
    }

    /**
     * A finished cell: FAILED when {@code problem} is set (e.g. the gateway's exit code), when Kafka holds
     * a different number of records than the 2xx answers, or when nothing succeeded.
     */
    private static CellResult result(CellSpec cell, Estimate throughput, LatencySummary latency,
                                     Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                                     Verification verification, OutlierSummary outliers, long[] perSecond,
                                     String problem, String note) {
        return result(cell, throughput, latency, statuses, errors, cpu, verification, outliers, perSecond, problem,
                note, null);
    }

    private static CellResult result(CellSpec cell, Estimate throughput, LatencySummary latency,
                                     Map<String, Long> statuses, Map<String, Long> errors, CpuUsage cpu,
                                     Verification verification, OutlierSummary outliers, long[] perSecond,
                                     String problem, String note, TlsFigures tls) {
        if (problem == null && !verification.ok()) {
            problem = "verification failed: " + verification.successes() + " successes ("
                    + verification.expectedRecords() + " records), " + verification.records() + " records in Kafka";
        } else if (problem == null && verification.successes() == 0) {
            problem = "no successful request";
        }
        boolean ok = problem == null;
        List<Long> timeline = new ArrayList<>(perSecond.length);
        for (long v : perSecond) {
            timeline.add(v);
        }
        return new CellResult(cell.id(), cell.runtime(), cell.http(), cell.delivery(), cell.scenario().cliName(),
                cell.sink(), cell.payloadBytes(), cell.concurrency(), throughput, latency, statuses, errors, cpu,
                verification, outliers, timeline, ok ? "OK" : "FAILED",
                ok ? note : problem, tls, cell.format().cliName(), cell.batch());
    }

    private static CellResult failed(CellSpec cell, String why) {
        return new CellResult(cell.id(), cell.runtime(), cell.http(), cell.delivery(), cell.scenario().cliName(),
                cell.sink(), cell.payloadBytes(), cell.concurrency(), new Estimate(0, 0, 0),
                new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), Map.of(), Map.of(),
                new CpuUsage(Double.NaN, Double.NaN, Double.NaN), new Verification(0, 0, false),
                new OutlierSummary(0, 0, 0, 0, 0), List.of(), "FAILED", why, null, cell.format().cliName(),
                cell.batch());
    }

    /** CPU of the gateway and the broker between the start of measurement and its end. */
    private static final class CpuWindow {
        private final long gatewayPid;
        private final long brokerPid;
        private double gateway0 = Double.NaN;
        private double broker0 = Double.NaN;
        private long wall0;
        private double gatewayCores = Double.NaN;
        private double brokerCores = Double.NaN;

        CpuWindow(long gatewayPid, long brokerPid) {
            this.gatewayPid = gatewayPid;
            this.brokerPid = brokerPid;
        }

        void begin() {
            if (wall0 == 0) {
                wall0 = System.nanoTime();
                gateway0 = ProcessCpu.seconds(gatewayPid);
                broker0 = ProcessCpu.seconds(brokerPid);
            }
        }

        void end() {
            double wall = (System.nanoTime() - wall0) / 1e9;
            gatewayCores = (ProcessCpu.seconds(gatewayPid) - gateway0) / wall;
            brokerCores = (ProcessCpu.seconds(brokerPid) - broker0) / wall;
        }

        double gatewayCores() {
            return gatewayCores;
        }

        double brokerCores() {
            return brokerCores;
        }
    }
}

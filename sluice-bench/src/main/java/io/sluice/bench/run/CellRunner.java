package io.sluice.bench.run;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.CpuUsage;
import io.sluice.bench.model.LatencySummary;
import io.sluice.bench.model.TlsFigures;
import io.sluice.bench.model.Verification;
import io.sluice.bench.report.ProgressBar;
import io.sluice.bench.stats.Bootstrap;
import io.sluice.bench.stats.LatencySummaries;
import io.sluice.bench.stats.Outliers;
import io.sluice.bench.stats.ThroughputEstimator;
import io.sluice.kafka.embedded.FreePorts;
import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.ClientTls;
import io.sluice.loadgen.LoadGenerator;
import io.sluice.loadgen.LoadResult;
import io.sluice.loadgen.LoadSpec;
import io.sluice.loadgen.ProgressListener;
import io.sluice.loadgen.RequestTemplate;
import io.sluice.loadgen.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one cell of a {@code sluice bench} and measures it: a fresh gateway JVM (or the external server, or the
 * reference design that runs for the whole run), the load, the CPU, and the proof in Kafka. Runs on the
 * orchestrating thread; a cell that breaks comes back FAILED with the reason rather than as an exception.
 */
final class CellRunner {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);

    private final BenchOptions options;
    private final String bootstrap;
    private final long brokerPid;
    private final Path dir;
    private final ReferenceProcess reference;
    private final PrintStream out;
    private final boolean interactive;
    private final ThroughputEstimator estimator = new ThroughputEstimator(Bootstrap.defaults());
    /** The gateway's certificate for the TLS cells, made on the first one. */
    private SelfSignedPem tlsPem;

    /**
     * @param bootstrap   the broker, or null when no cell needs one
     * @param brokerPid   the embedded broker's pid for its CPU, or -1
     * @param reference   the running reference design, or null without {@code --reference}
     * @param interactive draw a progress bar on {@code out}
     */
    CellRunner(BenchOptions options, String bootstrap, long brokerPid, Path dir, ReferenceProcess reference,
               PrintStream out, boolean interactive) {
        this.options = options;
        this.bootstrap = bootstrap;
        this.brokerPid = brokerPid;
        this.dir = dir;
        this.reference = reference;
        this.out = out;
        this.interactive = interactive;
    }

    /**
     * Runs {@code cell}; {@code label} names it in the progress bar, {@code logSuffix} tells the gateway log files of
     * its rounds apart ({@code gateway-<id><suffix>.log}).
     */
    CellResult run(CellSpec cell, String label, String logSuffix) {
        try {
            if (cell.isProducerBaseline()) {
                return runProducerBaseline(cell, label);
            }
            if (cell.isReference()) {
                return runReferenceCell(cell, label);
            }
            return runHttpCell(cell, label, logSuffix);
        } catch (Exception e) {
            return CellResults.failed(cell, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CellResult runHttpCell(CellSpec cell, String label, String logSuffix) throws Exception {
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
                    cell.delivery(), "--default-topic", BenchRunner.TOPIC, "--max-connections", "20000"));
            int loadPort = port;
            if (cell.isTls()) {
                loadPort = FreePorts.pickExcept("127.0.0.1", port);
                args.addAll(tlsArgs(loadPort));
            }
            args.addAll(options.gatewayArgs());
            if (cell.sink().equals("none")) {
                args.addAll(List.of("--sink", "none"));
            } else {
                args.addAll(List.of("--bootstrap-servers", bootstrap));
            }
            String cpus = options.pinCpus() == null ? null : options.pinCpus().get(0);
            Path log = dir.resolve("gateway-" + cell.id().replace('/', '_') + logSuffix + ".log");
            gateway = GatewayProcess.start(port, args, options.gatewayJvmArgs(), cpus, log, Duration.ofSeconds(60));
            request = cell.format().template("127.0.0.1", loadPort, "/topics/" + BenchRunner.TOPIC, cell.batch(),
                    cell.payloadBytes());
        }
        try (TopicOffsets offsets = cell.verifiable() ? new TopicOffsets(bootstrap, BenchRunner.TOPIC) : null) {
            long before = offsets == null ? 0 : offsets.sum();
            CpuWindow cpu = new CpuWindow(gateway == null ? -1 : gateway.pid(), brokerPid);
            LoadResult load = loadGenerator(cell).execute(spec(cell, request), progress(label, cpu));
            cpu.end();
            int exit = gateway == null ? 0 : gateway.stop(Duration.ofSeconds(60));
            gateway = null;
            long records = offsets == null ? 0 : offsets.sum() - before;
            Verification verification = new Verification(successes(load), records, cell.verifiable(), cell.batch());
            return measured(cell, load, cpu, verification, exit != 0 ? "gateway exited with " + exit : null, "");
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    /**
     * The reference design under the raw cells' load (the same body, to {@value ReferenceProcess#PATH}). It answers
     * before it publishes and answers 200 to bad input, so its 2xx prove nothing: the records its topic gained are
     * reported in the note, not checked.
     */
    private CellResult runReferenceCell(CellSpec cell, String label) {
        String gone = reference.whyNotRunning();
        if (gone != null) {
            return CellResults.failed(cell, gone);
        }
        RequestTemplate request = BodyFormat.RAW.template("127.0.0.1", reference.port(), ReferenceProcess.PATH, 1,
                cell.payloadBytes());
        try (TopicOffsets offsets = new TopicOffsets(bootstrap, ReferenceProcess.TOPIC)) {
            long before = offsets.sum();
            CpuWindow cpu = new CpuWindow(reference::cpuSeconds, brokerPid);
            LoadResult load = loadGenerator(cell).execute(spec(cell, request), progress(label, cpu));
            cpu.end();
            long records = offsets.settledSum(Duration.ofSeconds(6)) - before;
            long successes = successes(load);
            String note = "not verified (the reference answers before it publishes, and 200 to bad input); its "
                    + "topic " + ReferenceProcess.TOPIC + " gained " + records + " records for " + successes + " 2xx";
            return measured(cell, load, cpu, new Verification(successes, records, false), reference.whyNotRunning(),
                    note);
        }
    }

    private CellResult runProducerBaseline(CellSpec cell, String label) {
        if (interactive) {
            out.print("\r" + ProgressBar.render(label + " producer alone", 0.5, 30));
        }
        try (TopicOffsets offsets = new TopicOffsets(bootstrap, BenchRunner.TOPIC)) {
            long before = offsets.sum();
            CpuWindow cpu = new CpuWindow(ProcessHandle.current().pid(), brokerPid);
            cpu.begin();
            ProducerBaseline.Result r = ProducerBaseline.run(bootstrap, BenchRunner.TOPIC,
                    RequestTemplate.jsonPayload(cell.payloadBytes()), options.warmup(), options.duration());
            cpu.end();
            long records = offsets.sum() - before;
            return CellResults.of(cell, estimator.estimate(Scenario.KEEPALIVE, r.samples()),
                    new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                    Map.of(), r.failed() == 0 ? Map.of() : Map.of("failed", r.failed()),
                    new CpuUsage(cpu.serverCores(), cpu.brokerCores(), Double.NaN),
                    new Verification(r.acknowledged(), records, true),
                    Outliers.ofSamples(Scenario.KEEPALIVE, r.samples()), r.perSecond(), null,
                    "producer in the bench JVM", null);
        }
    }

    private LoadSpec spec(CellSpec cell, RequestTemplate request) {
        return new LoadSpec(cell.scenario(), request, cell.concurrency(), cell.rate(), options.warmup(),
                options.duration(), options.samples(), REQUEST_TIMEOUT);
    }

    /** Everything the load generator and the CPU window measured, as the cell's result. */
    private CellResult measured(CellSpec cell, LoadResult load, CpuWindow cpu, Verification verification,
                                String problem, String note) {
        return CellResults.of(cell, estimator.estimate(cell.scenario(), load.samples()),
                LatencySummaries.ofMicros(load.latencyMicros()), statuses(load), errors(load),
                new CpuUsage(cpu.serverCores(), cpu.brokerCores(),
                        load.loadgenCpuSeconds() / (load.measuredNanos() / 1e9)),
                verification, Outliers.ofSamples(cell.scenario(), load.samples()), load.completionsPerSecond(),
                problem, note, tlsFigures(cell, load));
    }

    /** 2xx answers, the warm-up's included: its records are in the topic too. */
    private static long successes(LoadResult load) {
        return load.successes() + load.warmupSuccesses();
    }

    /** {@code --tls-cert}, {@code --tls-key} and {@code --tls-port} for a TLS cell's gateway. */
    private List<String> tlsArgs(int tlsPort) throws IOException, InterruptedException {
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
}

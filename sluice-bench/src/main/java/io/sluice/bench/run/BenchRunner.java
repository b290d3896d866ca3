package io.sluice.bench.run;

import io.sluice.bench.model.BenchRun;
import io.sluice.bench.model.CellResult;
import io.sluice.bench.report.CompareReport;
import io.sluice.bench.report.HtmlReport;
import io.sluice.bench.report.JsonReport;
import io.sluice.bench.report.MarkdownReport;
import io.sluice.bench.report.ReferenceSummary;
import io.sluice.bench.report.RoundsSummary;
import io.sluice.bench.report.TerminalTable;
import io.sluice.bench.report.TlsSummary;
import io.sluice.bench.stats.Bootstrap;
import io.sluice.bench.stats.MedianRound;
import io.sluice.kafka.embedded.BrokerProcess;
import io.sluice.kafka.embedded.FreePorts;
import io.sluice.loadgen.BodyFormat;
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
import java.util.Map;

/**
 * Runs a whole {@code sluice bench}: the broker (embedded unless one is named), the reference design when asked
 * for (one process for the whole run), every cell in every round ({@link CellRunner}: one fresh gateway JVM per
 * cell per round), and the reports. Runs on the calling thread.
 */
public final class BenchRunner {
    /** The topic every cell produces to (4 partitions, like the reference experiment's). */
    public static final String TOPIC = "sluice-bench";
    private static final DateTimeFormatter DIR_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final PrintStream out;
    /** A progress bar only on a terminal; logs and pipes get one line per cell. */
    private final boolean interactive = System.console() != null;

    public BenchRunner(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every cell, every round; returns 0 when all passed their verification, 1 otherwise. */
    public int run() throws Exception {
        Instant started = Instant.now();
        Path dir = options.outputRoot().resolve(DIR_NAME.format(started));
        Files.createDirectories(dir);
        List<CellSpec> cells = Matrix.of(options);
        if (options.pinCpus() != null && options.pinCpus().size() > 1) {
            pinThisProcess(options.pinCpus().get(1));
        }
        boolean needsKafka = cells.stream().anyMatch(c -> c.sink().equals("kafka") || c.isProducerBaseline());
        boolean withReference = cells.stream().anyMatch(CellSpec::isReference);
        BrokerProcess broker = null;
        ReferenceProcess reference = null;
        String bootstrap = options.bootstrapServers();
        try {
            if (needsKafka && bootstrap == null) {
                out.println("Starting the embedded Kafka broker...");
                BrokerProcess.Builder b = BrokerProcess.builder().dataDir(dir.resolve("kafka")).brokerPort(0)
                        .topic(TOPIC, 4).maxHeap("1g");
                if (withReference) {
                    b.topic(ReferenceProcess.TOPIC, 4);
                }
                broker = b.start();
                bootstrap = broker.bootstrapServers();
            } else if (needsKafka) {
                BenchTopic.ensure(bootstrap, TOPIC, 4);
                if (withReference) {
                    BenchTopic.ensure(bootstrap, ReferenceProcess.TOPIC, 4);
                }
            }
            Map<String, String> env = EnvironmentProbe.describe(bootstrap == null ? "not used"
                    : (broker != null ? "embedded broker (child JVM, -Xmx1g) at " : "external ") + bootstrap,
                    String.join(" ", gatewayJvmFlags()));
            out.println(TerminalTable.environment(env));
            if (withReference) {
                reference = startReference(bootstrap, dir); // before the warm-up: a launcher that fails, fails early
            }
            if (needsKafka && !options.brokerWarmup().isZero()) {
                out.println("Warming up the broker (" + options.brokerWarmup().toSeconds() + " s)...");
                BrokerWarmup.run(bootstrap, TOPIC, RequestTemplate.jsonPayload(options.payloadBytes()),
                        options.brokerWarmup());
            }
            CellRunner runner = new CellRunner(options, bootstrap, broker == null ? -1 : broker.pid(), dir, reference,
                    out, interactive);
            List<CellResult> results = runRounds(cells, runner);
            BenchRun run = new BenchRun(started.toString(), env, settings(reference), results);
            writeReports(run, dir);
            out.println();
            out.println(TerminalTable.cells(results));
            TlsSummary.lines(results).forEach(out::println);
            ReferenceSummary.lines(results).forEach(out::println);
            RoundsSummary.lines(results).forEach(out::println);
            out.println("Reports: " + dir.resolve(JsonReport.FILE_NAME) + ", report.md, report.html");
            if (options.compare() != null) {
                out.println(CompareReport.of(JsonReport.read(options.compare()), run).render());
            }
            return results.stream().anyMatch(r -> r.status().equals("FAILED")) ? 1 : 0;
        } finally {
            if (reference != null) {
                stopReference(reference);
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    /**
     * Every cell once per round, round-robin (round 1 runs every cell, then round 2...), each printed when it
     * ends; then each cell's rounds merged into the one the reports show ({@link MedianRound}).
     */
    private List<CellResult> runRounds(List<CellSpec> cells, CellRunner runner) {
        int rounds = options.rounds();
        List<List<CellResult>> byCell = new ArrayList<>();
        cells.forEach(c -> byCell.add(new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < cells.size(); i++) {
                CellSpec cell = cells.get(i);
                String label = String.format("[%d/%d%s] %s", i + 1, cells.size(),
                        rounds > 1 ? " round " + round + "/" + rounds : "", cell.id());
                CellResult r = runner.run(cell, label, rounds > 1 ? "-round" + round : "");
                byCell.get(i).add(r);
                if (interactive) {
                    out.print("\r" + " ".repeat(120) + "\r");
                }
                out.println(progressLine(label, r));
            }
        }
        return byCell.stream().map(MedianRound::of).toList();
    }

    /** {@code [3/12] id  OK  81,432 req/s  18.4 us CPU/req  2,443,000 x 2xx  note}. */
    private static String progressLine(String label, CellResult r) {
        boolean batches = r.recordsPerRequest() > 1;
        double perRequest = r.cpu() == null ? Double.NaN : r.cpu().gatewayMicrosPerRequest();
        return label + "  " + r.status() + "  " + String.format("%,.0f", r.throughput().estimate()) + " req/s  "
                + (batches ? String.format("%,.0f", r.recordsPerSecond()) + " records/s  " : "")
                + (Double.isNaN(perRequest) ? "" : String.format("%.1f us CPU/req  ", perRequest))
                + r.verification().successes() + " x 2xx" + (batches ? " x " + r.recordsPerRequest() + " records" : "")
                + (r.note().isEmpty() ? "" : "  " + r.note());
    }

    /** The reference design on a free port, producing to its own topic, until the run ends. */
    private ReferenceProcess startReference(String bootstrap, Path dir) throws IOException, InterruptedException {
        int port = FreePorts.pick("127.0.0.1");
        out.println("Starting the reference design " + options.reference() + " on 127.0.0.1:" + port + " (topic "
                + ReferenceProcess.TOPIC + ")...");
        return ReferenceProcess.start(options.reference(), port, bootstrap, ReferenceProcess.TOPIC,
                dir.resolve("reference.log"), Duration.ofSeconds(120));
    }

    private void stopReference(ReferenceProcess reference) {
        try {
            int exit = reference.stop(Duration.ofSeconds(15));
            if (exit != 0) {
                out.println("The reference design exited with " + exit + "; see " + reference.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reference.close();
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

    private Map<String, String> settings(ReferenceProcess reference) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("matrix", options.quick() ? "quick" : "full");
        s.put("runtimes", String.join(",", options.runtimes()));
        s.put("http", String.join(",", options.https()));
        s.put("delivery", String.join(",", options.deliveries()));
        s.put("scenarios", String.join(",", options.scenarios().stream().map(Scenario::cliName).toList()));
        s.put("payload bytes", Integer.toString(options.payloadBytes()));
        s.put("formats", String.join(",", options.formats().stream().map(BodyFormat::cliName).toList()));
        s.put("batch", Integer.toString(options.batch()));
        s.put("connections", String.join(",", options.connections().stream().map(String::valueOf).toList()));
        s.put("burst size", Integer.toString(options.burstSize()));
        s.put("rate", Double.toString(options.rate()));
        s.put("warm-up", options.warmup().toString());
        s.put("duration", options.duration().toString());
        s.put("burst samples", Integer.toString(options.samples()));
        s.put("broker warm-up", options.brokerWarmup().toString());
        s.put("rounds", options.rounds() + (options.rounds() > 1 ? " (round-robin; each cell reports its median "
                + "round, FAILED if any round failed)" : ""));
        if (reference != null) {
            s.put("reference", options.reference().toAbsolutePath() + " on 127.0.0.1:" + reference.port()
                    + ", topic " + ReferenceProcess.TOPIC + " (4 partitions), POST " + ReferenceProcess.PATH
                    + " with the raw cells' body; one process for the whole run, CPU of its process tree; log "
                    + reference.log().getFileName());
        }
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
}

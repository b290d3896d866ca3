package io.sluice.cli;

import io.sluice.bench.run.BenchOptions;
import io.sluice.bench.run.BenchRunner;
import io.sluice.bench.run.ReferenceProcess;
import io.sluice.gateway.transport.NettyTransport;
import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sluice bench}: the reference experiment's question, answered for every runtime, with
 * confidence intervals, latency percentiles, errors and proof in Kafka. The matrix axes default to a
 * run of about 10 minutes on a 2-core machine ({@code --quick}: about 2).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Benchmark Sluice's runtimes: a fresh gateway JVM per cell, the embedded broker unless "
                + "--bootstrap-servers is given, reports in bench-results/<timestamp>/ (results.json, report.md, "
                + "report.html).", "Exit code 1 if any cell fails its verification (2xx answers = records in Kafka)."},
        footer = {"", "Default matrix (about 10 minutes on 2 cores): --io nio,epoll,io_uring,virtual --http raw,codec "
                + "--delivery async,ack --scenario keepalive,burst, plus baselines (--sink none and the producer "
                + "alone).", "--quick (about 2 minutes): --io auto (the runtime `sluice serve` runs by default: "
                + "io_uring where available, else epoll, else nio) --http raw, shorter warm-up and measurement.",
                "Against the reference design, in the same run: --reference \"$(scripts/reference-build)\" --io "
                + "io_uring --http raw --delivery async,ack --scenario keepalive,burst --connections 64,1000 "
                + "--rounds 3 --warmup 15s --duration 10s --no-baselines"})
public final class BenchCommand implements Callable<Integer> {
    private static final String AUTO = "auto";

    @Option(names = "--quick", description = "The short matrix (about 2 minutes): the runtime `sluice serve` runs "
            + "by default (--io auto), raw HTTP.")
    boolean quick;

    @Option(names = "--io", split = ",", paramLabel = "RUNTIME", description = "Runtimes to test (nio, epoll, "
            + "io_uring, virtual; auto: what `sluice serve` runs by default, io_uring where available, else epoll, "
            + "else nio). Default: all four; --quick: auto.")
    List<String> runtimes;

    @Option(names = "--http", split = ",", paramLabel = "STYLE", description = "HTTP styles (raw, codec). "
            + "Default: both; --quick: raw.")
    List<String> https;

    @Option(names = "--delivery", split = ",", paramLabel = "MODE", description = "Delivery modes (async, ack). "
            + "Default: both.")
    List<String> deliveries;

    @Option(names = "--scenario", split = ",", paramLabel = "SCENARIO", description = "Load shapes: burst "
            + "(the experiment's K concurrent new-connection POSTs), keepalive, connect, rate. Default: keepalive,burst.")
    List<String> scenarios;

    @Option(names = "--payload-bytes", defaultValue = "34", description = "Body size; the default is the "
            + "experiment's ~34-byte JSON. Default: ${DEFAULT-VALUE}.")
    int payloadBytes;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "How requests carry records, one cell each: raw (one record per request, the experiment's "
                    + "body), ndjson (application/x-ndjson, --batch lines), v2-json (the REST Proxy v2 envelope "
                    + "{\"records\":[{\"value\":{...}}, ...]}, --batch records). Default: raw.")
    List<BodyFormat> formats;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "N", description = "Records per request of ndjson "
            + "and v2-json (raw always sends 1); the report gives records/s next to req/s, and Kafka must hold "
            + "2xx x N records. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--connections", defaultValue = "64", split = ",", paramLabel = "N", description = "Keep-alive "
            + "connections (keepalive, rate) or workers (connect); a list (64,1000) makes those cells once per count "
            + "(burst uses --burst-size). Default: ${DEFAULT-VALUE}.")
    List<Integer> connections;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N", description = "Run the whole list of cells N "
            + "times, round-robin (a fresh gateway JVM per cell per round); each cell reports the round with the "
            + "median throughput, keeps every round's figures, and is FAILED if any round failed. "
            + "Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--reference", paramLabel = "PATH", description = "Also measure the reference design, started "
            + "once as `PATH PORT BOOTSTRAP TOPIC` (its run.sh; scripts/reference-build prints the path) against the "
            + "bench's broker and topic reference-bench: one cell per scenario and connection count, right before "
            + "Sluice's, POSTing the raw cells' body to /payload. Not verified (it answers before it publishes); "
            + "a 'vs reference' summary gives each Sluice cell's req/s and CPU/req as multiples of it.")
    Path reference;

    @Option(names = "--burst-size", defaultValue = "1000", description = "K of the burst scenario. "
            + "Default: ${DEFAULT-VALUE}.")
    int burstSize;

    @Option(names = "--rate", defaultValue = "20000", description = "Offered requests per second for the rate "
            + "scenario (open loop). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--warmup", paramLabel = "DURATION", description = "Warm-up per cell (excluded). "
            + "Default: 4s; --quick: 3s.")
    String warmup;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Measurement per cell. "
            + "Default: 8s; --quick: 5s.")
    String duration;

    @Option(names = "--broker-warmup", paramLabel = "DURATION", description = "Produce to the bench topic this "
            + "long before the first cell, so a fresh broker is JIT-warm (0s: skip). Default: 30s; --quick: 20s.")
    String brokerWarmup;

    @Option(names = "--samples", defaultValue = "10", description = "Samples of the burst scenario. "
            + "Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--tls", description = "Also run every gateway cell over TLS, right after its plaintext twin: "
            + "the gateway gets a generated self-signed certificate (--tls-cert, --tls-key, --tls-port) and the load "
            + "generator trusts it. Keep-alive and rate once; burst and connect twice, with session resumption and "
            + "with full handshakes only. Reports the TLS/plaintext keep-alive ratio and handshakes per second.")
    boolean tls;

    @Option(names = "--no-baselines", description = "Skip the --sink none and producer-alone cells.")
    boolean noBaselines;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this Kafka instead of "
            + "the embedded broker (the topic sluice-bench is created if missing).")
    String bootstrapServers;

    @Option(names = "--target-url", paramLabel = "URL", description = "Drive this external HTTP server with the "
            + "same load instead of Sluice (e.g. http://127.0.0.1:8080/topics/events); no verification. To measure "
            + "the reference design next to Sluice, use --reference instead.")
    String targetUrl;

    @Option(names = "--pin", paramLabel = "GATEWAY_CPUS:LOADGEN_CPUS", description = "Pin the gateway and the "
            + "load generator with taskset, e.g. 0:1 (emulates a dedicated server).")
    String pin;

    @Option(names = "--output", defaultValue = "bench-results", description = "Where reports go. "
            + "Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--compare", paramLabel = "FILE", description = "A previous results.json: print the change "
            + "per cell with its interval.")
    Path compare;

    @Mixin
    GatewayPassthrough gateway = new GatewayPassthrough();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        BenchOptions options = options();
        try {
            return new BenchRunner(options, out).run();
        } catch (ReferenceProcess.NotStarted e) {
            throw new CliException(e.getMessage() + " (--reference starts it as PATH PORT BOOTSTRAP TOPIC)", e);
        }
    }

    BenchOptions options() {
        List<String> io = (runtimes != null ? runtimes : quick ? List.of(AUTO) : List.of("nio", "epoll", "io_uring",
                "virtual")).stream().map(BenchCommand::resolveIo).distinct().toList();
        List<String> http = https != null ? https : quick ? List.of("raw") : List.of("raw", "codec");
        List<String> delivery = deliveries != null ? deliveries : List.of("async", "ack");
        List<Scenario> shapes = (scenarios != null ? scenarios : List.of("keepalive", "burst")).stream()
                .map(Scenario::parse).toList();
        Duration w = HumanDuration.parse(warmup != null ? warmup : quick ? "3s" : "4s");
        Duration d = HumanDuration.parse(duration != null ? duration : quick ? "5s" : "8s");
        List<String> pins = pin == null ? null : Arrays.asList(pin.split(":", 2));
        if (batch < 1 || batch > 100_000) {
            throw new ParameterException(spec.commandLine(), "--batch must be between 1 and 100000 records per "
                    + "request, not " + batch);
        }
        List<BodyFormat> bodies = formats != null ? formats.stream().distinct().toList() : List.of(BodyFormat.RAW);
        if (connections.stream().anyMatch(c -> c < 1)) {
            throw new ParameterException(spec.commandLine(), "--connections takes counts of at least 1, not "
                    + connections);
        }
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, not " + rounds);
        }
        checkReference();
        return new BenchOptions(io, http, delivery, shapes, payloadBytes, connections.stream().distinct().toList(),
                burstSize, rate, w, d,
                quick ? Math.min(samples, 6) : samples, !noBaselines && targetUrl == null, quick, bootstrapServers,
                targetUrl, pins, output, compare, gateway.jvmArgs(),
                gateway.serveArgs(),
                HumanDuration.parse(brokerWarmup != null ? brokerWarmup : quick ? "20s" : "30s"),
                tls && targetUrl == null, bodies, batch, rounds, reference);
    }

    /** {@code auto} as {@code sluice serve --io auto} resolves it on this machine; other names as given. */
    static String resolveIo(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals(AUTO) ? NettyTransport.preferredIo().cliName() : n;
    }

    /** An executable --reference, and not together with --target-url (which replaces Sluice's cells). */
    private void checkReference() {
        if (reference == null) {
            return;
        }
        if (targetUrl != null) {
            throw new ParameterException(spec.commandLine(), "--reference and --target-url do not go together: "
                    + "--target-url drives another server instead of Sluice; --reference measures the reference "
                    + "design next to Sluice");
        }
        if (!Files.isRegularFile(reference) || !Files.isExecutable(reference)) {
            throw new ParameterException(spec.commandLine(), "--reference " + reference + " is not an executable "
                    + "file; build the reference design with scripts/reference-build, which prints the path of its "
                    + "run.sh");
        }
    }

    /** {@code --format} values by their command-line names (raw, ndjson, v2-json). */
    static final class FormatConverter implements ITypeConverter<BodyFormat> {
        @Override
        public BodyFormat convert(String value) {
            return BodyFormat.parse(value);
        }
    }
}

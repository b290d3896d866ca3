package io.sluice.cli;

import io.sluice.bench.run.BenchOptions;
import io.sluice.bench.run.BenchRunner;
import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
                + "alone).", "--quick (about 2 minutes): --io epoll --http raw, shorter warm-up and measurement."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "The short matrix (about 2 minutes).")
    boolean quick;

    @Option(names = "--io", split = ",", paramLabel = "RUNTIME", description = "Runtimes to test (nio, epoll, "
            + "io_uring, virtual). Default: all; --quick: epoll.")
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

    @Option(names = "--connections", defaultValue = "64", description = "Keep-alive connections (keepalive, "
            + "rate) or workers (connect). Default: ${DEFAULT-VALUE}.")
    int connections;

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
            + "same load instead of Sluice (e.g. http://127.0.0.1:8080/topics/events); no verification.")
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
        return new BenchRunner(options(), out).run();
    }

    BenchOptions options() {
        List<String> io = runtimes != null ? runtimes : quick ? List.of("epoll") : List.of("nio", "epoll", "io_uring",
                "virtual");
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
        return new BenchOptions(io, http, delivery, shapes, payloadBytes, connections, burstSize, rate, w, d,
                quick ? Math.min(samples, 6) : samples, !noBaselines && targetUrl == null, quick, bootstrapServers,
                targetUrl, pins, output, compare, gateway.jvmArgs(),
                gateway.serveArgs(),
                HumanDuration.parse(brokerWarmup != null ? brokerWarmup : quick ? "20s" : "30s"),
                tls && targetUrl == null, bodies, batch);
    }

    /** {@code --format} values by their command-line names (raw, ndjson, v2-json). */
    static final class FormatConverter implements ITypeConverter<BodyFormat> {
        @Override
        public BodyFormat convert(String value) {
            return BodyFormat.parse(value);
        }
    }
}

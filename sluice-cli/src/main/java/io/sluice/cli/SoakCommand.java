package io.sluice.cli;

import io.sluice.bench.soak.SoakBounds;
import io.sluice.bench.soak.SoakOptions;
import io.sluice.bench.soak.SoakRunner;
import io.sluice.gateway.transport.NettyTransport;
import io.sluice.loadgen.Scenario;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice soak}: sustained load against each runtime, watched second by second, then the proof in Kafka
 * that every acknowledged request arrived. Exit code 1 on a stall, a loss, growth beyond its bound, too many
 * errors, or a gateway that did not stop cleanly.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Soak test: sustained load on one runtime (--io all: each in turn), in keepalive and "
                + "connect mode (a new connection per request: accept, ephemeral ports, TIME_WAIT), every request "
                + "carrying a unique id. A fresh gateway JVM and topic per phase; the embedded broker unless "
                + "--bootstrap-servers is given. Reports in soak-results/soak-<timestamp>/ (soak.json, soak.html).",
            "Per second: requests started, answered, failed and outstanding; the gateway's RSS, heap, GC pause, "
                + "open files and threads; TIME_WAIT sockets. Twice, at the end of the 10-20%% window and near the "
                + "end, the live heap: heap in use right after a full collection forced with jcmd GC.run. After "
                + "each phase the gateway is stopped with SIGTERM (it drains and flushes) and the topic is read "
                + "back: in ack delivery every acknowledged id must be there exactly once, in async delivery at "
                + "least once.",
            "Exit code 1 on any stall (a second with requests outstanding and nothing answered), a missing "
                + "acknowledged id, growth beyond its bound (RSS +10%% + 32 MiB, live heap +50%% + 32 MiB, open "
                + "files +25%% + 64, threads +16, from 10-20%% into the run to its last 10%%, runs of 60 s or more), "
                + "more than --max-error-rate failed or non-2xx requests, or a gateway exit code other than 0."})
public final class SoakCommand implements Callable<Integer> {
    private static final List<String> ALL = List.of("nio", "epoll", "io_uring", "virtual");

    @Option(names = "--io", split = ",", paramLabel = "RUNTIME", defaultValue = "auto",
            description = "Runtime(s) to soak: nio, epoll, io_uring, virtual, all, or auto (what `sluice serve` "
                    + "picks: io_uring where available, else epoll, else nio). Default: ${DEFAULT-VALUE}.")
    List<String> runtimes;

    @Option(names = "--http", defaultValue = "raw", paramLabel = "STYLE",
            description = "HTTP style: raw or codec (codec does not run on virtual). Default: ${DEFAULT-VALUE}.")
    String http;

    @Option(names = "--mode", split = ",", defaultValue = "keepalive,connect", paramLabel = "MODE",
            description = "Load shapes, a phase each: keepalive, connect. Default: ${DEFAULT-VALUE}.")
    List<String> modes;

    @Option(names = "--delivery", defaultValue = "ack", paramLabel = "MODE",
            description = "ack (checked exactly once) or async (checked at least once). Default: ${DEFAULT-VALUE}.")
    String delivery;

    @Option(names = "--duration", defaultValue = "10m", paramLabel = "DURATION",
            description = "Load per phase. Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--connections", defaultValue = "64",
            description = "Keep-alive connections, or connect-mode workers. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "REQ/S",
            description = "Offer this many requests per second (open loop, over up to --connections keep-alive "
                    + "connections) instead of the closed loop, so the load is the same on any machine; keepalive "
                    + "mode only. Default: ${DEFAULT-VALUE} (closed loop).")
    double rate;

    @Option(names = "--payload-bytes", defaultValue = "64",
            description = "Body size (at least 44: the id payload). Default: ${DEFAULT-VALUE}.")
    int payloadBytes;

    @Option(names = "--request-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "A request unanswered this long counts as a timeout. Default: ${DEFAULT-VALUE}.")
    String requestTimeout;

    @Option(names = "--max-rss-growth", defaultValue = "10", paramLabel = "PERCENT",
            description = "RSS growth allowed, in percent, on top of 32 MiB. Default: ${DEFAULT-VALUE}.")
    double maxRssGrowth;

    @Option(names = "--max-error-rate", defaultValue = "0.1", paramLabel = "PERCENT",
            description = "Requests without an answer or with a non-2xx one, in percent of those sent. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxErrorRate;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka instead of the embedded broker (a topic per phase is created).")
    String bootstrapServers;

    @Option(names = "--broker-quota", paramLabel = "SIZE", converter = ByteSize.Converter.class, description = "Play a slow broker: a Kafka quota "
            + "(producer_byte_rate) of SIZE per second for every producer, removed afterwards. With a load far "
            + "above it, the soak shows overload: fast 503s, bounded memory (pair with --max-error-rate 100).")
    Integer brokerQuota;

    @Option(names = "--output", defaultValue = "soak-results", description = "Where reports go. "
            + "Default: ${DEFAULT-VALUE}.")
    Path output;

    @Mixin
    GatewayPassthrough gateway = new GatewayPassthrough();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        return new SoakRunner(options(), out).run();
    }

    SoakOptions options() {
        List<String> io = new ArrayList<>();
        for (String r : runtimes) {
            String v = r.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("all")) {
                io.addAll(ALL);
            } else if (v.equals("auto")) {
                io.add(NettyTransport.preferredIo().cliName());
            } else if (ALL.contains(v)) {
                io.add(v);
            } else {
                throw new CliException("unknown runtime '" + r + "' for --io; use nio, epoll, io_uring, virtual or all");
            }
        }
        if (!Set.of("raw", "codec").contains(http)) {
            throw new CliException("unknown --http '" + http + "'; use raw or codec");
        }
        if (http.equals("codec") && io.contains("virtual")) {
            throw new CliException("--http codec does not run on --io virtual; use --http raw, or leave virtual out");
        }
        if (!Set.of("ack", "async").contains(delivery)) {
            throw new CliException("unknown --delivery '" + delivery + "'; use ack or async");
        }
        List<Scenario> shapes = new ArrayList<>();
        for (String m : modes) {
            Scenario s = Scenario.parse(m);
            if (s != Scenario.KEEPALIVE && s != Scenario.CONNECT) {
                throw new CliException("--mode " + m + " is not a soak mode; use keepalive, connect or both");
            }
            shapes.add(s);
        }
        if (rate < 0) {
            throw new CliException("--rate must be at least 0 (0: closed loop), was " + rate);
        }
        if (rate > 0 && !shapes.equals(List.of(Scenario.KEEPALIVE))) {
            throw new CliException("--rate goes with keepalive mode only (connect mode is a closed loop of new "
                    + "connections); add --mode keepalive");
        }
        if (payloadBytes < 44) {
            throw new CliException("--payload-bytes must be at least 44 (the id payload), was " + payloadBytes);
        }
        if (connections < 1) {
            throw new CliException("--connections must be at least 1, was " + connections);
        }
        Duration d = HumanDuration.parse(duration);
        if (d.toSeconds() < 1) {
            throw new CliException("--duration must be at least 1s, was " + duration);
        }
        SoakBounds bounds = SoakBounds.defaults().withRssGrowth(maxRssGrowth / 100)
                .withMaxErrorRate(maxErrorRate / 100);
        return new SoakOptions(List.copyOf(io), http, List.copyOf(shapes), delivery, d, connections, rate, payloadBytes,
                HumanDuration.parse(requestTimeout), bootstrapServers, output, bounds,
                gateway.jvmArgs(), gateway.serveArgs(),
                brokerQuota == null ? 0 : brokerQuota);
    }
}

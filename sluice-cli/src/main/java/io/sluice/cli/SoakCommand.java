package io.sluice.cli;

import io.sluice.bench.soak.EventSchedule;
import io.sluice.bench.soak.HaproxyProcess;
import io.sluice.bench.soak.SoakBounds;
import io.sluice.bench.soak.SoakOptions;
import io.sluice.bench.soak.SoakRunner;
import io.sluice.bench.soak.Topology;
import io.sluice.bench.soak.TopologyRunner;
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
                + "more than --max-error-rate failed or non-2xx requests, or a gateway exit code other than 0.",
            "--topology 3x3: 3 gateway JVMs in ack mode behind HAProxy (health checks on /readyz; needs the "
                + "`haproxy` package), in front of a 3-node KRaft cluster (replication 3, min.insync.replicas 2). "
                + "Open-loop load (--rate, default " + SoakCommand.TOPOLOGY_RATE + " req/s; --duration default "
                + SoakCommand.TOPOLOGY_DURATION + ") through HAProxy with unique ids; meanwhile each gateway in turn "
                + "is restarted with SIGTERM, then the Kafka node that is the active controller is SIGKILLed and restarted. "
                + "Exit code 1 unless every acknowledged id is in Kafka exactly once, clients saw nothing but 2xx and "
                + "503, and 2xx/s was back to 80%% of its level before (at most the offered rate) within 5 s of "
                + "each event. Reports in soak-results/topology-3x3-<timestamp>/ (topology.md, topology.html, topology.json, haproxy.cfg)."})
public final class SoakCommand implements Callable<Integer> {
    private static final List<String> ALL = List.of("nio", "epoll", "io_uring", "virtual");
    static final String DURATION = "10m";
    static final String TOPOLOGY_DURATION = "120s";
    static final int TOPOLOGY_RATE = 100;

    @Option(names = "--topology", paramLabel = "GxB",
            description = "Scale-out run instead of the phases: G gateways behind HAProxy, B Kafka nodes (e.g. 3x3), "
                    + "a rolling restart and a broker SIGKILL under load. Needs haproxy (apt-get install -y haproxy).")
    String topology;

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

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Load per phase. Default: " + DURATION + "; " + TOPOLOGY_DURATION + " with --topology.")
    String duration;

    @Option(names = "--connections", defaultValue = "64",
            description = "Keep-alive connections, or connect-mode workers. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--rate", paramLabel = "REQ/S",
            description = "Offer this many requests per second (open loop, over up to --connections keep-alive "
                    + "connections) instead of the closed loop, so the load is the same on any machine; keepalive "
                    + "mode only. Default: 0 (closed loop); " + TOPOLOGY_RATE + " with --topology.")
    Double rate;

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
        Topology shape = topology();
        if (shape != null) {
            if (HaproxyProcess.binary().isEmpty()) {
                throw new CliException(HaproxyProcess.INSTALL_HINT);
            }
            return new TopologyRunner(shape, options(), out).run();
        }
        return new SoakRunner(options(), out).run();
    }

    /** The --topology shape, or null for the ordinary phases. */
    Topology topology() {
        if (topology == null) {
            return null;
        }
        try {
            return Topology.parse(topology);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    SoakOptions options() {
        Topology shape = topology();
        double offered = rate != null ? rate : shape != null ? TOPOLOGY_RATE : 0;
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
        if (shape != null) {
            refuseWithTopology(io.size() > 1, "--io with more than one runtime (a topology runs one)");
            refuseWithTopology(bootstrapServers != null, "--bootstrap-servers (a topology runs its own Kafka cluster)");
            refuseWithTopology(brokerQuota != null, "--broker-quota");
            refuseWithTopology(!delivery.equals("ack"), "--delivery async (a topology proves ack delivery)");
            refuseWithTopology(offered <= 0, "--rate 0 (a topology's load is an open loop at a fixed rate)");
        }
        List<Scenario> shapes = new ArrayList<>();
        for (String m : shape != null ? List.of("keepalive") : modes) {
            Scenario s = Scenario.parse(m);
            if (s != Scenario.KEEPALIVE && s != Scenario.CONNECT) {
                throw new CliException("--mode " + m + " is not a soak mode; use keepalive, connect or both");
            }
            shapes.add(s);
        }
        if (offered < 0) {
            throw new CliException("--rate must be at least 0 (0: closed loop), was " + offered);
        }
        if (offered > 0 && !shapes.equals(List.of(Scenario.KEEPALIVE))) {
            throw new CliException("--rate goes with keepalive mode only (connect mode is a closed loop of new "
                    + "connections); add --mode keepalive");
        }
        if (payloadBytes < 44) {
            throw new CliException("--payload-bytes must be at least 44 (the id payload), was " + payloadBytes);
        }
        if (connections < 1) {
            throw new CliException("--connections must be at least 1, was " + connections);
        }
        Duration d = HumanDuration.parse(duration != null ? duration : shape != null ? TOPOLOGY_DURATION : DURATION);
        if (d.toSeconds() < 1) {
            throw new CliException("--duration must be at least 1s, was " + duration);
        }
        if (shape != null && d.compareTo(EventSchedule.MIN_DURATION) < 0) {
            throw new CliException("--duration must be at least " + EventSchedule.MIN_DURATION.toSeconds()
                    + "s with --topology (its events need about 10 s each), was " + duration);
        }
        SoakBounds bounds = SoakBounds.defaults().withRssGrowth(maxRssGrowth / 100)
                .withMaxErrorRate(maxErrorRate / 100);
        return new SoakOptions(List.copyOf(io), http, List.copyOf(shapes), delivery, d, connections, offered, payloadBytes,
                HumanDuration.parse(requestTimeout), bootstrapServers, output, bounds,
                gateway.jvmArgs(), gateway.serveArgs(),
                brokerQuota == null ? 0 : brokerQuota);
    }

    private static void refuseWithTopology(boolean refused, String what) {
        if (refused) {
            throw new CliException("--topology does not go with " + what);
        }
    }
}

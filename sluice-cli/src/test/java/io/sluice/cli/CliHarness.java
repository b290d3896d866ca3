package io.sluice.cli;

import io.sluice.gateway.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command line against fakes: a broker and a gateway that only record what they were asked,
 * and a stop signal that arrives at once. Captures stdout and stderr.
 */
final class CliHarness {

    final Map<String, String> env = new HashMap<>();
    final List<String> events = new ArrayList<>();
    GatewayConfig startedWith;
    Path brokerDataDir;
    Integer brokerPort;
    Map<String, Integer> brokerTopics;
    RuntimeException gatewayFailure;
    Exception brokerFailure;
    Path procLimits = Path.of("/nonexistent/limits");
    String out = "";
    String err = "";

    int run(String... args) {
        CommandLine cli = SluiceCli.create(new CliContext(env, this::startBroker, this::startGateway,
                cleanup -> events.add("stop requested"), 8, procLimits));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Runs {@code serve} with the given arguments plus an external Kafka, and returns the gateway's config. */
    GatewayConfig serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = run(all);
        if (code != 0) {
            throw new AssertionError("serve exited " + code + ": " + err);
        }
        return startedWith;
    }

    private EmbeddedBrokerLauncher.RunningBroker startBroker(Path dataDir, int port, Map<String, Integer> topics)
            throws Exception {
        if (brokerFailure != null) {
            throw brokerFailure;
        }
        brokerDataDir = dataDir;
        brokerPort = port;
        brokerTopics = topics;
        events.add("broker started");
        return new EmbeddedBrokerLauncher.RunningBroker() {
            @Override
            public String bootstrapServers() {
                return "127.0.0.1:" + port;
            }

            @Override
            public void close() {
                events.add("broker closed");
            }
        };
    }

    private GatewayLauncher.RunningGateway startGateway(GatewayConfig config) {
        if (gatewayFailure != null) {
            throw gatewayFailure;
        }
        startedWith = config;
        events.add("gateway started");
        return new GatewayLauncher.RunningGateway() {
            @Override
            public int port() {
                return config.port();
            }

            @Override
            public void close() {
                events.add("gateway closed");
            }
        };
    }
}

package io.sluice.loadgen;

import java.time.Duration;

/**
 * Measures the load generator's own ceiling against a server on this machine (start {@link HelloServerMain} in
 * another JVM): {@code java -cp ... io.sluice.loadgen.ThroughputCheckMain PORT SCENARIO CONCURRENCY SECONDS
 * [THREADS] [RATE] [plain|tls|tls-full]}. Prints throughput, the generator's CPU use and, over TLS, full and
 * resumed handshakes. Not a test.
 */
public final class ThroughputCheckMain {
    private ThroughputCheckMain() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Scenario scenario = Scenario.parse(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        RequestTemplate request = new RequestTemplate("127.0.0.1", port, "/topics/t", "application/json",
                RequestTemplate.jsonPayload(35));
        LoadSpec spec = new LoadSpec(scenario, request, concurrency, rate, Duration.ofSeconds(2),
                Duration.ofSeconds(seconds), 11, Duration.ofSeconds(2));
        String transport = args.length > 6 ? args[6] : "plain";
        LoadGenerator.Builder builder = LoadGenerator.builder().threads(threads);
        if (!transport.equals("plain")) {
            ClientTls tls = ClientTls.trustingAnyCertificate();
            builder.tls(transport.equals("tls-full") ? tls.withoutResumption() : tls);
        }
        LoadResult r = builder.build().execute(spec, ProgressListener.NONE);
        double secs = r.measuredNanos() / 1e9;
        System.out.printf("%s c=%d threads=%d: %.0f req/s (2xx %d, sent %d, errors %s), generator CPU %.0f%% of one core"
                        + ", p50 %d us, p99 %d us, p99.9 %d us; %s, handshakes %d full, %d resumed%n",
                scenario.cliName(), concurrency, threads, r.successes() / secs, r.successes(), r.sent(), r.errors(),
                100 * r.loadgenCpuSeconds() / secs, r.latencyMicros().getValueAtPercentile(50),
                r.latencyMicros().getValueAtPercentile(99), r.latencyMicros().getValueAtPercentile(99.9), transport,
                r.handshakes().full(), r.handshakes().resumed());
    }
}

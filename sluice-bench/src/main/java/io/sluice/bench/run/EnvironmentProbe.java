package io.sluice.bench.run;

import io.netty.channel.uring.IoUring;
import io.netty.util.Version;
import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.ProducerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Describes the machine and software a run happened on, for the report's environment block. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static Map<String, String> describe(String kafka, String gatewayFlags) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cpu", cpuModel());
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("memory", (bytes("/proc/meminfo", "MemTotal:") >> 30) + " GiB");
        env.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("bench jvm flags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        env.put("gateway jvm flags", gatewayFlags);
        Version netty = Version.identify().get("netty-common");
        env.put("netty", netty == null ? "?" : netty.artifactVersion());
        env.put("io_uring", IoUring.isAvailable() ? IoUring.featureString()
                : "unavailable: " + IoUring.unavailabilityCause());
        env.put("open files limit", limit("Max open files"));
        env.put("somaxconn", read("/proc/sys/net/core/somaxconn"));
        env.put("ip_local_port_range", read("/proc/sys/net/ipv4/ip_local_port_range"));
        env.put("tcp_tw_reuse", read("/proc/sys/net/ipv4/tcp_tw_reuse"));
        env.put("kafka", kafka);
        env.put("producer (ack)", ProducerSettings.masked(ProducerSettings.effective("(as above)", DeliveryMode.ACK,
                Map.of())).toString());
        env.put("producer (async)", differences(ProducerSettings.defaults(DeliveryMode.ACK),
                ProducerSettings.defaults(DeliveryMode.ASYNC)));
        return env;
    }

    /** "the same with k=v, ..." for what {@code other} sets differently (or leaves to Kafka: "k unset"). */
    static String differences(Map<String, String> base, Map<String, String> other) {
        java.util.List<String> changes = new java.util.ArrayList<>();
        other.forEach((k, v) -> {
            if (!v.equals(base.get(k))) {
                changes.add(k + "=" + v);
            }
        });
        base.keySet().stream().filter(k -> !other.containsKey(k)).forEach(k -> changes.add(k + " Kafka's default"));
        return "the same with " + String.join(", ", changes);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long bytes(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(0) * 1024;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String limit(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith(name))
                    .map(l -> l.substring(name.length()).trim().split("\\s+")[0]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(String file) {
        try {
            // Not Files.readString: /proc files report size 0 and came back truncated here.
            return String.join(" ", Files.readAllLines(Path.of(file))).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "?";
        }
    }
}

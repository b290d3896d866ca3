package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd: the unit's hardening and stop timeout, its environment file through the real CLI, systemd's own verdict. */
class SystemdUnitTest {

    private static final Path DIR = Path.of(System.getProperty("sluice.deploy.dir", "../deploy"), "systemd");
    private static final Path UNIT = DIR.resolve("sluice.service");
    private static final Path ENV = DIR.resolve("sluice.env");

    @TempDir
    Path tmp;

    /** The [Service] section's settings; a key set twice keeps every value. */
    private static Map<String, List<String>> service() throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(UNIT)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                section = l;
            } else if (section.equals("[Service]")) {
                int eq = l.indexOf('=');
                settings.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
            }
        }
        return settings;
    }

    private static String one(Map<String, List<String>> service, String key) {
        assertThat(service).as("[Service] " + key).containsKey(key);
        return service.get(key).get(service.get(key).size() - 1);
    }

    /** The environment file's variables (systemd's syntax: KEY=value lines, # comments). */
    private static Map<String, String> environmentFile() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                env.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void shouldRunAsAHardenedExecServiceWithAStateDirectory() throws IOException {
        Map<String, List<String>> s = service();

        assertThat(one(s, "Type")).isEqualTo("exec");
        assertThat(one(s, "ExecStart")).endsWith("/bin/sluice serve");
        assertThat(one(s, "DynamicUser")).isEqualTo("yes");
        assertThat(one(s, "ProtectSystem")).isEqualTo("strict");
        assertThat(one(s, "NoNewPrivileges")).isEqualTo("yes");
        assertThat(one(s, "PrivateTmp")).isEqualTo("yes");
        assertThat(one(s, "CapabilityBoundingSet")).isEmpty();
        assertThat(s).as("breaks the JVM's JIT").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(one(s, "KillMode")).as("SIGTERM to the gateway only; it stops the broker child itself").isEqualTo("mixed");
        String state = one(s, "StateDirectory");
        assertThat(s.get("Environment")).contains("SLUICE_DATA_DIR=%S/" + state);
        assertThat(one(s, "EnvironmentFile")).isEqualTo("/etc/sluice/" + ENV.getFileName());
    }

    @Test
    void shouldWaitLongerThanTheDrainTimeoutBeforeKilling() throws IOException {
        Duration drain = ServeParser.parse(List.of("serve"), environmentFile()).drainTimeout();
        Duration stop = systemdSeconds(one(service(), "TimeoutStopSec"));

        assertThat(stop).as("TimeoutStopSec > --drain-timeout (" + drain + ") plus the broker's stop")
                .isGreaterThanOrEqualTo(drain.plusSeconds(10));
    }

    private static Duration systemdSeconds(String value) {
        Matcher m = Pattern.compile("(?:(\\d+)min)?\\s*(?:(\\d+)s?)?").matcher(value.strip());
        assertThat(m.matches()).as("TimeoutStopSec " + value).isTrue();
        long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    @Test
    void shouldSetOnlyServeOptionsAndLauncherVariablesInTheEnvironmentFile() throws IOException {
        Map<String, String> env = environmentFile();
        Set<String> options = ServeParser.optionVariables();

        assertThat(env).isNotEmpty();
        for (String key : env.keySet()) {
            assertThat(options.contains(key) || ServeParser.LAUNCHER_VARIABLES.contains(key) || key.equals("JAVA_HOME"))
                    .as(key + " is a serve option or read by bin/sluice").isTrue();
        }
        ServeParser.parse(List.of("serve"), env); // every value converts
    }

    @Test
    void shouldPassSystemdAnalyzeVerify() throws Exception {
        Path analyze = Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(analyze != null, "systemd-analyze is not installed");
        // verify wants ExecStart to exist: point it at a stand-in under a temporary directory
        Path bin = Files.createDirectories(tmp.resolve("opt/sluice/bin"));
        Path sluice = Files.writeString(bin.resolve("sluice"), "#!/bin/sh\n");
        sluice.toFile().setExecutable(true);
        Path unit = tmp.resolve("sluice.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/sluice/bin/sluice", sluice.toString()));

        Path output = tmp.resolve("verify.txt");
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        String out = Files.readString(output);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("systemd-analyze verify within 60 s: " + out).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        // verify exits 0 on unknown keys and bad values too, and says so naming the file
        assertThat(out).as("systemd-analyze verify output").doesNotContain(unit.getFileName().toString());
    }
}

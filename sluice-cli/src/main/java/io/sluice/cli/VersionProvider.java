package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: Sluice's version, the git commit it was built from and when, from the Maven-filtered
 * {@code version.properties}, and the JVM's. Stateless.
 */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    /** The project version, or "unknown" when the resource is missing (running from an unbuilt tree). */
    static String version() {
        return property("version");
    }

    /** The abbreviated commit, with "-dirty" when the tree had uncommitted changes, or "unknown" (no .git). */
    static String commit() {
        String commit = property("commit");
        return commit.equals("unknown") || !"true".equals(property("dirty")) ? commit : commit + "-dirty";
    }

    /** When the build ran (UTC, ISO 8601), or "unknown". */
    static String built() {
        return property("built");
    }

    private static String property(String name) {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty(name, "unknown").trim();
            return value.isEmpty() || value.startsWith("${") ? "unknown" : value; // not filtered: no git
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "sluice " + version() + " (commit " + commit() + ", built " + built() + ")",
            "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }
}

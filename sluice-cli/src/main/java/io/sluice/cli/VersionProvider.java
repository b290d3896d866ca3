package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: Sluice's version from the Maven-filtered {@code version.properties}, and the JVM's. */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    /** The project version, or "unknown" when the resource is missing (running from an unbuilt tree). */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "sluice " + version(),
            "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }
}

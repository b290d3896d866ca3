package io.sluice.kafka.embedded.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log directory once and remembers its cluster id; call it from one thread at a time per
 * directory.
 *
 * <p>Kafka refuses to start on an unformatted directory, and formatting a second time would need the
 * same cluster id. The id lives in {@code meta.properties}, which the format step writes into the log
 * directory, so a restart on the same directory keeps the cluster and its data.
 */
public final class KraftStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private KraftStorage() {
    }

    /** Returns the cluster id of {@code logDir}, formatting it with a new id first if it is not formatted. */
    public static String formatIfNeeded(Path logDir, Properties serverProps) {
        return formatIfNeeded(logDir, serverProps, null);
    }

    /**
     * Returns the cluster id of {@code logDir}, formatting it first with {@code wantedClusterId} (a new
     * random id when null) if it is not formatted. Every node of a cluster is formatted with the same id.
     *
     * @throws IllegalStateException if the directory already belongs to another cluster than the wanted one
     */
    public static String formatIfNeeded(Path logDir, Properties serverProps, String wantedClusterId) {
        String existing = clusterId(logDir);
        if (existing != null) {
            if (wantedClusterId != null && !wantedClusterId.equals(existing)) {
                throw new IllegalStateException("Kafka storage in " + logDir + " belongs to cluster " + existing
                        + ", not " + wantedClusterId + "; use an empty data directory for this node");
            }
            return existing;
        }
        String clusterId = wantedClusterId != null ? wantedClusterId : newClusterId();
        try {
            Files.createDirectories(logDir);
            Path configFile = Files.createTempFile(logDir.getParent(), "format-", ".properties");
            try {
                try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                    serverProps.store(w, "written by Sluice to format the KRaft storage");
                }
                format(clusterId, configFile);
            } finally {
                Files.deleteIfExists(configFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + logDir + ": " + e, e);
        }
        return clusterId;
    }

    /** A fresh random cluster id in Kafka's form (22 characters of URL-safe base64). */
    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /** Returns the cluster id recorded in {@code logDir}, or null when the directory is not formatted. */
    public static String clusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return props.getProperty("cluster.id");
    }

    private static void format(String clusterId, Path configFile) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        // StorageTool.main would exit the JVM; execute returns the exit code and writes to our stream.
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage failed: " + e.getMessage()
                    + "\n" + captured.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit code " + rc + "): "
                    + captured.toString(StandardCharsets.UTF_8));
        }
    }
}

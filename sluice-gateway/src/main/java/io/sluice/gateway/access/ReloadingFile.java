package io.sluice.gateway.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy parsed from a file, re-read when the file changes. {@link #current()} is safe from any thread
 * and never blocks; {@link #reloadIfChanged()} is called by one poller at a time (a scheduled task in
 * production, the test itself in tests, so reloading is deterministic).
 *
 * <p>The first load happens in the constructor and throws: a bad file fails the start with its line and
 * reason. Later, a file that fails to parse is logged and the last good policy stays in force, so a bad
 * edit never opens the gate or locks everyone out. A change is detected by content (a SHA-256 of the
 * bytes), not by modification time, so a rewrite within the clock's granularity and an atomic rename
 * (as editors and cert-manager do) are both seen.
 *
 * @param <T> the parsed policy; must be immutable
 */
public final class ReloadingFile<T> {
    private static final Logger log = LoggerFactory.getLogger(ReloadingFile.class);

    /** Turns a file's bytes into a policy, or says where and why it cannot. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Path file, byte[] content) throws PolicyFileException;
    }

    private final Path file;
    private final String what;
    private final Parser<T> parser;
    private volatile T current;
    private byte[] digest;

    /**
     * @param what a few words for log lines, e.g. "API keys"
     * @throws PolicyFileException when the file is missing, unreadable or invalid
     */
    public ReloadingFile(Path file, String what, Parser<T> parser) throws PolicyFileException {
        this.file = file;
        this.what = what;
        this.parser = parser;
        byte[] content = read();
        this.current = parser.parse(file, content);
        this.digest = sha256(content);
    }

    /** The last good policy. */
    public T current() {
        return current;
    }

    public Path file() {
        return file;
    }

    /**
     * Re-reads the file if its content changed. Returns true when a new policy took effect; false when
     * nothing changed or the new content was refused (logged, the last good policy stays).
     */
    public synchronized boolean reloadIfChanged() {
        byte[] content;
        try {
            content = read();
        } catch (PolicyFileException e) {
            log.error("{} not reloaded, the last good version stays in force: {}", what, e.getMessage());
            return false;
        }
        byte[] d = sha256(content);
        if (Arrays.equals(d, digest)) {
            return false;
        }
        digest = d; // a refused version is reported once, not at every poll
        try {
            current = parser.parse(file, content);
        } catch (PolicyFileException e) {
            log.error("{} not reloaded, the last good version stays in force: {}", what, e.getMessage());
            return false;
        }
        log.info("{} reloaded from {}", what, file);
        return true;
    }

    private byte[] read() throws PolicyFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot read: " + e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

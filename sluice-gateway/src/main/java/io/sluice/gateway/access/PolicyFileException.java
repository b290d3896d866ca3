package io.sluice.gateway.access;

import java.nio.file.Path;

/** A policy file (API keys, ACL, Basic users) that cannot be used, with where and why. */
public final class PolicyFileException extends Exception {
    private final transient Path file;
    private final int line;

    /**
     * @param line 1-based line of the problem, or 0 when it concerns the whole file (missing, unreadable)
     */
    public PolicyFileException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}

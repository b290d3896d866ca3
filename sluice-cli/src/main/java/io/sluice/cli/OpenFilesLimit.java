package io.sluice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The process's open-files limit (soft), from Linux's {@code /proc/self/limits}. Every HTTP connection
 * holds a file descriptor, so this caps the connections the gateway can accept whatever
 * {@code --max-connections} says.
 */
final class OpenFilesLimit {

    /** Below this, a gateway meant for many connections will hit "Too many open files". */
    static final long RECOMMENDED = 65_536;
    static final Path PROC_LIMITS = Path.of("/proc/self/limits");

    private OpenFilesLimit() {
    }

    /** The soft limit; empty when the file is missing (not Linux) or has no such line. Unlimited is {@link Long#MAX_VALUE}. */
    static OptionalLong read(Path limitsFile) {
        try {
            for (String line : Files.readAllLines(limitsFile)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return OptionalLong.of("unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A warning with the fix, when {@code limit} is below {@link #RECOMMENDED}. */
    static Optional<String> warning(long limit) {
        if (limit >= RECOMMENDED) {
            return Optional.empty();
        }
        return Optional.of("open-files limit is " + limit + ", below " + RECOMMENDED + ": each connection holds a file "
                + "descriptor, so fewer than " + limit + " connections can be open; raise it before starting, "
                + "e.g. 'ulimit -n 1048576' (or LimitNOFILE= in a systemd unit)");
    }
}

package io.sluice.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads what Linux says about a process and the machine's TCP sockets from /proc: resident memory, threads,
 * open file descriptors, and the TCP sockets in TIME_WAIT. Each method returns {@code null} when the
 * figure cannot be read (no /proc, the process is gone). Stateless; thread-safe.
 */
final class ProcStats {
    private final Path proc;

    ProcStats(Path proc) {
        this.proc = proc;
    }

    static ProcStats system() {
        return new ProcStats(Path.of("/proc"));
    }

    /** VmRSS of {@code pid}, in bytes. */
    Long rssBytes(long pid) {
        String kb = statusField(pid, "VmRSS:");
        return kb == null ? null : Long.parseLong(kb.replace("kB", "").trim()) * 1024;
    }

    Integer threads(long pid) {
        String n = statusField(pid, "Threads:");
        return n == null ? null : Integer.parseInt(n.trim());
    }

    Integer openFiles(long pid) {
        try (Stream<Path> fds = Files.list(proc.resolve(Long.toString(pid)).resolve("fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * TCP sockets in TIME_WAIT on this machine ({@code tw} of /proc/net/sockstat, IPv4 and IPv6 together). Machine
     * wide, not per port: a per-port count means walking /proc/net/tcp, hundreds of thousands of lines a second
     * in a connect soak. On a machine running only the soak, nearly all of them are the soak's.
     */
    Integer timeWait() {
        try {
            for (String line : Files.readAllLines(proc.resolve("net/sockstat"))) {
                if (line.startsWith("TCP:")) {
                    String[] f = line.trim().split("\\s+");
                    for (int i = 1; i + 1 < f.length; i++) {
                        if (f[i].equals("tw")) {
                            return Integer.parseInt(f[i + 1]);
                        }
                    }
                }
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private String statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith(name)) {
                    return line.substring(name.length()).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}

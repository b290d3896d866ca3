package io.sluice.cli;

import io.sluice.gateway.access.ApiKeys;
import io.sluice.gateway.access.BasicUsers;
import io.sluice.gateway.access.PolicyFileException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice keys}: makes, lists and revokes API keys, and hashes Basic passwords. The keys file holds
 * hashes only; a new key is printed once, to stdout, and nowhere else.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage API keys (--api-keys) and Basic users (--basic-users).",
        subcommands = {KeysCommand.Create.class, KeysCommand.Revoke.class, KeysCommand.ListKeys.class,
                KeysCommand.HashPassword.class},
        footer = {"", "Exit codes: 0 done, 1 failed (e.g. the file is invalid), 2 invalid options."})
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a new API key for a principal: prints the key once and appends only its hash to the file.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--principal", paramLabel = "NAME", required = true, description = "Who the key identifies.")
        String principal;

        @Option(names = "--keys-file", paramLabel = "FILE", required = true,
                description = "The API keys file (created when missing, owner-only permissions).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<ApiKeys.Entry> existing = read(file); // an invalid file is not appended to
            ApiKeys.NewKey k;
            try {
                k = ApiKeys.newKey(principal, Instant.now(), new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid --principal: " + e.getMessage(), e);
            }
            List<ApiKeys.Entry> all = new ArrayList<>(existing);
            all.add(k.entry());
            write(file, ApiKeys.format(all));
            PrintWriter out = spec.commandLine().getOut();
            out.println(k.key());
            out.flush();
            spec.commandLine().getErr().println("Created key " + k.entry().id() + " for '" + principal + "' in "
                    + file + ". The key is shown only this once; clients send 'Authorization: Bearer <key>'.");
            return 0;
        }
    }

    /** One of: a key id, or every key of a principal. */
    static final class RevokeTarget {
        @Option(names = "--id", paramLabel = "KEY_ID", description = "Revoke this key (see 'sluice keys list').")
        String id;

        @Option(names = "--principal", paramLabel = "NAME", description = "Revoke every key of this principal.")
        String principal;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Remove keys from the file; a gateway running with it stops accepting them within seconds.")
    static final class Revoke implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        RevokeTarget target;

        @Option(names = "--keys-file", paramLabel = "FILE", required = true, description = "The API keys file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<ApiKeys.Entry> existing = read(file);
            List<ApiKeys.Entry> kept = existing.stream()
                    .filter(e -> target.id != null ? !e.id().equals(target.id) : !e.principal().equals(target.principal))
                    .toList();
            int removed = existing.size() - kept.size();
            if (removed == 0) {
                throw new CliException("no key matches " + (target.id != null ? "--id " + target.id
                        : "--principal " + target.principal) + " in " + file + "; see 'sluice keys list'");
            }
            write(file, ApiKeys.format(kept));
            spec.commandLine().getOut().println("Revoked " + removed + " key(s).");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List key ids, principals and creation times (never the keys).")
    static final class ListKeys implements Callable<Integer> {
        @Option(names = "--keys-file", paramLabel = "FILE", required = true, description = "The API keys file.")
        Path file;

        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<ApiKeys.Entry> entries = read(file);
            if (!json) {
                out.printf("%-16s %-24s %s%n", "ID", "PRINCIPAL", "CREATED");
            }
            for (ApiKeys.Entry e : entries) {
                if (json) {
                    out.println("{\"id\":\"" + e.id() + "\",\"principal\":\"" + e.principal().replace("\"", "\\\"")
                            + "\",\"created\":\"" + e.created() + "\"}");
                } else {
                    out.printf("%-16s %-24s %s%n", e.id(), e.principal(), e.created());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read a password (from the console without echo, or the first line of stdin) and print a "
                    + "line for the --basic-users file.")
    static final class HashPassword implements Callable<Integer> {
        @Option(names = "--user", paramLabel = "NAME", required = true, description = "The Basic user name.")
        String user;

        @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + BasicUsers.DEFAULT_ITERATIONS,
                description = "PBKDF2-HMAC-SHA256 iterations. Default: ${DEFAULT-VALUE}.")
        int iterations;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            try {
                if (password.length == 0) {
                    throw new CliException("the password is empty");
                }
                spec.commandLine().getOut().println(BasicUsers.line(user, password, iterations, new SecureRandom()));
                return 0;
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid --user: " + e.getMessage(), e);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] p = console.readPassword("Password for the Basic user: ");
                return p == null ? new char[0] : p;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    private static List<ApiKeys.Entry> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return ApiKeys.parse(file, Files.readAllBytes(file)).entries();
        } catch (PolicyFileException e) {
            throw new CliException("the API keys file is invalid, left unchanged: " + e.getMessage(), e);
        }
    }

    /** Replaces the file atomically (a gateway reading it sees the old or the new content, never half). */
    private static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sluice-keys", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the platform's default
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

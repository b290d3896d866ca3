package io.sluice.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API keys file, parsed: which key hash belongs to which principal. Immutable and thread-safe.
 *
 * <p>A key is {@value #PREFIX} followed by 32 random bytes (256 bits from {@link SecureRandom}) in
 * URL-safe base64. The file holds one line per key and never the key itself:
 * <pre>
 * # id            principal  created               sha256 of the key (URL-safe base64)
 * k-3f9a1c2b7d4e  alice      2026-12-02T00:31:07Z  sha256:Vg0J7p...
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. Ids and principals contain no whitespace.
 *
 * <p>Why one unsalted SHA-256 is enough here: salts and slow hashes defend low-entropy secrets
 * (passwords) against guessing; a 256-bit random key cannot be guessed, with or without the hash, so a
 * fast hash loses nothing and keeps the per-request check at a microsecond.
 */
public final class ApiKeys {
    /** What every key starts with, so that a leaked key is recognisable (secret scanners) and told from a JWT. */
    public static final String PREFIX = "sluice_";
    private static final int KEY_BYTES = 32;
    private static final String HASH_PREFIX = "sha256:";

    /** One line of the file. */
    public record Entry(String id, String principal, Instant created, byte[] hash) {

        String line() {
            return id + " " + principal + " " + created + " " + HASH_PREFIX
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
    }

    /** A key just made: shown once to the operator, never stored. */
    public record NewKey(Entry entry, String key) {
    }

    private final List<Entry> entries;
    /** By the key's hash: see {@link #authenticator()} for why a map lookup is safe here. */
    private final Map<ByteBuffer, Entry> byHash;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<ByteBuffer, Entry> m = new HashMap<>();
        for (Entry e : entries) {
            m.put(ByteBuffer.wrap(e.hash()), e);
        }
        this.byHash = m;
    }

    public static final ApiKeys EMPTY = new ApiKeys(List.of());

    /** Every key's entry, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Parses the file's content; says which line is wrong and why. */
    public static ApiKeys parse(Path file, byte[] content) throws PolicyFileException {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new PolicyFileException(file, i + 1, "expected 4 fields 'id principal created sha256:hash', found "
                        + f.length);
            }
            Instant created;
            try {
                created = Instant.parse(f[2]);
            } catch (DateTimeParseException e) {
                throw new PolicyFileException(file, i + 1, "the creation time is not an ISO-8601 instant");
            }
            if (!f[3].startsWith(HASH_PREFIX)) {
                throw new PolicyFileException(file, i + 1, "the hash must start with '" + HASH_PREFIX + "'");
            }
            byte[] hash;
            try {
                hash = Base64.getUrlDecoder().decode(f[3].substring(HASH_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new PolicyFileException(file, i + 1, "the hash is not URL-safe base64");
            }
            if (hash.length != 32) {
                throw new PolicyFileException(file, i + 1, "the hash is not 32 bytes (SHA-256)");
            }
            if (!ids.add(f[0])) {
                throw new PolicyFileException(file, i + 1, "the key id '" + f[0] + "' appears twice");
            }
            entries.add(new Entry(f[0], f[1], created, hash));
        }
        return new ApiKeys(entries);
    }

    /** The file's content for these entries (with a header comment). */
    public static String format(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("# Sluice API keys: id principal created sha256:hash (the keys are not stored)\n");
        for (Entry e : entries) {
            sb.append(e.line()).append('\n');
        }
        return sb.toString();
    }

    /** Makes a new key for {@code principal}: the caller shows {@link NewKey#key()} once and stores only the entry. */
    public static NewKey newKey(String principal, Instant now, SecureRandom random) {
        if (principal.isEmpty() || principal.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#')) {
            throw new IllegalArgumentException("a principal must be non-empty, without whitespace or '#'");
        }
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        Entry entry = new Entry("k-" + HexFormat.of().formatHex(idBytes), principal,
                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), hash(key));
        return new NewKey(entry, key);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The principal a presented key belongs to, or null.
     *
     * <p>Timing: the presented key is hashed first and the lookup is by that hash, so what a timing
     * attacker could learn (how far a hash comparison got, which bucket was hit) is about the SHA-256 of
     * their own guess, never a prefix of a stored key; turning "my guess's hash shares 3 bytes with a
     * stored hash" into a key would need a SHA-256 preimage of a 256-bit secret. The final comparison is
     * still {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ.
     */
    public Entry find(String presentedKey) {
        byte[] h = hash(presentedKey);
        Entry e = byHash.get(ByteBuffer.wrap(h));
        return e != null && MessageDigest.isEqual(e.hash(), h) ? e : null;
    }
}

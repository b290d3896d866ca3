package io.sluice.gateway.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The HTTP Basic users file, parsed: one PBKDF2-HMAC-SHA256 password hash per user. Immutable and
 * thread-safe. Never holds a plain password.
 *
 * <pre>
 * # user:pbkdf2-sha256:iterations:salt (base64):hash (base64)
 * shipper:pbkdf2-sha256:600000:3q2+7w...==:q83vEjRW...=
 * </pre>
 * Lines come from {@code sluice keys hash-password --user NAME}. Blank lines and {@code #} lines are ignored.
 */
public final class BasicUsers {
    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** One user's stored hash. */
    public record User(String name, int iterations, byte[] salt, byte[] hash) {
    }

    public static final BasicUsers EMPTY = new BasicUsers(Map.of());

    /** Stands in for a user that does not exist: checked like any other, never matched. */
    static final User NOBODY = new User("", DEFAULT_ITERATIONS, new byte[SALT_BYTES], new byte[HASH_BITS / 8]);

    private final Map<String, User> users;

    private BasicUsers(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /** The named user, or null. */
    public User user(String name) {
        return users.get(name);
    }

    public int size() {
        return users.size();
    }

    public static BasicUsers parse(Path file, byte[] content) throws PolicyFileException {
        Map<String, User> users = new HashMap<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != 5 || f[0].isEmpty()) {
                throw new PolicyFileException(file, i + 1, "expected 'user:" + SCHEME + ":iterations:salt:hash'");
            }
            if (!f[1].equals(SCHEME)) {
                throw new PolicyFileException(file, i + 1, "unknown scheme '" + f[1] + "' (only " + SCHEME + ")");
            }
            int iterations;
            try {
                iterations = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                iterations = -1;
            }
            if (iterations < 1) {
                throw new PolicyFileException(file, i + 1, "iterations must be a positive integer");
            }
            byte[] salt;
            byte[] hash;
            try {
                salt = Base64.getDecoder().decode(f[3]);
                hash = Base64.getDecoder().decode(f[4]);
            } catch (IllegalArgumentException e) {
                throw new PolicyFileException(file, i + 1, "salt and hash must be base64");
            }
            if (salt.length == 0 || hash.length == 0) {
                throw new PolicyFileException(file, i + 1, "empty salt or hash");
            }
            if (users.put(f[0], new User(f[0], iterations, salt, hash)) != null) {
                throw new PolicyFileException(file, i + 1, "the user '" + f[0] + "' appears twice");
            }
        }
        return new BasicUsers(users);
    }

    /** A line for the users file: the password's PBKDF2 hash with a fresh salt. */
    public static String line(String user, char[] password, int iterations, SecureRandom random) {
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a user name must be non-empty, without ':' or whitespace");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":" + SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Whether {@code password} is this user's; takes as long as the user's iteration count asks for. */
    static boolean matches(User user, char[] password) {
        byte[] h = pbkdf2(password, user.salt(), user.iterations(), user.hash().length * 8);
        return MessageDigest.isEqual(h, user.hash());
    }

    static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}

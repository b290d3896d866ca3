package io.sluice.gateway.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key, certificate chain and client CAs of one load of the TLS files, checked: every file parses and
 * the key belongs to the leaf certificate. A bad file is an {@link IllegalArgumentException} naming the
 * option, the file and the reason (never a password). Immutable.
 *
 * @param key         the server's private key
 * @param chain       its certificate chain, leaf first
 * @param clientCas   the CAs client certificates must chain to (empty without mTLS)
 * @param fingerprint SHA-256 over the bytes of every file read, to tell whether they changed since
 */
public record TlsMaterial(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas,
                          String fingerprint) {

    public TlsMaterial {
        chain = List.copyOf(chain);
        clientCas = List.copyOf(clientCas);
    }

    /** Reads and checks the files {@code settings} name. */
    public static TlsMaterial load(TlsSettings settings) {
        Map<Path, byte[]> files = read(settings);
        PrivateKey key;
        List<X509Certificate> chain;
        if (settings.keystoreFile() != null) {
            KeyStoreEntry entry = keystore(settings, files);
            key = entry.key;
            chain = entry.chain;
        } else {
            chain = parse("--tls-cert", settings.certFile(), () -> PemFiles.certificates(text(files, settings.certFile())));
            key = parse("--tls-key", settings.keyFile(), () -> PemFiles.privateKey(text(files, settings.keyFile())));
            checkPair(key, chain.get(0), settings);
        }
        List<X509Certificate> cas = settings.clientCaFile() == null ? List.of()
                : parse("--tls-client-ca", settings.clientCaFile(),
                        () -> PemFiles.certificates(text(files, settings.clientCaFile())));
        return new TlsMaterial(key, chain, cas, fingerprint(files));
    }

    /** The fingerprint of the files as they are now (see {@link #fingerprint()}); throws when one is unreadable. */
    public static String currentFingerprint(TlsSettings settings) {
        return fingerprint(read(settings));
    }

    private static Map<Path, byte[]> read(TlsSettings settings) {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        for (Path p : settings.files()) {
            try {
                out.put(p, Files.readAllBytes(p)); // follows symlinks: a swapped link reads the new target
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(optionOf(settings, p) + " file '" + p + "' does not exist");
            } catch (IOException e) {
                throw new IllegalArgumentException(optionOf(settings, p) + " file '" + p + "' cannot be read: " + e);
            }
        }
        return out;
    }

    private static String optionOf(TlsSettings s, Path p) {
        if (p.equals(s.certFile())) {
            return "--tls-cert";
        } else if (p.equals(s.keyFile())) {
            return "--tls-key";
        } else if (p.equals(s.keystoreFile())) {
            return "--tls-keystore";
        } else if (p.equals(s.keystorePasswordFile())) {
            return "--tls-keystore-password-file";
        }
        return "--tls-client-ca";
    }

    private static String text(Map<Path, byte[]> files, Path p) {
        return new String(files.get(p), StandardCharsets.US_ASCII);
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(String option, Path file, Parse<T> parse) {
        try {
            return parse.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Proves that the key belongs to the certificate: a signature made with it verifies with the certificate. */
    private static void checkPair(PrivateKey key, X509Certificate leaf, TlsSettings settings) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // an unusual key type: the handshake will tell
        }
        boolean matches;
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new IllegalArgumentException("--tls-key file '" + settings.keyFile() + "' does not match the "
                    + "certificate in --tls-cert file '" + settings.certFile() + "' (subject "
                    + leaf.getSubjectX500Principal().getName() + ")");
        }
    }

    private record KeyStoreEntry(PrivateKey key, List<X509Certificate> chain) {
    }

    private static KeyStoreEntry keystore(TlsSettings settings, Map<Path, byte[]> files) {
        Path file = settings.keystoreFile();
        char[] password = settings.keystorePasswordFile() != null
                ? firstLine(files.get(settings.keystorePasswordFile())) : settings.keystorePassword().reveal();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(files.get(file)), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                        List<X509Certificate> certs = new ArrayList<>();
                        for (Certificate c : chain) {
                            certs.add((X509Certificate) c);
                        }
                        return new KeyStoreEntry(pk, certs);
                    }
                }
            }
            throw new IllegalArgumentException("--tls-keystore file '" + file + "' holds no private key with a "
                    + "certificate chain");
        } catch (IOException e) {
            boolean password_ = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new IllegalArgumentException("--tls-keystore file '" + file + "': "
                    + (password_ ? "wrong password (or not a PKCS#12 file)" : "not a readable PKCS#12 keystore ("
                    + e.getMessage() + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--tls-keystore file '" + file + "': " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static char[] firstLine(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return (s.endsWith("\r") ? s.substring(0, s.length() - 1) : s).toCharArray();
    }

    private static String fingerprint(Map<Path, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] b : files.values()) {
                sha.update(b);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + chain.get(0).getSubjectX500Principal() + "]"; // never the key
    }
}

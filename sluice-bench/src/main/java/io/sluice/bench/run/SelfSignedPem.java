package io.sluice.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for the gateway under test in the TLS cells, written as PEM files
 * ({@code cert.pem}, and {@code key.pem} in PKCS#8) for {@code --tls-cert} and {@code --tls-key}; immutable once
 * made. Not for anything but a benchmark on 127.0.0.1.
 *
 * <p>Made with the JDK's own {@code keytool} (no extra library on the benchmark's class path): an ECDSA P-256
 * key, as modern certificate authorities issue, valid for {@code 127.0.0.1} and {@code localhost}, then the key
 * is read back from the PKCS#12 store and written as PEM. The load generator trusts exactly this certificate.
 */
public record SelfSignedPem(Path certificate, Path privateKey, String keyType) {

    static final String KEY_TYPE = "ECDSA P-256";
    private static final String ALIAS = "sluice-bench";
    /** Protects the intermediate PKCS#12 file only; it is deleted once the PEM files exist. */
    private static final String STORE_PASSWORD = "sluice-bench-throwaway";

    /** Generates the certificate and key into {@code dir} (created if needed). */
    public static SelfSignedPem generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve("gateway.p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "7",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool could not make the benchmark's TLS certificate: " + said);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, STORE_PASSWORD.toCharArray());
            }
            Key key = ks.getKey(ALIAS, STORE_PASSWORD.toCharArray());
            Certificate cert = ks.getCertificate(ALIAS);
            Path certFile = dir.resolve("cert.pem");
            Path keyFile = dir.resolve("key.pem");
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            return new SelfSignedPem(certFile, keyFile, KEY_TYPE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key keytool made: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

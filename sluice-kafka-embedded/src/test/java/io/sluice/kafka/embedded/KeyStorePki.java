package io.sluice.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: one CA, a server certificate for 127.0.0.1 / localhost and
 * a client certificate, written as PKCS#12 files into a directory; test-thread only.
 */
public final class KeyStorePki {

    /** The password of every store written here (they hold test keys only). */
    public static final String PASSWORD = "test-store-pass";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path caStore;
    private final Path serverStore;
    private final Path clientStore;

    private KeyStorePki(Path caStore, Path serverStore, Path clientStore) {
        this.caStore = caStore;
        this.serverStore = serverStore;
        this.clientStore = clientStore;
    }

    /** Generates the CA, server and client certificates (client subject CN={@code clientName}) into {@code dir}. */
    public static KeyStorePki create(Path dir, String clientName) {
        try {
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=Sluice Test CA");
            X509Certificate ca = sign(caName, caKeys, caName, caKeys, true, null);
            KeyPair serverKeys = ecKeys();
            GeneralNames serverSan = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")});
            X509Certificate server = sign(new X500Name("CN=localhost"), serverKeys, caName, caKeys, false, serverSan);
            KeyPair clientKeys = ecKeys();
            X509Certificate client = sign(new X500Name("CN=" + clientName), clientKeys, caName, caKeys, false, null);

            KeyStore trust = emptyStore();
            trust.setCertificateEntry("ca", ca);
            return new KeyStorePki(
                    write(trust, dir.resolve("ca.p12")),
                    write(withKey(serverKeys, server, ca), dir.resolve("server.p12")),
                    write(withKey(clientKeys, client, ca), dir.resolve("client.p12")));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trust store holding only the CA certificate. */
    public Path caStore() {
        return caStore;
    }

    /** The server's key and chain (SANs 127.0.0.1 and localhost). */
    public Path serverStore() {
        return serverStore;
    }

    /** The client's key and chain. */
    public Path clientStore() {
        return clientStore;
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                        boolean isCa, GeneralNames san)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                subject, subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, san);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyStore withKey(KeyPair keys, X509Certificate cert, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = emptyStore();
        store.setKeyEntry("key", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert, ca});
        return store;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path write(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}

package io.sluice.gateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.security.Principal;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made on the spot with BouncyCastle (test scope only): a CA, server certificates
 * (valid for localhost and 127.0.0.1, expired, for another host, from another CA), client certificates
 * (valid, expired, not yet valid, from another CA), written as PEM files into a directory, plus client-side
 * {@link SSLContext}s. Usable from any module's tests through the gateway's test-jar. Not thread-safe while
 * issuing; the files it wrote are read-only afterwards.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate and its key, in memory and as PEM files (key as PKCS#8). */
    public record Issued(X509Certificate certificate, PrivateKey key, Path certFile, Path keyFile) {
    }

    private final Path dir;
    private final Issued ca;
    private final Issued otherCa;

    private TestPki(Path dir, Issued ca, Issued otherCa) {
        this.dir = dir;
        this.ca = ca;
        this.otherCa = otherCa;
    }

    /** A new CA (and an unrelated second one, for "unknown CA" cases) writing into {@code dir}. */
    public static TestPki create(Path dir) {
        try {
            Files.createDirectories(dir);
            Issued ca = selfSigned(dir, "ca", "Sluice Test CA");
            Issued other = selfSigned(dir, "other-ca", "Some Other CA");
            return new TestPki(dir, ca, other);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Issued ca() {
        return ca;
    }

    public Issued otherCa() {
        return otherCa;
    }

    /** A server certificate for localhost and 127.0.0.1, valid for a day; {@code name} names its files. */
    public Issued server(String name) {
        return issue(ca, name, "localhost", List.of("localhost"), List.of("127.0.0.1"), validNow(), true);
    }

    /** A server certificate for localhost that expired an hour ago. */
    public Issued serverExpired() {
        return issue(ca, "server-expired", "localhost", List.of("localhost"), List.of("127.0.0.1"), expired(), true);
    }

    /** A server certificate for another host only. */
    public Issued serverWrongHost() {
        return issue(ca, "server-wrong-host", "example.org", List.of("example.org"), List.of(), validNow(), true);
    }

    /** A server certificate for localhost signed by the other CA. */
    public Issued serverFromOtherCa() {
        return issue(otherCa, "server-other-ca", "localhost", List.of("localhost"), List.of("127.0.0.1"), validNow(),
                true);
    }

    /** A client certificate with subject CN {@code cn}, SAN DNS {@code cn.clients.test}, e-mail and URI SANs. */
    public Issued client(String cn) {
        return issue(ca, "client-" + cn, cn, List.of(cn + ".clients.test"), List.of(), validNow(), false);
    }

    public Issued clientExpired() {
        return issue(ca, "client-expired", "expired-client", List.of(), List.of(), expired(), false);
    }

    public Issued clientNotYetValid() {
        Instant now = Instant.now();
        return issue(ca, "client-not-yet-valid", "future-client", List.of(), List.of(),
                new Instant[] {now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))}, false);
    }

    public Issued clientFromOtherCa() {
        return issue(otherCa, "client-other-ca", "stranger", List.of(), List.of(), validNow(), false);
    }

    /** Writes {@code issued}'s key in PKCS#1 form ({@code RSA PRIVATE KEY}, only for RSA keys) or SEC1 for EC. */
    public Path traditionalKeyFile(Issued issued) {
        try {
            Path p = dir.resolve(issued.certFile().getFileName().toString().replace(".crt", "-traditional.key"));
            if (issued.key() instanceof java.security.interfaces.ECPrivateKey ec) { // SEC1, naming its curve as openssl does
                byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(),
                        new org.bouncycastle.asn1.x9.X962Parameters(
                                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1)).getEncoded();
                Files.writeString(p, pem("EC PRIVATE KEY", der));
                return p;
            }
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(issued.key());
            }
            Files.writeString(p, w.toString());
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA server certificate for localhost (for the PKCS#1 key case). */
    public Issued serverRsa(String name) {
        return issue(ca, name, "localhost", List.of("localhost"), List.of("127.0.0.1"), validNow(), true, "RSA");
    }

    /** A PKCS#12 keystore of {@code issued} (key, then its chain up to the CA) protected by {@code password}. */
    public Path keystore(Issued issued, String name, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", issued.key(), password,
                    new java.security.cert.Certificate[] {issued.certificate(), ca.certificate()});
            Path p = dir.resolve(name + ".p12");
            try (OutputStream out = Files.newOutputStream(p)) {
                ks.store(out, password);
            }
            return p;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting {@code trusted}'s certificate, presenting {@code clientCert} (or none). */
    public static SSLContext clientContext(Issued trusted, Issued clientCert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(clientCert == null ? null : new KeyManager[] {new AlwaysPresent(clientCert)},
                    tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Presents its one certificate whatever the server asks for: the JDK's own key managers would withhold a
     * certificate from a CA the server did not name, or an expired one, and the server would never see it.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final Issued cert;

        AlwaysPresent(Issued cert) {
            this.cert = cert;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {cert.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return cert.key();
        }
    }

    /** Client context trusting this PKI's CA. */
    public SSLContext clientContext(Issued clientCert) {
        return clientContext(ca, clientCert);
    }

    /** Opens a TLS connection to 127.0.0.1:{@code port} and finishes the handshake (host name checked). */
    public static javax.net.ssl.SSLSocket connect(SSLContext ctx, int port, int readTimeoutMillis) throws IOException {
        Socket plain = new Socket();
        plain.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        plain.setSoTimeout(readTimeoutMillis);
        plain.setTcpNoDelay(true);
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket(plain, "localhost",
                port, true);
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static Instant[] validNow() {
        Instant now = Instant.now();
        return new Instant[] {now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))};
    }

    private static Instant[] expired() {
        Instant now = Instant.now();
        return new Instant[] {now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1))};
    }

    private Issued issue(Issued issuer, String name, String cn, List<String> dns, List<String> ips, Instant[] validity,
                         boolean server) {
        return issue(issuer, name, cn, dns, ips, validity, server, "EC");
    }

    private Issued issue(Issued issuer, String name, String cn, List<String> dns, List<String> ips, Instant[] validity,
                         boolean server, String keyType) {
        try {
            KeyPair kp = keyPair(keyType);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(validity[0]), Date.from(validity[1]),
                    new X500Principal("CN=" + cn + ",O=Sluice Tests"), kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(server
                    ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuer.certificate()));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            List<GeneralName> names = new ArrayList<>();
            dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
            ips.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
            if (!server) {
                names.add(new GeneralName(GeneralName.rfc822Name, cn + "@clients.test"));
                names.add(new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://sluice.test/" + cn));
            }
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(signatureFor(issuer.key())).build(issuer.key())));
            return write(dir, name, cert, kp.getPrivate());
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued selfSigned(Path dir, String name, String cn) throws IOException, GeneralSecurityException {
        KeyPair kp = keyPair("EC");
        X500Principal subject = new X500Principal("CN=" + cn + ",O=Sluice Tests");
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            return write(dir, name, cert, kp.getPrivate());
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair(String type) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static String signatureFor(PrivateKey key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static Issued write(Path dir, String name, X509Certificate cert, PrivateKey key)
            throws IOException, GeneralSecurityException {
        Path certFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new Issued(cert, key, certFile, keyFile);
    }

    /** PEM text of one DER block. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes the certificate followed by the CA's (a chain) to a new file. */
    public Path chainFile(Issued leaf, String name) {
        try {
            Path p = dir.resolve(name + "-chain.crt");
            Files.writeString(p, pem("CERTIFICATE", leaf.certificate().getEncoded())
                    + pem("CERTIFICATE", ca.certificate().getEncoded()));
            return p;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

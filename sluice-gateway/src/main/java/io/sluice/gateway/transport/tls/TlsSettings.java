package io.sluice.gateway.transport.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the TLS listener's certificate, key and (for mTLS) client CA come from, as plain values. Either
 * {@code certFile} and {@code keyFile} (PEM) or {@code keystoreFile} (PKCS#12, with its password from
 * {@code keystorePasswordFile} or {@code keystorePassword}). Immutable; printing it never shows a password.
 *
 * @param certFile             PEM certificate chain, leaf first; null with a keystore
 * @param keyFile              PEM private key (PKCS#8, or PKCS#1 RSA, or SEC1 EC); null with a keystore
 * @param keystoreFile         PKCS#12 keystore holding the key and its chain; null with PEM files
 * @param keystorePasswordFile file whose first line is the keystore's password (re-read on every reload), or null
 * @param keystorePassword     the keystore's password when not read from a file (e.g. from the environment), or null
 * @param clientCaFile         PEM certificates of the CAs whose client certificates are trusted (mTLS), or null
 * @param clientAuth           whether client certificates are requested or required
 * @param principalFrom        which name of the client certificate becomes the principal
 * @param reloadInterval       how often the files are checked for a change; zero: never (tests trigger it)
 * @param provider             the TLS implementation of the Netty runtimes (AUTO: OpenSSL where it loads)
 */
public record TlsSettings(Path certFile, Path keyFile, Path keystoreFile, Path keystorePasswordFile,
                          Secret keystorePassword, Path clientCaFile, ClientAuth clientAuth,
                          PrincipalSource principalFrom, Duration reloadInterval,
                          TlsProvider provider) {

    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);

    public TlsSettings {
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        principalFrom = principalFrom == null ? PrincipalSource.CN : principalFrom;
        reloadInterval = reloadInterval == null ? DEFAULT_RELOAD_INTERVAL : reloadInterval;
        provider = provider == null ? TlsProvider.AUTO : provider;
        boolean pem = certFile != null || keyFile != null;
        if (pem && keystoreFile != null) {
            throw new IllegalArgumentException("give either --tls-cert and --tls-key, or --tls-keystore, not both");
        }
        if (pem && (certFile == null || keyFile == null)) {
            throw new IllegalArgumentException(certFile == null ? "--tls-key needs --tls-cert"
                    : "--tls-cert needs --tls-key");
        }
        if (!pem && keystoreFile == null) {
            throw new IllegalArgumentException("TLS needs --tls-cert and --tls-key, or --tls-keystore");
        }
        if (keystoreFile != null && keystorePasswordFile == null && keystorePassword == null) {
            throw new IllegalArgumentException("--tls-keystore needs its password: --tls-keystore-password-file FILE "
                    + "or the environment variable SLUICE_TLS_KEYSTORE_PASSWORD");
        }
        if (clientAuth != ClientAuth.NONE && clientCaFile == null) {
            throw new IllegalArgumentException("--tls-client-auth " + clientAuth.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs --tls-client-ca FILE (the CA certificates that client certificates must chain to)");
        }
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("the TLS reload interval must not be negative");
        }
    }

    /** PEM certificate and key files, no client authentication. */
    public static TlsSettings pem(Path certFile, Path keyFile) {
        return new TlsSettings(certFile, keyFile, null, null, null, null, ClientAuth.NONE, PrincipalSource.CN, null, null);
    }

    /** A PKCS#12 keystore whose password is in {@code passwordFile}. */
    public static TlsSettings keystore(Path keystoreFile, Path passwordFile) {
        return new TlsSettings(null, null, keystoreFile, passwordFile, null, null, ClientAuth.NONE,
                PrincipalSource.CN, null, null);
    }

    /** These settings with client certificates checked against {@code caFile}. */
    public TlsSettings withClientAuth(Path caFile, ClientAuth auth, PrincipalSource from) {
        return new TlsSettings(certFile, keyFile, keystoreFile, keystorePasswordFile, keystorePassword, caFile,
                auth, from, reloadInterval, provider);
    }

    /** These settings with another reload interval (zero: only on demand). */
    public TlsSettings withReloadInterval(Duration interval) {
        return new TlsSettings(certFile, keyFile, keystoreFile, keystorePasswordFile, keystorePassword, clientCaFile,
                clientAuth, principalFrom, interval, provider);
    }

    /** These settings with another TLS implementation for the Netty runtimes. */
    public TlsSettings withProvider(TlsProvider p) {
        return new TlsSettings(certFile, keyFile, keystoreFile, keystorePasswordFile, keystorePassword, clientCaFile,
                clientAuth, principalFrom, reloadInterval, p);
    }

    /** Every file the listener reads, for change detection. */
    java.util.List<Path> files() {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (Path p : new Path[] {certFile, keyFile, keystoreFile, keystorePasswordFile, clientCaFile}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsSettings t && Objects.equals(certFile, t.certFile) && Objects.equals(keyFile, t.keyFile)
                && Objects.equals(keystoreFile, t.keystoreFile)
                && Objects.equals(keystorePasswordFile, t.keystorePasswordFile)
                && Objects.equals(clientCaFile, t.clientCaFile) && clientAuth == t.clientAuth
                && principalFrom == t.principalFrom && reloadInterval.equals(t.reloadInterval) && provider == t.provider;
    }

    @Override
    public int hashCode() {
        return Objects.hash(certFile, keyFile, keystoreFile, clientCaFile, clientAuth, principalFrom);
    }
}

package io.sluice.kafka.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The TLS material of the broker's secured listeners, as PKCS#12 files; an immutable value.
 *
 * <p>The key store holds the broker's private key and certificate, whose subject alternative names must
 * include {@value EmbeddedKafkaBroker#HOST} (clients verify the host by default). The trust store holds
 * the CA that signs client certificates; only the mTLS listener ({@link EmbeddedKafkaBroker.Builder#sslListener})
 * needs it.
 *
 * @param keyStore           PKCS#12 file with the broker's key and certificate chain
 * @param keyStorePassword   its password (also the key's password)
 * @param trustStore         PKCS#12 file with the CA certificates clients are checked against; may be null
 * @param trustStorePassword its password; null when {@code trustStore} is
 */
public record BrokerTls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

    public BrokerTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        if ((trustStore == null) != (trustStorePassword == null)) {
            throw new IllegalArgumentException("a trust store needs its password, and a password its trust store");
        }
    }

    /** The broker's key store alone: enough for SASL_SSL, where clients prove who they are with SCRAM. */
    public static BrokerTls keyStoreOnly(Path keyStore, String keyStorePassword) {
        return new BrokerTls(keyStore, keyStorePassword, null, null);
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "BrokerTls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }
}

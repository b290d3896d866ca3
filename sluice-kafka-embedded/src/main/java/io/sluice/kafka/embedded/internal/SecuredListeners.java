package io.sluice.kafka.embedded.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import io.sluice.kafka.embedded.BrokerTls;

/**
 * Adds client listeners that need TLS to a node's server properties: {@code SASL_SSL} with SCRAM, and
 * {@code SSL} requiring a client certificate; a pure function of its inputs, safe from any thread.
 *
 * <p>The plaintext listener stays for the controller, inter-broker traffic and the embedded broker's own
 * admin work (creating topics and SCRAM users), so a secured listener only changes what clients see:
 * <pre>
 * listeners            = PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,SASL_SSL://127.0.0.1:9094,SSL://127.0.0.1:9095
 * advertised.listeners = PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9094,SSL://127.0.0.1:9095
 * </pre>
 * Every TLS and SASL setting is scoped to its listener ({@code listener.name.sasl_ssl.*}), as Kafka's
 * documentation recommends, so the listeners do not share a trust decision by accident.
 */
public final class SecuredListeners {

    /** The listener name (and security protocol) of the SCRAM listener. */
    public static final String SASL_SSL = "SASL_SSL";
    /** The listener name (and security protocol) of the mTLS listener. */
    public static final String SSL = "SSL";
    /** Both SCRAM mechanisms are enabled; every user gets credentials for both. */
    public static final String SCRAM_MECHANISMS = "SCRAM-SHA-256,SCRAM-SHA-512";

    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule required;";

    private SecuredListeners() {
    }

    /** Adds a SASL_SSL listener on {@code host:port} accepting SCRAM-SHA-256 and SCRAM-SHA-512. */
    public static void addSaslSsl(Properties props, String host, int port, BrokerTls tls) {
        addListener(props, SASL_SSL, host, port);
        String prefix = prefix(SASL_SSL);
        props.setProperty(prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISMS);
        for (String mechanism : SCRAM_MECHANISMS.split(",")) {
            props.setProperty(prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    SCRAM_LOGIN_MODULE);
        }
        keyStore(props, prefix, tls);
        props.setProperty(prefix + "ssl.client.auth", "none");
    }

    /** Adds an SSL listener on {@code host:port} that refuses clients without a certificate from the trust store. */
    public static void addMutualTls(Properties props, String host, int port, BrokerTls tls) {
        if (tls.trustStore() == null) {
            throw new IllegalArgumentException("the mTLS listener needs a trust store with the CA of the client "
                    + "certificates; give BrokerTls a trustStore");
        }
        addListener(props, SSL, host, port);
        String prefix = prefix(SSL);
        keyStore(props, prefix, tls);
        props.setProperty(prefix + "ssl.truststore.location", path(tls.trustStore()));
        props.setProperty(prefix + "ssl.truststore.password", tls.trustStorePassword());
        props.setProperty(prefix + "ssl.truststore.type", "PKCS12");
        props.setProperty(prefix + "ssl.client.auth", "required");
    }

    private static void addListener(Properties props, String name, String host, int port) {
        String address = name + "://" + host + ":" + port;
        props.setProperty("listeners", props.getProperty("listeners") + "," + address);
        props.setProperty("advertised.listeners", props.getProperty("advertised.listeners") + "," + address);
        props.setProperty("listener.security.protocol.map",
                props.getProperty("listener.security.protocol.map") + "," + name + ":" + name);
    }

    private static void keyStore(Properties props, String prefix, BrokerTls tls) {
        props.setProperty(prefix + "ssl.keystore.location", path(tls.keyStore()));
        props.setProperty(prefix + "ssl.keystore.password", tls.keyStorePassword());
        props.setProperty(prefix + "ssl.key.password", tls.keyStorePassword());
        props.setProperty(prefix + "ssl.keystore.type", "PKCS12");
    }

    private static String prefix(String listener) {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString();
    }
}

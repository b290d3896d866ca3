package io.sluice.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.sluice.kafka.embedded.internal.KafkaLogLevels;

/**
 * Runs an {@link EmbeddedKafkaBroker} (alone, or as one node of a {@link KafkaCluster}) as the whole job
 * of its own JVM, as launched by {@link BrokerProcess}: prints {@value #READY_PREFIX}{@code 127.0.0.1:<port>} on standard output once the
 * broker accepts writes, and closes the broker on SIGTERM (a shutdown hook) or, with
 * {@code --exit-on-stdin-eof}, when standard input reaches end of file.
 *
 * <p>Exit codes: 0 after a clean stop, 1 if the broker failed to start, 2 for bad arguments.
 */
public final class BrokerMain {

    /** The start of the one line printed when the broker is ready; the bootstrap address follows. */
    public static final String READY_PREFIX = "SLUICE-BROKER-READY ";

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BrokerArgs parsed;
        try {
            parsed = BrokerArgs.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("sluice broker: " + e.getMessage());
            System.err.println(BrokerArgs.USAGE);
            System.exit(2);
            return;
        }
        if (System.getProperty("logback.configurationFile") == null) {
            KafkaLogLevels.quietWholeProcess();
        }
        EmbeddedKafkaBroker broker = parsed.toBroker();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            closed.countDown();
        }, "sluice-broker-shutdown"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            System.err.println("sluice broker: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(READY_PREFIX + broker.bootstrapServers());
        System.out.flush();
        if (parsed.exitOnStdinEof()) {
            drain(System.in);
            System.exit(0); // runs the shutdown hook, which closes the broker
        }
        closed.await();
    }

    /** Reads and discards {@code in} until end of file (or a read error, which means the same here). */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // nothing to do: the parent writes nothing, we only wait for it to go away
            }
        } catch (IOException e) {
            // treat as end of file
        }
    }
}

package io.sluice.gateway.testing;

import io.sluice.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real single-node KRaft broker in a temporary directory, for one test class. Test-only. */
public final class TestBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private EmbeddedKafkaBroker broker;

    private TestBroker(Path dir, int port, EmbeddedKafkaBroker broker) {
        this.dir = dir;
        this.port = port;
        this.broker = broker;
    }

    /** Starts a broker with topics {@code events} (4 partitions) and {@code single} (1 partition). */
    public static TestBroker start() {
        try {
            Path dir = Files.createTempDirectory("sluice-test-kafka");
            EmbeddedKafkaBroker b = build(dir, 0).start();
            return new TestBroker(dir, b.brokerPort(), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedKafkaBroker build(Path dir, int port) {
        return EmbeddedKafkaBroker.builder().dataDir(dir).brokerPort(port)
                .topic("events", 4).topic("single", 1)
                .config("auto.create.topics.enable", "false")
                .build();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (the data stays). */
    public void stop() {
        broker.close();
    }

    /** Starts it again on the same port and data. */
    public void restart() {
        broker = build(dir, port).start();
    }

    @Override
    public void close() {
        broker.close();
    }
}

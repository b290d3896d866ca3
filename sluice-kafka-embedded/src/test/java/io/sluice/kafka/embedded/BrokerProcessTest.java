package io.sluice.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each test launches at most one child JVM with a small heap. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BrokerProcessTest {

    @TempDir
    Path dataDir;

    private BrokerProcess.Builder child() {
        return BrokerProcess.builder().dataDir(dataDir).brokerPort(0).maxHeap("256m");
    }

    @Test
    void shouldServeProduceAndExitOnSigterm() throws Exception {
        long t0 = System.nanoTime();
        try (BrokerProcess broker = child().topic("events", 2).start()) {
            System.out.printf("child broker ready in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());

            KafkaTestClients.produce(broker.bootstrapServers(), "events", List.of("x", "y"));
            assertThat(KafkaTestClients.consumeValues(broker.bootstrapServers(), "events", 2)).containsExactlyInAnyOrder("x", "y");

            long t1 = System.nanoTime();
            broker.stop();
            System.out.printf("child broker stopped on SIGTERM in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));

            assertThat(broker.isAlive()).isFalse();
            assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(FreePorts.isFree(EmbeddedKafkaBroker.HOST, broker.brokerPort())).isTrue();
        }
    }

    @Test
    void shouldDieAtOnceOnKillAndRestartOnSameDataDirAndPort() throws Exception {
        BrokerProcess broker = child().topic("events", 1).start();
        KafkaTestClients.produce(broker.bootstrapServers(), "events", List.of("acked-before-kill"));

        broker.kill();

        assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        broker.close(); // closing a killed broker does nothing
        assertThat(broker.isAlive()).isFalse();

        long t0 = System.nanoTime();
        try (BrokerProcess restarted = child().brokerPort(broker.brokerPort()).topic("events", 1).start()) {
            System.out.printf("child broker ready after kill in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertThat(KafkaTestClients.consumeValues(restarted.bootstrapServers(), "events", 1))
                    .containsExactly("acked-before-kill");
        }
    }

    @Test
    void shouldRefuseTakenPortBeforeLaunching() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> child().brokerPort(port).start())
                    .isInstanceOf(BrokerPortInUseException.class)
                    .hasMessageStartingWith("Kafka broker port " + port + " is already in use on 127.0.0.1");
        }
    }

    @Test
    void shouldReportChildOutputWhenChildExitsBeforeReady() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "not a directory");

        assertThatThrownBy(() -> BrokerProcess.builder().dataDir(notADirectory).brokerPort(0).maxHeap("128m")
                .readyTimeout(Duration.ofSeconds(60)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1 before it was ready")
                .hasMessageContaining("sluice broker:");
    }
}

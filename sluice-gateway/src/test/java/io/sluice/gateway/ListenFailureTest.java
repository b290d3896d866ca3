package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.transport.ListenFailedException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Regression (issue 9, defect 11): a taken HTTP port was reported in Netty's words on the native runtimes. */
class ListenFailureTest {

    @ParameterizedTest
    @EnumSource(IoMode.class)
    void shouldNameThePortAndTheAddressAndSayWhatToDoWhenThePortIsTaken(IoMode io) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            GatewayConfig config = GatewayConfig.builder("unused:9092").sink(SinkKind.NONE).bind("127.0.0.1")
                    .port(port).io(io).ioThreads(1).build();
            assertThatThrownBy(() -> Gateway.start(config))
                    .isInstanceOf(ListenFailedException.class)
                    .hasMessage("HTTP port " + port + " on 127.0.0.1 is already in use; stop whatever uses it or "
                            + "choose another port with --port");
        }
    }
}

package io.sluice.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.sluice.loadgen.ErrorKind;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Failures are classified by the errno message that both NIO and epoll carry. */
class ErrorClassifierTest {

    @Test
    void shouldClassifyConnectFailuresOfNioAndEpoll() {
        assertThat(ErrorClassifier.kindOf(new ConnectException("Connection refused")))
                .isEqualTo(ErrorKind.CONNECT_REFUSED);
        assertThat(ErrorClassifier.kindOf(new ConnectException("connect(..) failed: Connection refused: /127.0.0.1:1")))
                .isEqualTo(ErrorKind.CONNECT_REFUSED);
        assertThat(ErrorClassifier.kindOf(new BindException("connect(..) failed: Cannot assign requested address")))
                .isEqualTo(ErrorKind.ADDRESS_NOT_AVAILABLE);
        assertThat(ErrorClassifier.kindOf(new ConnectTimeoutException("connection timed out after 500 ms")))
                .isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void shouldClassifyResetAndBrokenPipe() {
        assertThat(ErrorClassifier.kindOf(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isEqualTo(ErrorKind.RESET);
        assertThat(ErrorClassifier.kindOf(new IOException("writev(..) failed: Broken pipe")))
                .isEqualTo(ErrorKind.CLOSED_EARLY);
    }

    @Test
    void shouldLookThroughCausesAndFallBackToOther() {
        assertThat(ErrorClassifier.kindOf(new IllegalStateException("wrapped", new ConnectException("Connection refused"))))
                .isEqualTo(ErrorKind.CONNECT_REFUSED);
        assertThat(ErrorClassifier.kindOf(new IOException((String) null))).isEqualTo(ErrorKind.OTHER);
        assertThat(ErrorClassifier.kindOf(new IllegalStateException("something else"))).isEqualTo(ErrorKind.OTHER);
    }
}

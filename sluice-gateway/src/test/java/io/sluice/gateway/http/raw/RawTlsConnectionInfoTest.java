package io.sluice.gateway.http.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.gateway.http.TlsSession;
import io.sluice.gateway.transport.tls.TlsHandshake;
import org.junit.jupiter.api.Test;

/** The raw style's requests carry the TLS session from the moment the handshake finished (no socket needed). */
class RawTlsConnectionInfoTest {

    @Test
    void shouldCarryTheTlsSessionOnceTheHandshakeFinished() {
        EmbeddedChannel ch = new EmbeddedChannel();
        RawRequestHandler handler = new RawRequestHandler(new RawRequestHandler.RouterContext(null, null, () -> false,
                4096, 65536, 1_000_000_000L, 1_000_000_000L));
        ch.pipeline().addLast(handler);
        assertThat(handler.connection().secure()).as("before the handshake").isFalse();

        ch.attr(TlsHandshake.ATTRIBUTE).set(new TlsHandshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "alice"));
        ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);

        assertThat(handler.connection().tls()).isEqualTo(new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", "alice"));
        ch.finishAndReleaseAll();
    }
}

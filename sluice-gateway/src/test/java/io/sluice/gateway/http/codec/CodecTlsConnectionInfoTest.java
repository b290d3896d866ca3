package io.sluice.gateway.http.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.gateway.http.TlsSession;
import io.sluice.gateway.transport.tls.TlsHandshake;
import org.junit.jupiter.api.Test;

/** The codec style's requests carry the TLS session from the moment the handshake finished (no socket needed). */
class CodecTlsConnectionInfoTest {

    @Test
    void shouldCarryTheTlsSessionOnceTheHandshakeFinished() {
        EmbeddedChannel ch = new EmbeddedChannel();
        CodecRequestHandler handler = new CodecRequestHandler(null, null, 65536, 1_000_000_000L, 1_000_000_000L,
                () -> false);
        ch.pipeline().addLast(handler);
        assertThat(handler.connection().secure()).as("before the handshake").isFalse();

        ch.attr(TlsHandshake.ATTRIBUTE).set(new TlsHandshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                null));
        ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);

        assertThat(handler.connection().tls()).isEqualTo(new TlsSession("TLSv1.2",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", null));
        ch.finishAndReleaseAll();
    }
}

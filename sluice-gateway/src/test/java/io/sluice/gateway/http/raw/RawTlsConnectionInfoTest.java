package io.sluice.gateway.http.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.TlsSession;
import io.sluice.gateway.ingest.Availability;
import io.sluice.gateway.ingest.IngestService;
import io.sluice.gateway.ingest.TopicDirectory;
import io.sluice.gateway.ingest.TopicInfo;
import io.sluice.gateway.transport.tls.TlsHandshake;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The raw style's requests carry the TLS session from the moment the handshake finished (no socket needed). */
class RawTlsConnectionInfoTest {

    @Test
    void shouldCarryTheTlsSessionOnceTheHandshakeFinished() {
        EmbeddedChannel ch = new EmbeddedChannel();
        RawRequestHandler handler = new RawRequestHandler(new RawRequestHandler.RouterContext(unusedRouter(), null,
                () -> false, 4096, 65536, 1_000_000_000L, 1_000_000_000L));
        ch.pipeline().addLast(handler);
        assertThat(handler.connection().secure()).as("before the handshake").isFalse();

        ch.attr(TlsHandshake.ATTRIBUTE).set(new TlsHandshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "alice"));
        ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);

        assertThat(handler.connection().tls()).isEqualTo(new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256", "alice"));
        ch.finishAndReleaseAll();
    }

    /** A router no request reaches here: the handler only asks it, when added, whether its gate is open. */
    private static RequestRouter unusedRouter() {
        IngestService ingest = new IngestService(new TopicDirectory() {
            @Override
            public boolean isAllowed(String topic) {
                throw new AssertionError("no request reaches the router here");
            }

            @Override
            public void whenKnown(String topic, BiConsumer<TopicInfo, Throwable> action) {
                throw new AssertionError("no request reaches the router here");
            }
        }, Availability.ALWAYS, null, DeliveryMode.ACK);
        return new RequestRouter(ingest, Availability.ALWAYS, null, "events");
    }
}

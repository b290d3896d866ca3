package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.HttpStyle;
import io.sluice.gateway.http.codec.CodecPipeline;
import io.sluice.gateway.http.raw.RawPipeline;
import io.sluice.gateway.ingest.Availability;
import io.sluice.gateway.ingest.IngestService;
import io.sluice.gateway.ingest.RecordSink;
import io.sluice.gateway.ingest.TopicDirectory;
import io.sluice.gateway.transport.ProtocolPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, defect 5, end to end through a Netty style (no sockets): a request whose answering throws
 * gets 500 internal_error, and the connection goes on to answer the requests pipelined behind it. Before
 * the fix the failed answer's slot stayed empty and every later answer waited for ever.
 */
class FailingAnswerTest {
    private static final HttpMetrics NO_METRICS = new HttpMetrics() {
        @Override
        public void requestCompleted(String route, int status) {
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public byte[] scrape() {
            return new byte[0];
        }
    };

    /** A planted bug: looking up whether a topic is allowed throws. */
    private static final TopicDirectory BROKEN = new TopicDirectory() {
        @Override
        public boolean isAllowed(String topic) {
            throw new IllegalStateException("planted: the topic directory is broken");
        }

        @Override
        public void whenKnown(String topic, java.util.function.BiConsumer<io.sluice.gateway.ingest.TopicInfo,
                Throwable> action) {
            throw new AssertionError("not reached");
        }
    };

    private static ProtocolPipeline style(HttpStyle style, RequestRouter router) {
        Duration t = Duration.ofSeconds(30);
        return style == HttpStyle.RAW ? new RawPipeline(router, NO_METRICS, 1024, 1024, t, t, t, () -> false)
                : new CodecPipeline(router, NO_METRICS, 1024, 1024, t, t, t, () -> false);
    }

    @ParameterizedTest
    @EnumSource(HttpStyle.class)
    void shouldAnswer500AndGoOnAnsweringThePipelinedRequestsBehindIt(HttpStyle http) {
        RecordSink neverCalled = null;
        IngestService ingest = new IngestService(BROKEN, Availability.ALWAYS, neverCalled, DeliveryMode.ACK);
        RequestRouter router = new RequestRouter(ingest, Availability.ALWAYS, NO_METRICS, "events");
        EmbeddedChannel ch = new EmbeddedChannel();
        style(http, router).install(ch.pipeline());

        ch.writeInbound(Unpooled.copiedBuffer("POST /topics/t HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na"
                + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.ISO_8859_1));
        ch.runPendingTasks();

        List<String> statusLines = new ArrayList<>();
        Object out;
        while ((out = ch.readOutbound()) != null) {
            statusLines.add(statusLine(out));
        }
        assertThat(statusLines).containsExactly("HTTP/1.1 500 Internal Server Error", "HTTP/1.1 200 OK");
        assertThat(ch.isActive()).as("the connection goes on").isTrue();
        ch.finishAndReleaseAll();
    }

    private static String statusLine(Object written) {
        if (written instanceof FullHttpResponse r) {
            String line = r.protocolVersion() + " " + r.status();
            r.release();
            return line;
        }
        if (written instanceof ByteBuf b) {
            String text = b.toString(StandardCharsets.ISO_8859_1);
            b.release();
            return text.substring(0, text.indexOf("\r\n"));
        }
        return String.valueOf(written);
    }
}

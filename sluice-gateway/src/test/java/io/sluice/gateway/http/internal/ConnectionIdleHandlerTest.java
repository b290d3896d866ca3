package io.sluice.gateway.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionIdleHandlerTest {
    private final List<Object> events = new ArrayList<>();

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime(); // the channel's own clock: time moves only when the test says so
        ch.pipeline().addLast(new ConnectionIdleHandler(Duration.ofSeconds(10)), new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
            }
        });
        return ch;
    }

    private static void pass(EmbeddedChannel ch, long seconds) {
        ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void shouldReportAConnectionIdleOnceItHasNeitherReadNorWrittenForTheTimeout() {
        EmbeddedChannel ch = channel();
        pass(ch, 9);
        assertThat(events).isEmpty();
        pass(ch, 2);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
    }

    @Test
    void shouldCountAWriteAsActivityWhenItIsQueuedNotWhenItCompletes() {
        EmbeddedChannel ch = channel();
        pass(ch, 6);
        ch.writeOneOutbound(Unpooled.wrappedBuffer(new byte[] {1})); // queued; not flushed, so not complete
        pass(ch, 6);
        assertThat(events).as("queued 6 s ago").isEmpty();
        pass(ch, 5);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        ch.flushOutbound();
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldCountAReadAsActivity() {
        EmbeddedChannel ch = channel();
        pass(ch, 6);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        pass(ch, 6);
        assertThat(events).isEmpty();
        ch.finishAndReleaseAll();
    }
}

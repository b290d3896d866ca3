package io.sluice.gateway.http.codec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits before Netty's decoder and tells the request handler that bytes arrived, so that a request
 * head's read deadline starts at its first byte (the decoder only speaks once the whole head is there).
 * One instance per connection; runs on its event loop and never blocks.
 */
final class HeadStartWatcher extends ChannelInboundHandlerAdapter {
    private final CodecRequestHandler handler;

    HeadStartWatcher(CodecRequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        handler.bytesArrived();
        ctx.fireChannelRead(msg);
    }
}

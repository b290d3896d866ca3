package io.sluice.gateway.transport.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits behind the {@link SslHandler}: when the handshake has finished, hangs its {@link TlsHandshake} on the
 * channel ({@link TlsHandshake#ATTRIBUTE}) before the completion event travels on to the protocol's
 * handlers, then leaves the pipeline. One instance per connection; runs on its event loop; never blocks.
 */
final class HandshakeRecorder extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HandshakeRecorder.class);

    private final PrincipalSource principalFrom;

    HandshakeRecorder(PrincipalSource principalFrom) {
        this.principalFrom = principalFrom;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                ctx.channel().attr(TlsHandshake.ATTRIBUTE).set(TlsHandshake.of(ssl.engine().getSession(),
                        principalFrom));
            } else {
                log.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), done.cause().toString());
            }
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a failed handshake (unknown CA, expired client certificate, not TLS at all): SslHandler closes
        log.debug("TLS error on {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}

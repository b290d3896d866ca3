package io.sluice.gateway.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after its last answer without destroying that answer (RFC 9112 9.6, "lingering
 * close"). Closing a socket that still has unread bytes from the client makes the kernel send a reset,
 * and a reset can discard the answer before the client reads it: a client told 413 mid-upload, or one that
 * pipelined a request behind {@code Connection: close}, would see "connection reset" instead. So the
 * server half-closes (the client reads the answer, then end-of-stream), keeps reading and discarding what
 * the client still sends, and closes when the client does or after {@link #LINGER_MILLIS}. Used only
 * when input may still be coming; an answer that closes a quiet connection closes it at once.
 * Runs on the channel's event loop.
 */
public final class LingeringClose implements ChannelFutureListener {
    /** How long a half-closed connection waits for the client to close its side. */
    public static final long LINGER_MILLIS = 2_000;
    public static final LingeringClose INSTANCE = new LingeringClose();

    private LingeringClose() {
    }

    @Override
    public void operationComplete(ChannelFuture written) {
        Channel ch = written.channel();
        if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex) || !ch.isActive()) {
            ch.close();
            return;
        }
        duplex.shutdownOutput().addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
                return;
            }
            ch.config().setAutoRead(true); // read and discard whatever is still coming
            ch.eventLoop().schedule(() -> ch.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }
}

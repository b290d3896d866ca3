package io.sluice.gateway.transport;

import io.netty.channel.ChannelPipeline;

/**
 * Installs a protocol's handlers on a new connection's pipeline (the transport knows nothing of what
 * they speak). Implementations are shared by all
 * connections and thread-safe; {@link #install} runs on the connection's event loop.
 *
 * <p>Not a {@code ChannelInitializer}: the transport calls this from its own initializer, which saves
 * adding and removing a handler per connection (measurable under connection-per-request load).
 */
public interface ProtocolPipeline {

    void install(ChannelPipeline pipeline);
}

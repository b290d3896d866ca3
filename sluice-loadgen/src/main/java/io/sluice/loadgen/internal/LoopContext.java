package io.sluice.loadgen.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;

/**
 * What every worker of one event loop shares: the loop, a bootstrap bound to it, the server, the run's time line,
 * and the stamper that writes request ids ({@code null} when the run sends one fixed request).
 */
public record LoopContext(EventLoop loop, Bootstrap bootstrap, SocketAddress server, RunTiming timing,
                          ErrorClassifier classifier, RequestStamper stamper) {
}

package io.sluice.loadgen.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.sluice.loadgen.ClientTls;
import java.net.InetSocketAddress;

/**
 * What every worker of one event loop shares: the loop, a bootstrap bound to it, the server, the run's time line,
 * the stamper that writes request ids ({@code null} when the run sends one fixed request), and the TLS client
 * settings ({@code null} for plaintext).
 */
public record LoopContext(EventLoop loop, Bootstrap bootstrap, InetSocketAddress server, RunTiming timing,
                          ErrorClassifier classifier, RequestStamper stamper, ClientTls tls) {
}

package io.sluice.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The HAProxy configuration that {@code sluice soak --topology} puts in front of its gateways: an immutable
 * value, safe from any thread; {@link #render()} is a pure function of it.
 *
 * <p>Why each setting is there, for a rolling restart that no client notices:
 * <ul>
 *   <li>{@code option httpchk GET /readyz} every {@code checkInterval} with {@code fall 2}: a gateway that got
 *       SIGTERM closes its listener at once (and answers 503 on /readyz), so it leaves the pool within two
 *       checks, and the connects refused meanwhile are retried elsewhere (below). {@code timeout check 2s} and
 *       {@code fall 2}, not 1: on a busy machine one /readyz slower than the interval took a healthy gateway
 *       out. {@code rise 2} lets a restarted gateway in only after two good checks, and {@code slowstart} ramps
 *       its share up so its first, cold requests are few.</li>
 *   <li>{@code retries} + {@code option redispatch 1}: a connect refused by a gateway that has stopped
 *       listening but is not yet marked down is tried again on another gateway.</li>
 *   <li>{@code retry-on conn-failure empty-response 503}: a request sent on a kept-alive connection to a
 *       draining gateway gets {@code 503 shutting_down} (the gateway did not produce it), or finds the
 *       connection closed as it went out (the gateway never read it): both are safe to send to another
 *       gateway, so HAProxy does, and the client sees a 2xx. A gateway that read a request always answers it
 *       while it drains, so an empty response never hides a produced record.</li>
 *   <li>{@code http-reuse safe}: a client's first request never goes on an idle server connection another
 *       client left, the connection most likely to be closed under it.</li>
 *   <li>{@code timeout http-keep-alive} longer than any pause of the load: HAProxy itself never closes a
 *       client's connection between requests.</li>
 * </ul>
 *
 * @param listenPort    where clients connect, on 127.0.0.1
 * @param gatewayPorts  the gateways, on 127.0.0.1, named gw1..gwN in this order
 * @param checkInterval the /readyz health check's interval
 * @param statsSocket   where HAProxy answers {@code show stat} (see {@link HaproxyStats}), or null for none
 */
public record HaproxyConfig(int listenPort, List<Integer> gatewayPorts, Duration checkInterval, Path statsSocket) {

    /** The name of the backend of gateways. */
    public static final String BACKEND = "gateways";

    public HaproxyConfig {
        gatewayPorts = List.copyOf(gatewayPorts);
        if (gatewayPorts.isEmpty()) {
            throw new IllegalArgumentException("HAProxy needs at least one gateway");
        }
        if (checkInterval.toMillis() < 100) {
            throw new IllegalArgumentException("a health check interval under 100 ms, was " + checkInterval);
        }
    }

    /** The server name of the gateway at {@code index} (0-based) in the generated configuration. */
    public static String serverName(int index) {
        return "gw" + (index + 1);
    }

    /** The configuration file's text, for {@code haproxy -f FILE -db}. */
    public String render() {
        long inter = checkInterval.toMillis();
        StringBuilder c = new StringBuilder();
        c.append("# Written by `sluice soak --topology`; run as `haproxy -f <this file> -db`.\n");
        c.append("global\n");
        c.append("    nbthread 1\n");
        c.append("    maxconn 4096\n");
        if (statsSocket != null) {
            c.append("    stats socket ").append(statsSocket.toAbsolutePath()).append(" mode 600 level operator\n");
        }
        c.append("\n");
        c.append("defaults\n");
        c.append("    mode http\n");
        c.append("    option http-keep-alive\n");
        c.append("    timeout connect 1s\n");
        c.append("    timeout client 60s\n");
        c.append("    timeout server 35s\n");
        c.append("    timeout http-request 10s\n");
        c.append("    timeout http-keep-alive 60s\n");
        c.append("    timeout queue 10s\n");
        c.append("    timeout check 2s\n");
        c.append("    retries 3\n");
        c.append("    option redispatch 1\n");
        c.append("    retry-on conn-failure empty-response 503\n");
        c.append("    http-reuse safe\n");
        c.append("\n");
        c.append("frontend sluice\n");
        c.append("    bind 127.0.0.1:").append(listenPort).append('\n');
        c.append("    default_backend ").append(BACKEND).append('\n');
        c.append("\n");
        c.append("backend ").append(BACKEND).append('\n');
        c.append("    balance roundrobin\n");
        c.append("    option httpchk GET /readyz\n");
        c.append("    http-check expect status 200\n");
        c.append("    default-server inter ").append(inter).append("ms fastinter ").append(inter)
                .append("ms downinter ").append(inter).append("ms fall 2 rise 2 slowstart 3s\n");
        for (int i = 0; i < gatewayPorts.size(); i++) {
            c.append("    server ").append(serverName(i)).append(" 127.0.0.1:").append(gatewayPorts.get(i))
                    .append(" check\n");
        }
        return c.toString();
    }
}

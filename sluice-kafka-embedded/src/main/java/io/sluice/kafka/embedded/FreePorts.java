package io.sluice.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and checks local TCP ports by binding to them; stateless and safe to call from any thread.
 *
 * <p>A port reported free can still be taken by someone else before Kafka binds it; the window is
 * short and the broker then fails to start with Kafka's own bind error.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns a port that the operating system reports free on {@code host} right now. */
    public static int pick(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port on " + host, e);
        }
    }

    /**
     * Returns a free port that is not {@code exclude}: two ports picked one after the other can be the
     * same, since the first is released before the second is asked for.
     */
    public static int pickExcept(String host, int exclude) {
        return pickExcept(host, new int[] {exclude});
    }

    /** Returns a free port that is none of {@code excluded} (ports already chosen for the same node). */
    public static int pickExcept(String host, int... excluded) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = pick(host);
            if (java.util.Arrays.stream(excluded).noneMatch(e -> e == port)) {
                return port;
            }
        }
        throw new IllegalStateException("cannot find a free TCP port on " + host + " other than "
                + java.util.Arrays.toString(excluded));
    }

    /**
     * Returns {@code count} different ports, each free when it was picked: for a cluster, whose nodes
     * must know each other's ports before any of them starts.
     */
    public static List<Integer> pickDistinct(String host, int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (int attempt = 0; ports.size() < count && attempt < 100 * count; attempt++) {
            ports.add(pick(host));
        }
        if (ports.size() < count) {
            throw new IllegalStateException("cannot find " + count + " different free TCP ports on " + host);
        }
        return List.copyOf(ports);
    }

    /**
     * Returns whether a server socket can bind {@code host:port} now. Uses SO_REUSEADDR like Kafka's
     * own acceptor, so a port left in TIME_WAIT by a broker that just stopped counts as free.
     */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

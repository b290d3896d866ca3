package io.sluice.bench.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something listens on a port of 127.0.0.1, for the processes a run starts. Stateless. */
public final class LocalPort {
    private LocalPort() {
    }

    /** True when a TCP connection to 127.0.0.1:{@code port} is accepted within half a second. */
    public static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

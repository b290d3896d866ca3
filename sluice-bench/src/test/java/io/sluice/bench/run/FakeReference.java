package io.sluice.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the reference design, started as {@code FakeReference PORT BOOTSTRAP TOPIC} like its run.sh:
 * it answers every read with {@code 200 Payload received} and, like the original, never closes a connection
 * itself (only when the client does). Runs one virtual thread per connection; Kafka is not touched.
 */
public final class FakeReference {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\n"
            + "Payload received").getBytes(StandardCharsets.US_ASCII);

    private FakeReference() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FakeReference PORT BOOTSTRAP TOPIC");
            System.exit(2);
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 4096);
        System.out.println("listening on " + args[0] + ", producing to " + args[2] + " at " + args[1]);
        while (true) {
            Socket s = server.accept();
            Thread.ofVirtual().start(() -> serve(s));
        }
    }

    private static void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) > 0) { // one read = one request, as the original assumes
                out.write(ANSWER);
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}

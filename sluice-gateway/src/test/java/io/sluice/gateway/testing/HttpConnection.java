package io.sluice.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A test-only HTTP/1.1 client over one raw socket, so tests control every byte (pipelining, split
 * writes, malformed input) and see exactly what the server sends. Not thread-safe. Every read has a
 * timeout.
 */
public final class HttpConnection implements AutoCloseable {

    /** One parsed response. Header names are lower-cased. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public HttpConnection(int port) throws IOException {
        this(port, 10_000);
    }

    public HttpConnection(int port, int readTimeoutMillis) throws IOException {
        this(plain(port, readTimeoutMillis));
    }

    private HttpConnection(Socket connected) throws IOException {
        socket = connected;
        in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private static Socket plain(int port, int readTimeoutMillis) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(readTimeoutMillis);
        s.setTcpNoDelay(true);
        return s;
    }

    /** The same client over an already connected socket (e.g. a TLS socket past its handshake). */
    public static HttpConnection over(Socket connected) throws IOException {
        return new HttpConnection(connected);
    }

    /** The same client over TLS to 127.0.0.1:{@code port}, handshake finished, server checked as "localhost". */
    public static HttpConnection overTls(javax.net.ssl.SSLContext ctx, int port, int readTimeoutMillis)
            throws IOException {
        return new HttpConnection(TestPki.connect(ctx, port, readTimeoutMillis));
    }

    /** A POST with Content-Length and the given extra header lines (each "Name: value"). */
    public static byte[] post(String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    public static byte[] get(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    public HttpConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public HttpConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public Response exchange(byte[] request) throws IOException {
        send(request);
        return readResponse();
    }

    /** Reads one response (Content-Length or chunked body; 1xx responses are returned too). */
    public Response readResponse() throws IOException {
        return readResponse(true);
    }

    /** Reads the status line and header section of an answer to HEAD: no body follows, whatever the headers say. */
    public Response readResponseWithoutBody() throws IOException {
        return readResponse(false);
    }

    private Response readResponse(boolean withBody) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        if (withBody && status >= 200 && headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (withBody && status >= 200 && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
                all.writeBytes(chunk);
            }
            body = all.toByteArray();
        }
        return new Response(status, headers, body);
    }

    /**
     * Reads the next chunk of a chunked body whose head {@link #readResponseWithoutBody} read: its bytes, or
     * null for the last chunk (its trailer section is read too).
     */
    public byte[] readChunk() throws IOException {
        String sizeLine = readLine();
        if (sizeLine == null) {
            throw new IOException("connection closed inside a chunked body");
        }
        int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
        if (size == 0) {
            String trailer;
            while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                // trailer fields are ignored
            }
            return null;
        }
        byte[] data = in.readNBytes(size);
        readLine();
        return data;
    }

    /** One chunk of a chunked request body, as bytes to send. */
    public static byte[] chunk(String data) {
        byte[] d = data.getBytes(StandardCharsets.UTF_8);
        return concat((Integer.toHexString(d.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1), d,
                "\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** True if the server closed the connection (EOF) within the socket's read timeout. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

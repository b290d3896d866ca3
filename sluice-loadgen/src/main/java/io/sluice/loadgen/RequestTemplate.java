package io.sluice.loadgen;

import java.nio.charset.StandardCharsets;

/**
 * The request every virtual user sends: POST {@code path} with {@code body} to {@code host:port}.
 * Immutable.
 */
public record RequestTemplate(String host, int port, String path, String contentType, byte[] body) {

    /** The request's bytes; {@code close} adds {@code Connection: close} (connection-per-request shapes). */
    public byte[] encode(boolean close) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /** The reference experiment's payload, {@code {"data":"test_..."}}, padded to {@code bytes} (>= 16). */
    public static byte[] jsonPayload(int bytes) {
        String prefix = "{\"data\":\"test_";
        String suffix = "\"}";
        int fill = Math.max(0, bytes - prefix.length() - suffix.length());
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < fill; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.append(suffix).toString().getBytes(StandardCharsets.US_ASCII);
    }
}

package io.sluice.loadgen;

import java.nio.charset.StandardCharsets;

/**
 * The request every virtual user sends: POST {@code path} with {@code body} to {@code host:port}.
 * Immutable.
 */
public record RequestTemplate(String host, int port, String path, String contentType, byte[] body) {
    /** Width of the id slot of {@link #idPayload}: zero-padded decimal digits. */
    public static final int ID_DIGITS = 16;
    private static final String ID_PREFIX = "{\"id\":\"";
    private static final byte[] ID_MARK = ID_PREFIX.getBytes(StandardCharsets.US_ASCII);

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

    /**
     * A payload with an id slot: {@code {"id":"<16 digits>","data":"test_..."}}, padded to {@code bytes}
     * (at least the 44 bytes without padding). The load generator overwrites the digits per request when it
     * runs with a {@link RequestLedger}; {@link #idOf} reads them back from a Kafka record.
     */
    public static byte[] idPayload(int bytes) {
        String head = ID_PREFIX + "0".repeat(ID_DIGITS) + "\",";
        byte[] rest = jsonPayload(Math.max(16, bytes - head.length() + 1));
        byte[] out = new byte[head.length() + rest.length - 1];
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(rest, 1, out, h.length, rest.length - 1); // rest without its opening brace
        return out;
    }

    /** Where the body's id slot starts, counted back from the end of the body; -1 when it has none. */
    public int idSlotFromEnd() {
        int at = indexOf(body, ID_MARK);
        if (at < 0 || at + ID_MARK.length + ID_DIGITS > body.length) {
            return -1;
        }
        return body.length - (at + ID_MARK.length);
    }

    /** The id in a body built by {@link #idPayload} (and stamped), or -1 when it carries none. */
    public static long idOf(byte[] value) {
        if (value == null || value.length < ID_MARK.length + ID_DIGITS) {
            return -1;
        }
        for (int i = 0; i < ID_MARK.length; i++) {
            if (value[i] != ID_MARK[i]) {
                return -1;
            }
        }
        long id = 0;
        for (int i = ID_MARK.length; i < ID_MARK.length + ID_DIGITS; i++) {
            int d = value[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            id = id * 10 + d;
        }
        return id;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

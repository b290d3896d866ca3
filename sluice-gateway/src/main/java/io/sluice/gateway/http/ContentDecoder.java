package io.sluice.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.sluice.gateway.http.internal.ContentCoding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a request body sent with {@code Content-Encoding} before any produce format reads it, so every
 * format (raw, NDJSON, the peers' envelopes) sees plain bytes. Stateless and thread-safe; runs on the
 * connection's thread (decoding a full 1 MiB body costs about a millisecond, see the README).
 *
 * <p>{@code --max-body-size} bounds the decoded size too: the decoder streams into a buffer that may
 * not grow past the limit, so a 1 KiB zip bomb that would inflate to 1 GiB is refused with 413 after at
 * most the limit was produced. An unknown coding is 415 (with {@code Accept-Encoding}, RFC 9110
 * 15.5.16), a corrupt or truncated stream 400; in every refusal nothing of the body is published.
 */
public final class ContentDecoder {
    /** The error code of a 415 for an unknown coding; its answer carries {@code Accept-Encoding}. */
    public static final String UNSUPPORTED = "unsupported_content_encoding";
    /** The codings decoded, for the {@code Accept-Encoding} of that 415 (RFC 9110 12.5.3). */
    public static final String ACCEPTED = ContentCoding.ACCEPTED;
    private static final int CHUNK = 16 * 1024;

    private final int maxDecodedSize;
    private final ByteBufAllocator alloc;

    /** @param maxDecodedSize the most bytes a decoded body may have ({@code --max-body-size}) */
    public ContentDecoder(int maxDecodedSize, ByteBufAllocator alloc) {
        if (maxDecodedSize <= 0) {
            throw new IllegalArgumentException("maxDecodedSize must be positive, was " + maxDecodedSize);
        }
        this.maxDecodedSize = maxDecodedSize;
        this.alloc = alloc;
    }

    public int maxDecodedSize() {
        return maxDecodedSize;
    }

    /**
     * The decoded body, owned by the caller (release it), or null when {@code contentEncoding} names no
     * coding ({@code identity}, or empty). Codings listed in the order applied are undone in reverse.
     * {@code body} is not released.
     */
    public ByteBuf decode(String contentEncoding, ByteBuf body) throws RequestRejection {
        List<ContentCoding> codings = parse(contentEncoding);
        if (codings.isEmpty()) {
            return null;
        }
        ByteBuf current = null;
        try {
            for (int i = codings.size() - 1; i >= 0; i--) {
                ByteBuf next = decodeOne(codings.get(i), current == null ? body : current);
                if (current != null) {
                    current.release();
                }
                current = next;
            }
            return current;
        } catch (RequestRejection | RuntimeException | Error e) {
            if (current != null) {
                current.release();
            }
            throw e;
        }
    }

    /** The codings of a Content-Encoding value, in the order applied; identity dropped. 415 for others. */
    static List<ContentCoding> parse(String contentEncoding) throws RequestRejection {
        List<ContentCoding> out = new ArrayList<>(1);
        for (String token : contentEncoding.split(",")) {
            String t = token.trim();
            if (t.isEmpty() || t.equalsIgnoreCase("identity")) {
                continue;
            }
            ContentCoding c = ContentCoding.forToken(t);
            if (c == null) {
                throw new RequestRejection(415, UNSUPPORTED, "Content-Encoding '" + t + "' is not supported; use "
                        + ContentCoding.ACCEPTED + " (or none)");
            }
            out.add(c);
        }
        return out;
    }

    private ByteBuf decodeOne(ContentCoding coding, ByteBuf encoded) throws RequestRejection {
        ByteBuf out = alloc.heapBuffer(Math.min(maxDecodedSize, Math.max(CHUNK, encoded.readableBytes() * 4)),
                maxDecodedSize);
        try (InputStream in = coding.open(new ByteBufInputStream(encoded.duplicate()))) {
            while (true) {
                if (out.writerIndex() == maxDecodedSize) {
                    if (in.read() >= 0) {
                        throw new RequestRejection(413, "body_too_large", "the " + coding.token()
                                + "-decoded body exceeds --max-body-size (" + maxDecodedSize + " bytes)");
                    }
                    break;
                }
                out.ensureWritable(Math.min(CHUNK, maxDecodedSize - out.writerIndex()));
                int n = out.writeBytes(in, Math.min(out.writableBytes(), maxDecodedSize - out.writerIndex()));
                if (n < 0) {
                    break;
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            out.release();
            throw new RequestRejection(400, "bad_request", "the " + coding.token() + " body is corrupt: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (RequestRejection e) {
            out.release();
            throw e;
        }
    }
}

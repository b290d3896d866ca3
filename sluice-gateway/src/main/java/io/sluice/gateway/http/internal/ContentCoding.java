package io.sluice.gateway.http.internal;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.xerial.snappy.SnappyFramedInputStream;

/**
 * The request content codings Sluice decodes (RFC 9110 8.4.1), each as a stream over the encoded bytes.
 * Stateless; each {@link #open} returns a new stream for one thread.
 *
 * <p>gzip and deflate come from the JDK; zstd, snappy and lz4 from the codecs kafka-clients brings for
 * Kafka's own compression. HTTP has registered tokens for gzip, deflate and zstd (RFC 8878) only; for
 * snappy and lz4 Sluice takes the formats their libraries stream: the Snappy framing format
 * ({@code sNaPpY} stream identifier, as written by {@code snappy -c}/python-snappy's {@code StreamCompressor}
 * and {@code SnappyFramedOutputStream}) and the LZ4 frame format ({@code lz4} command line, magic
 * {@code 04 22 4D 18}), not the raw blocks nor Kafka's own record-batch framings.
 */
public enum ContentCoding {
    GZIP("gzip") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new GZIPInputStream(in, 8192); // several members in a row are read as one body
        }
    },
    /** HTTP's deflate is the zlib format (RFC 1950); raw deflate (RFC 1951), which some clients send, too. */
    DEFLATE("deflate") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            BufferedInputStream b = new BufferedInputStream(in, 2);
            b.mark(2);
            int cmf = b.read();
            int flg = b.read();
            b.reset();
            boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
            return new InflaterInputStream(b, new Inflater(!zlib), 8192);
        }
    },
    ZSTD("zstd") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            // RFC 9659: a zstd content coding's window is at most 8 MB; a frame asking for more (up to 128 MiB
            // of native memory per request) is refused as corrupt instead of allocated
            return new ZstdInputStreamNoFinalizer(in).setLongMax(ZSTD_WINDOW_LOG_MAX);
        }
    },
    SNAPPY("snappy") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new SnappyFramedInputStream(in, true); // checksums verified
        }
    },
    LZ4("lz4") {
        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new LZ4FrameInputStream(in);
        }
    };

    /** 2^23 = 8 MiB, RFC 9659's limit for the zstd content coding. */
    static final int ZSTD_WINDOW_LOG_MAX = 23;

    /** The tokens Sluice decodes, for an {@code Accept-Encoding} answer (RFC 9110 12.5.3). */
    public static final String ACCEPTED = "gzip, deflate, zstd, snappy, lz4";

    private final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The coding for a token (case-insensitive; {@code x-gzip} is gzip, RFC 9110 8.4.1.3), or null. */
    public static ContentCoding forToken(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (t.equals("x-gzip")) {
            return GZIP;
        }
        for (ContentCoding c : values()) {
            if (c.token.equals(t)) {
                return c;
            }
        }
        return null;
    }

    /** A stream of the decoded bytes of {@code in}; a corrupt or truncated input fails its reads. */
    public InputStream open(InputStream in) throws IOException {
        return decoder(in);
    }

    abstract InputStream decoder(InputStream in) throws IOException;
}

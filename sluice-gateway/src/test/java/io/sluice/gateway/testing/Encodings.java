package io.sluice.gateway.testing;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/** Encodes test bodies with each HTTP content coding Sluice decodes, and builds zip bombs. Test-only. */
public final class Encodings {
    private Encodings() {
    }

    /** {@code body} encoded with the named coding: gzip, deflate (zlib), raw-deflate, zstd, snappy, lz4. */
    public static byte[] encode(String coding, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = stream(coding, b)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static OutputStream stream(String coding, OutputStream b) throws IOException {
        return switch (coding) {
            case "gzip" -> new GZIPOutputStream(b);
            case "deflate" -> new DeflaterOutputStream(b, new Deflater(Deflater.DEFAULT_COMPRESSION, false));
            case "raw-deflate" -> new DeflaterOutputStream(b, new Deflater(Deflater.DEFAULT_COMPRESSION, true));
            case "zstd" -> new ZstdOutputStream(b).setChecksum(true); // as the zstd command line writes it
            case "snappy" -> new SnappyFramedOutputStream(b);
            case "lz4" -> new LZ4FrameOutputStream(b);
            default -> throw new IllegalArgumentException(coding);
        };
    }

    /**
     * A zip bomb for {@code Content-Encoding: gzip, gzip}: {@code decodedSize} zero bytes gzipped twice.
     * 1 GiB of zeros becomes about 1 MiB after one pass and a few KiB after the second; built streaming,
     * so the test never holds the decoded size either.
     */
    public static byte[] doubleGzipBomb(long decodedSize) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream outer = new GZIPOutputStream(b, 64 * 1024);
             OutputStream inner = new DeflaterGzip(outer)) {
            byte[] zeros = new byte[1024 * 1024];
            for (long left = decodedSize; left > 0; left -= zeros.length) {
                inner.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** gzip at the best compression level. */
    private static final class DeflaterGzip extends GZIPOutputStream {
        DeflaterGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}

package io.sluice.bench.jmh;

import com.github.luben.zstd.ZstdOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.http.ContentDecoder;
import io.sluice.gateway.http.RequestRejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * What decoding a compressed request body costs the I/O thread it runs on: a 1 MiB NDJSON body of
 * log-like lines (timestamps, ids, a few fields; it compresses about as real logs do), encoded once
 * with each coding, decoded per invocation by {@link ContentDecoder} with a 1 MiB limit.
 *
 * <p>Run: {@code scripts/jmh ContentDecoderBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContentDecoderBenchmark {
    private static final int SIZE = 1024 * 1024;

    @Param({"gzip", "deflate", "zstd", "snappy", "lz4"})
    public String coding;

    private ByteBuf encoded;
    private ContentDecoder decoder;

    @Setup
    public void setUp() throws IOException {
        byte[] plain = logLines(SIZE);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = switch (coding) {
            case "gzip" -> new GZIPOutputStream(b);
            case "deflate" -> new DeflaterOutputStream(b);
            case "zstd" -> new ZstdOutputStream(b).setChecksum(true);
            case "snappy" -> new SnappyFramedOutputStream(b);
            case "lz4" -> new LZ4FrameOutputStream(b);
            default -> throw new IllegalArgumentException(coding);
        }) {
            out.write(plain);
        }
        encoded = Unpooled.wrappedBuffer(b.toByteArray());
        decoder = new ContentDecoder(SIZE, PooledByteBufAllocator.DEFAULT);
        System.out.printf("%n%s: %d bytes -> %d encoded%n", coding, plain.length, encoded.readableBytes());
    }

    /** Exactly {@code size} bytes of NDJSON log lines from a fixed seed. */
    static byte[] logLines(int size) {
        Random r = new Random(42);
        String[] paths = {"/", "/pricing", "/docs/start", "/checkout", "/api/v1/items", "/login"};
        String[] agents = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "okhttp/4.12.0", "Go-http-client/1.1"};
        StringBuilder sb = new StringBuilder(size + 256);
        long ts = 1_767_225_600_000L;
        while (sb.length() < size) {
            ts += r.nextInt(50);
            sb.append("{\"ts\":").append(ts).append(",\"user\":\"u-").append(r.nextInt(100_000))
                    .append("\",\"path\":\"").append(paths[r.nextInt(paths.length)])
                    .append("\",\"status\":").append(r.nextInt(10) == 0 ? 404 : 200)
                    .append(",\"ms\":").append(r.nextInt(900))
                    .append(",\"agent\":\"").append(agents[r.nextInt(agents.length)])
                    .append("\",\"trace\":\"").append(Long.toHexString(r.nextLong())).append("\"}\n");
        }
        return sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int decode1MiB() throws RequestRejection {
        ByteBuf out = decoder.decode(coding, encoded.duplicate());
        int n = out.readableBytes();
        out.release();
        return n;
    }
}

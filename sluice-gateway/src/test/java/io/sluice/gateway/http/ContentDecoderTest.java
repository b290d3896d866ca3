package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.buffer.AbstractByteBufAllocator;
import io.sluice.gateway.testing.Encodings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentDecoderTest {
    private static final byte[] TEXT = "{\"event\":\"click\",\"n\":1}\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    /** Records the largest capacity any buffer it hands out may grow to. */
    private static final class BoundedAllocator extends AbstractByteBufAllocator {
        final AtomicInteger largestMax = new AtomicInteger();

        BoundedAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            largestMax.accumulateAndGet(maxCapacity, Math::max);
            return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            throw new UnsupportedOperationException("the decoder asks for heap buffers");
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }

    private final BoundedAllocator alloc = new BoundedAllocator();
    private final ContentDecoder decoder = new ContentDecoder(64 * 1024, alloc);

    private byte[] decode(String contentEncoding, byte[] body) throws RequestRejection {
        ByteBuf decoded = decoder.decode(contentEncoding, Unpooled.wrappedBuffer(body));
        try {
            byte[] out = new byte[decoded.readableBytes()];
            decoded.readBytes(out);
            return out;
        } finally {
            decoded.release();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"gzip, gzip", "gzip, x-gzip", "gzip, GZIP", "deflate, deflate", "raw-deflate, deflate",
            "zstd, zstd", "snappy, snappy", "lz4, lz4"})
    void shouldDecodeEachSupportedCoding(String encoder, String token) throws Exception {
        assertThat(decode(token, Encodings.encode(encoder, TEXT))).isEqualTo(TEXT);
    }

    @Test
    void shouldUndoSeveralCodingsInReverseOrderAndIgnoreIdentity() throws Exception {
        byte[] body = Encodings.encode("gzip", Encodings.encode("zstd", TEXT));

        assertThat(decode("zstd, identity, gzip", body)).isEqualTo(TEXT);
    }

    @Test
    void shouldAnswerNullForIdentitySoTheBodyIsReadAsIs() throws Exception {
        assertThat(decoder.decode("identity", Unpooled.wrappedBuffer(TEXT))).isNull();
    }

    @Test
    void shouldRefuseAnUnknownCodingWith415NamingIt() {
        assertThatThrownBy(() -> decode("br", TEXT)).isInstanceOfSatisfying(RequestRejection.class, r -> {
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.code()).isEqualTo(ContentDecoder.UNSUPPORTED);
            assertThat(r.getMessage()).contains("'br'").contains("gzip, deflate, zstd, snappy, lz4");
        });
    }

    @ParameterizedTest
    @CsvSource({"gzip", "deflate", "zstd", "snappy", "lz4"})
    void shouldRefuseACorruptStreamWith400(String coding) {
        byte[] good = Encodings.encode(coding, TEXT);
        byte[] corrupt = good.clone();
        for (int i = corrupt.length / 3; i < corrupt.length * 2 / 3; i++) {
            corrupt[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> decode(coding, corrupt)).isInstanceOfSatisfying(RequestRejection.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.getMessage()).contains(coding);
        });
    }

    @ParameterizedTest
    @CsvSource({"gzip", "deflate", "zstd", "snappy", "lz4"})
    void shouldRefuseATruncatedStreamWith400(String coding) {
        byte[] good = Encodings.encode(coding, TEXT);
        byte[] truncated = Arrays.copyOf(good, good.length - 5);
        assertThatThrownBy(() -> decode(coding, truncated)).isInstanceOfSatisfying(RequestRejection.class,
                r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void shouldRefuseGarbageThatIsNoStreamAtAllWith400() {
        byte[] plain = "not compressed".getBytes(StandardCharsets.US_ASCII);
        for (String coding : new String[] {"gzip", "deflate", "zstd", "snappy", "lz4"}) {
            assertThatThrownBy(() -> decode(coding, plain)).as(coding).isInstanceOfSatisfying(
                    RequestRejection.class, r -> assertThat(r.status()).isEqualTo(400));
        }
    }

    @Test
    void shouldRefuseAZstdFrameWhoseWindowIsOver8MiBWith400() throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(b)) {
            out.setLong(27); // a 128 MiB window: RFC 9659 allows a decoder to refuse more than 8 MB
            out.write(TEXT);
        }
        assertThatThrownBy(() -> decode("zstd", b.toByteArray())).isInstanceOfSatisfying(RequestRejection.class,
                r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void shouldAcceptADecodedBodyOfExactlyTheLimit() throws Exception {
        byte[] exact = new byte[64 * 1024];
        assertThat(decode("gzip", Encodings.encode("gzip", exact))).hasSize(64 * 1024);
    }

    @Test
    void shouldRefuseADecodedBodyOneByteOverTheLimitWith413() {
        byte[] over = new byte[64 * 1024 + 1];
        assertThatThrownBy(() -> decode("zstd", Encodings.encode("zstd", over)))
                .isInstanceOfSatisfying(RequestRejection.class, r -> {
                    assertThat(r.status()).isEqualTo(413);
                    assertThat(r.code()).isEqualTo("body_too_large");
                });
    }

    @Test
    @Timeout(60)
    void shouldRefuseAOneKibZipBombOfOneGibWith413WithoutEverHoldingMoreThanTheLimit() {
        byte[] bomb = Encodings.doubleGzipBomb(1L << 30);
        assertThat(bomb.length).as("a few KiB that inflate to 1 GiB").isLessThan(8 * 1024);

        long start = System.nanoTime();
        assertThatThrownBy(() -> decode("gzip, gzip", bomb)).isInstanceOfSatisfying(RequestRejection.class,
                r -> assertThat(r.status()).isEqualTo(413));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(alloc.largestMax.get()).as("no buffer may grow past the limit").isLessThanOrEqualTo(64 * 1024);
        assertThat(millis).as("stops at the limit instead of inflating the whole GiB").isLessThan(2_000);
    }
}

package io.sluice.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.raw.RawRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse-only cost per request: Sluice's raw parser against Netty's HTTP codec, on the same bytes.
 * Both parse a whole request (head and body) that sits in one buffer, as on a keep-alive connection;
 * each reuses its per-connection state across requests, as a server does. Netty's side is the
 * request decoder of {@code HttpServerCodec} (without the response encoder, which parse-only cost does
 * not include) in an EmbeddedChannel, its natural habitat, which adds a little pipeline dispatch.
 *
 * <p>Run: {@code scripts/jmh ParserBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {

    /** The reference experiment's request: a small JSON body, a handful of headers. */
    private static final String SMALL = "POST /topics/events HTTP/1.1\r\nHost: localhost:8080\r\n"
            + "User-Agent: sluice-bench\r\nAccept: */*\r\nContent-Type: application/json\r\n"
            + "Content-Length: 34\r\n\r\n{\"data\":\"test_0123456789abcdefgh\"}";
    /** A 1 KiB chunked body in four chunks, with a Kafka key and two record headers. */
    private static final String CHUNKED = "POST /topics/events?partition=1 HTTP/1.1\r\nHost: localhost:8080\r\n"
            + "Transfer-Encoding: chunked\r\nKafka-Key: user-42\r\nKafka-Header-Trace: abc\r\n"
            + "Kafka-Header-Source: web\r\nContent-Type: application/octet-stream\r\n\r\n"
            + ("100\r\n" + "x".repeat(256) + "\r\n").repeat(4) + "0\r\n\r\n";

    @Param({"small", "chunked1k"})
    public String request;

    private ByteBuf bytes;
    private RawRequestParser parser;
    private EmbeddedChannel codec;

    @Setup
    public void setUp() {
        String text = request.equals("small") ? SMALL : CHUNKED;
        bytes = Unpooled.directBuffer().writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        parser = new RawRequestParser(ByteBufAllocator.DEFAULT, 16 * 1024, 1024 * 1024);
        codec = new EmbeddedChannel(new HttpRequestDecoder(new HttpDecoderConfig().setMaxHeaderSize(16 * 1024)));
    }

    @TearDown
    public void tearDown() {
        parser.release();
        codec.finishAndReleaseAll();
        bytes.release();
    }

    @Benchmark
    public void raw(Blackhole bh) {
        ByteBuf in = bytes.retainedDuplicate();
        try {
            if (parser.parse(in) != RawRequestParser.Progress.REQUEST_READY) {
                throw new IllegalStateException("raw parser did not produce a request: " + parser.error());
            }
            GatewayRequest r = parser.takeRequest();
            bh.consume(r.path());
            bh.consume(r.headers().get("Content-Type"));
            bh.consume(r.body().readableBytes());
            r.body().release();
        } finally {
            in.release();
        }
    }

    @Benchmark
    public void nettyCodec(Blackhole bh) {
        codec.writeInbound(bytes.retainedDuplicate());
        Object msg;
        while ((msg = codec.readInbound()) != null) {
            if (msg instanceof HttpRequest req) {
                bh.consume(req.uri());
                bh.consume(req.headers().get("Content-Type"));
            }
            if (msg instanceof HttpContent c) {
                bh.consume(c.content().readableBytes());
            }
            ReferenceCountUtil.release(msg);
        }
    }
}

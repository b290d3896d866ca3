package io.sluice.gateway.http.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.RequestRouter;
import io.sluice.gateway.http.ResponseStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One streamed request on a blocking connection (the virtual-thread runtime): the connection's thread keeps
 * reading the body while the answer's pieces are written from a second virtual thread, as they become known.
 * Everything the stream does (taking body pieces, report completions, writing pieces) runs in order on that
 * one thread, its "connection thread" in the sense of {@link RequestBodyStream}; the reading thread only
 * hands over copies of the pieces. Created and driven by one reading thread.
 */
final class BlockingStreamedRequest implements ResponseStream.Sink {
    private final ExecutorService streamThread = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("sluice-stream-", 0).factory());
    private final OutputStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final RequestBodyStream stream;
    private final GatewayResponse answer;
    private boolean broken;

    /** Opens the stream; {@link #answer()} is known at once. */
    BlockingStreamedRequest(RequestRouter router, GatewayRequest head, OutputStream out) {
        this.out = out;
        this.stream = router.openStream(head, streamThread);
        this.answer = stream.answer().join();
    }

    /** The answer: a streaming one (its head is written by the caller), or a refusal. */
    GatewayResponse answer() {
        return answer;
    }

    /** The head is written: pieces may follow. */
    void started() {
        streamThread.execute(() -> answer.stream().start(this));
    }

    /** A body piece: copied (the reading thread reuses its buffer), released, handed over. */
    void content(ByteBuf piece) {
        ByteBuf copy = Unpooled.copiedBuffer(piece);
        piece.release();
        streamThread.execute(() -> stream.content(copy));
    }

    /** The body ended: waits until the last piece of the answer is written (or {@code nanos} pass). */
    void endAndAwait(long nanos) throws InterruptedException {
        streamThread.execute(stream::end);
        if (answer.stream() != null) {
            ended.await(nanos, TimeUnit.NANOSECONDS);
        }
        streamThread.shutdown();
    }

    /** The connection broke or stalled: stop. */
    void abort() {
        streamThread.execute(stream::abort);
        streamThread.shutdown();
    }

    @Override
    public void write(byte[] piece) {
        ByteBuf chunk = Unpooled.buffer(piece.length + 16);
        RawResponseEncoder.chunk(piece, chunk);
        send(chunk);
    }

    @Override
    public void end() {
        ByteBuf last = Unpooled.buffer(5);
        RawResponseEncoder.lastChunk(last);
        send(last);
        ended.countDown();
    }

    private void send(ByteBuf bytes) {
        if (broken) {
            return;
        }
        try {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
            out.flush();
        } catch (IOException e) {
            broken = true; // the client left; records already sent still complete
            ended.countDown();
        }
    }
}

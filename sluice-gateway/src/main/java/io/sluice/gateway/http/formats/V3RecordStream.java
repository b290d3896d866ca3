package io.sluice.gateway.http.formats;

import io.netty.buffer.ByteBuf;
import io.sluice.gateway.http.GatewayRequest;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.JsonBodies;
import io.sluice.gateway.http.RequestBodyStream;
import io.sluice.gateway.http.ResponseStream;
import io.sluice.gateway.ingest.FailureKind;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Confined to the stream's thread (a Netty connection's event loop, or a virtual thread of its own; report
 * completions hop there): REST Proxy v3's streaming mode (kafka-rest {@code api/v3/openapi.yaml}, "Produce Records": a chunked body
 * of concatenated records, answered with one delivery report per record, in order): each record is
 * published as soon as its closing brace arrives, and its report is written as soon as it and every report
 * before it are known, so the first report does not wait for the last record. A malformed record gets an
 * error report of its own and the stream goes on. Confined to the connection's thread (its event loop):
 * the request side calls {@link #content} and {@link #end} there, report completions hop there through
 * {@code executor}.
 *
 * <p>The status line (200) is written before any record arrives, so it cannot say whether they will be
 * written; each report's {@code error_code} does (200 written, else the failure's code), as in REST Proxy.
 * The connection closes after the last report.
 */
final class V3RecordStream implements RequestBodyStream, ResponseStream {
    /** The most bytes one record of a stream may take before it is cut and reported malformed. */
    static final int MAX_RECORD = 8 * 1024 * 1024;
    private static final byte[] NEWLINE = {'\n'};

    private final V3Produce produce;
    private final String clusterId;
    private final String topic;
    private final Executor executor;
    private final ConcatenatedJson splitter;
    /** The streamed request's head: its principal and trace context go on every record. */
    private final GatewayRequest head;
    private final CompletableFuture<GatewayResponse> answer;
    private final ArrayDeque<CompletableFuture<V3Report>> pending = new ArrayDeque<>();
    private Sink sink;
    private boolean bodyEnded;
    private boolean finished;

    V3RecordStream(V3Produce produce, String clusterId, String topic, GatewayRequest head, Executor executor) {
        this.produce = produce;
        this.head = head;
        this.clusterId = clusterId;
        this.topic = topic;
        this.executor = executor;
        this.splitter = new ConcatenatedJson(this::record, MAX_RECORD);
        this.answer = CompletableFuture.completedFuture(GatewayResponse.streaming(GatewayResponse.JSON,
                RestProxyV3Routes.ROUTE, this));
    }

    private V3RecordStream(GatewayResponse refusal) {
        this.produce = null;
        this.head = null;
        this.clusterId = null;
        this.topic = null;
        this.executor = null;
        this.splitter = null;
        this.answer = CompletableFuture.completedFuture(refusal);
    }

    /** A stream refused at its head: its body is read and dropped, the answer is {@code refusal}. */
    static V3RecordStream refused(GatewayResponse refusal) {
        return new V3RecordStream(refusal);
    }

    @Override
    public CompletableFuture<GatewayResponse> answer() {
        return answer;
    }

    @Override
    public void content(ByteBuf piece) {
        try {
            if (splitter != null && !finished) {
                splitter.feed(piece);
            }
        } finally {
            piece.release();
        }
    }

    /** One complete record (or malformed segment): published now, in arrival order. */
    private void record(byte[] segment) {
        CompletableFuture<V3Report> report = produce.report(clusterId, topic, V3Produce.item(null, segment), head)
                .exceptionally(e -> V3Report.failed(FailureKind.INTERNAL, String.valueOf(e)));
        pending.addLast(report);
        if (report.isDone()) {
            drain();
        } else {
            report.whenCompleteAsync((r, e) -> drain(), executor);
        }
    }

    @Override
    public void end() {
        if (splitter == null) {
            return;
        }
        splitter.finish();
        bodyEnded = true;
        drain();
    }

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        drain();
    }

    @Override
    public void abort() {
        finished = true;
        pending.clear();
    }

    /** Writes every report that is known and has no unknown one before it; ends after the last. */
    private void drain() {
        if (sink == null || finished) {
            return;
        }
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            V3Report r = pending.pollFirst().join();
            byte[] json = JsonBodies.write(r.fields());
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = NEWLINE[0];
            sink.write(line);
        }
        if (bodyEnded && pending.isEmpty()) {
            finished = true;
            sink.end();
        }
    }
}

package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.GatewayResponse;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Keeps a connection's responses in request order (HTTP/1.1 pipelining) although their outcomes
 * complete in any order. Confined to the connection's thread: {@link #enqueue} and normal completions
 * must run on it (the router completes them on the executor it was given). A future that completes
 * exceptionally, on whatever thread, still fills its place, with a 500 filled in on the connection's
 * thread: otherwise every later answer would wait for it forever. Each answer is written as its request's
 * {@link ConnectionPolicy} decided.
 */
public final class ResponseSequencer {

    /** Writes responses in order; {@code flush} is called after a run of writes. */
    public interface Writer {
        /** Writes the response; returns it as written (the writer may decide it closes the connection). */
        GatewayResponse write(GatewayResponse response);

        void flush();
    }

    private static final class Slot {
        final int policy;
        GatewayResponse response;

        Slot(int policy) {
            this.policy = policy;
        }
    }

    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private final Writer writer;
    private final Executor connectionThread;
    private boolean closed;

    /** @param connectionThread runs tasks on the connection's thread (its event loop) */
    public ResponseSequencer(Writer writer, Executor connectionThread) {
        this.writer = writer;
        this.connectionThread = connectionThread;
    }

    /**
     * Reserves the next place in line for this request's response.
     *
     * @param policy the request's {@link ConnectionPolicy#decide decision}, applied when the answer is written
     */
    public void enqueue(CompletableFuture<GatewayResponse> response, int policy) {
        Slot slot = new Slot(policy);
        pending.addLast(slot);
        response.whenComplete((r, e) -> {
            if (e == null && r != null) {
                fill(slot, r);
            } else {
                connectionThread.execute(() -> fill(slot, ConnectionPolicy.internalError()));
            }
        });
    }

    private void fill(Slot slot, GatewayResponse r) {
        slot.response = ConnectionPolicy.apply(r, slot.policy);
        drain();
    }

    private void drain() {
        boolean wrote = false;
        while (!closed && !pending.isEmpty() && pending.peekFirst().response != null) {
            GatewayResponse r = writer.write(pending.pollFirst().response);
            wrote = true;
            if (r.close()) {
                closed = true; // nothing after a closing response is written
                pending.clear();
            }
        }
        if (wrote) {
            writer.flush();
        }
    }

    /** Responses not yet written. */
    public int pendingCount() {
        return pending.size();
    }

    /** True once a response that closes the connection was written. */
    public boolean isClosed() {
        return closed;
    }
}

package io.sluice.gateway.http;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Keeps a connection's responses in request order (HTTP/1.1 pipelining) although their outcomes
 * complete in any order. Confined to the connection's thread: {@link #enqueue} and the futures'
 * completions must run on it (the router completes them on the executor it was given).
 */
public final class ResponseSequencer {

    /** Writes responses in order; {@code flush} is called after a run of writes. */
    public interface Writer {
        void write(GatewayResponse response);

        void flush();
    }

    private static final class Slot {
        GatewayResponse response;
    }

    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private final Writer writer;
    private boolean closed;

    public ResponseSequencer(Writer writer) {
        this.writer = writer;
    }

    /** Reserves the next place in line for this request's response. */
    public void enqueue(CompletableFuture<GatewayResponse> response) {
        Slot slot = new Slot();
        pending.addLast(slot);
        response.thenAccept(fill(slot));
    }

    private Consumer<GatewayResponse> fill(Slot slot) {
        return r -> {
            slot.response = r;
            drain();
        };
    }

    private void drain() {
        boolean wrote = false;
        while (!closed && !pending.isEmpty() && pending.peekFirst().response != null) {
            GatewayResponse r = pending.pollFirst().response;
            writer.write(r);
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

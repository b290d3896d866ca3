package io.sluice.gateway.http;

/**
 * The body of an answer written piece by piece after its head, as the pieces become known (REST Proxy v3's
 * streaming produce: one delivery report per record, each as soon as its record is acknowledged). The
 * connection calls {@link #start} on the stream's thread (the executor the stream was opened with: a Netty
 * connection's event loop, or a virtual thread of its own) once the head is written; the stream then calls
 * the sink on that same thread only.
 */
public interface ResponseStream {

    /** Where the pieces go. Confined to the stream's thread. */
    interface Sink {
        /** Writes one piece of the body and flushes it: the client sees it now. */
        void write(byte[] piece);

        /** Ends the body (the last chunk) and closes the connection. */
        void end();
    }

    /** The head is out: pieces may be written to {@code sink} from now on. Called once, on the connection's thread. */
    void start(Sink sink);

    /** The connection closed before the stream ended: stop writing (records already sent still complete). */
    void abort();
}

package io.sluice.loadgen;

/**
 * Gives every request a unique id and hears which ids the server acknowledged (a 2xx answer): what a soak
 * needs to prove in Kafka that every acknowledged request arrived. The id is written into the request body
 * (see {@link RequestTemplate#withIdSlot}).
 *
 * <p>Thread-safety: implementations must be thread-safe; the load generator calls them from every one of its
 * event loops, once per request, on the hot path (no locks, please).
 */
public interface RequestLedger {
    /** A new id, never handed out before in this run; must be {@code >= 0} and below 10^16. */
    long nextId();

    /** The request with {@code id} got a 2xx answer. */
    void acknowledged(long id);
}

package io.sluice.gateway.access;

/**
 * Per-topic authorization: may this principal produce to this topic? Thread-safe; called on I/O threads
 * for every produce request, so it must not block or allocate per call beyond what matching needs.
 */
public interface Authorizer {

    /** Allows everything: the gateway without {@code --acl}. */
    Authorizer ALLOW_ALL = (who, topic) -> true;

    /** Whether {@code who} may produce to {@code topic}. Anything not allowed is denied. */
    boolean mayProduce(Principal who, String topic);
}

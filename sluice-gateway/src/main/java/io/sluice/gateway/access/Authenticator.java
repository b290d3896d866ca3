package io.sluice.gateway.access;

/**
 * One authentication method's check of a credential it recognises. Thread-safe; called on I/O threads,
 * so implementations never wait on the network or on a lock held across I/O.
 */
@FunctionalInterface
public interface Authenticator {

    /** Checks {@code credential} (the token, key or Basic payload, already taken out of its header). */
    AuthOutcome authenticate(String credential);
}

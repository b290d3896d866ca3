package io.sluice.gateway.access;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * Where the JWT verification keys come from. {@link #current()} is thread-safe and never blocks: it
 * answers from memory. Fetching and re-reading happen elsewhere (a background refresh).
 */
public interface JwksSource {

    /** The keys known now. */
    JWKSet current();

    /**
     * A token named a key id that is not known: look for new keys soon, in the background (rate-limited).
     * Returns at once; the request that asked is answered with what is known now.
     */
    void refreshSoon();
}

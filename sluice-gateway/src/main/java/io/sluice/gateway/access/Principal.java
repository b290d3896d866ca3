package io.sluice.gateway.access;

import java.util.Set;

/**
 * The authenticated client of a request. Immutable.
 *
 * @param name   the principal's name (API key owner, JWT claim, Basic user, certificate CN or SAN)
 * @param groups the groups it belongs to (from a JWT claim; empty for the other methods)
 * @param method how it was authenticated, e.g. {@code api-key}, {@code jwt}, {@code basic}, {@code mtls},
 *               or {@code none} when authentication is off
 */
public record Principal(String name, Set<String> groups, String method) {

    /** Every request's principal while no authentication method is configured. */
    public static final Principal ANONYMOUS = new Principal("anonymous", Set.of(), "none");

    public Principal {
        groups = Set.copyOf(groups);
    }
}

package io.sluice.gateway.access;

import java.util.concurrent.CompletableFuture;

/**
 * The result of authenticating one request: a principal, or the method that refused it and why, or (for
 * a check too slow for an I/O thread, such as a Basic password not seen before) the future result.
 * Immutable.
 *
 * @param principal the authenticated principal, or null when refused or pending
 * @param method    the method that decided, or null when no credentials were presented at all
 * @param reason    why it was refused, or null when authenticated or pending
 * @param pending   the outcome still being computed off the calling thread, or null when decided
 */
public record AuthOutcome(Principal principal, AuthMethod method, Reason reason,
                          CompletableFuture<AuthOutcome> pending) {

    /**
     * Why credentials were refused, and all a client is told: which part was wrong (which key, which
     * claim, which user) stays on the server.
     */
    public enum Reason {
        MISSING, INVALID, EXPIRED;

        /** The word used in answers and metric labels: missing, invalid or expired. */
        public String code() {
            return switch (this) {
                case MISSING -> "missing";
                case INVALID -> "invalid";
                case EXPIRED -> "expired";
            };
        }
    }

    public static AuthOutcome ok(Principal principal) {
        return new AuthOutcome(principal, null, null, null);
    }

    public static AuthOutcome refused(AuthMethod method, Reason reason) {
        return new AuthOutcome(null, method, reason, null);
    }

    /** Decided later, elsewhere: the future completes with a decided outcome (never another pending one). */
    public static AuthOutcome later(CompletableFuture<AuthOutcome> outcome) {
        return new AuthOutcome(null, null, null, outcome);
    }

    public boolean isPending() {
        return pending != null;
    }

    public boolean authenticated() {
        return principal != null;
    }

    /** The method label for metrics: the method's name, or {@code none} when nothing was presented. */
    public String methodName() {
        return method == null ? "none" : method.cliName();
    }
}

package io.sluice.gateway.http;

import io.sluice.gateway.access.AuthOutcome;
import io.sluice.gateway.access.Authentication;
import io.sluice.gateway.access.Authorizer;
import io.sluice.gateway.access.Credentials;
import io.sluice.gateway.access.FailureThrottle;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.access.QuotaGate;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decides, from a request's head and before its body is read, whether it may go on: authenticate (401),
 * authorize the topic of a produce request (403, decided before anything could reveal whether the topic
 * exists), then take from the principal's quota (429). Thread-safe and non-blocking; called once per
 * request on the connection's thread by every HTTP style and runtime, through
 * {@link RequestRouter#admit}. {@link #OPEN} (no authentication, no ACL, no quota) answers without
 * allocating or looking anything up.
 *
 * <p>A check too slow for an I/O thread (PBKDF2 for a Basic password not seen recently) answers a
 * pending admission: the handler stops reading the connection until it completes, and resumes on its
 * own thread (see {@link Admission#pending()}).
 *
 * <p>A refusal closes the connection after its answer (with a lingering close, like every early error):
 * its body is never read into a request, never published, and pipelined requests behind it are not
 * processed. That costs a reconnect per refusal, which is cheap next to a guessing client's other costs
 * and keeps one rule for every refusal at head time.
 */
public final class RequestGate {

    /**
     * The result of the gate: the admitted principal, or the answer that refuses the request, or the
     * future decision. Immutable.
     *
     * @param principal the admitted principal, or null
     * @param refusal   the closing answer of a refused request, or null
     * @param pending   completes, on some other thread, with the decided admission; null when decided.
     *                  The caller reads nothing more of the connection until then.
     */
    public record Admission(Principal principal, GatewayResponse refusal, CompletableFuture<Admission> pending) {
        /** Every request while the gate is open. */
        public static final Admission ANONYMOUS = new Admission(Principal.ANONYMOUS, null, null);

        public boolean admitted() {
            return principal != null;
        }

        public boolean isPending() {
            return pending != null;
        }
    }

    /** Admits every request as {@link Principal#ANONYMOUS}. */
    public static final RequestGate OPEN = new RequestGate(null, FailureThrottle.OFF, Authorizer.ALLOW_ALL,
            QuotaGate.UNLIMITED, RefusalMetrics.NONE);

    static final String ROUTE = "access";

    private final Authentication authentication;
    private final FailureThrottle throttle;
    private final Authorizer authorizer;
    private final QuotaGate quotas;
    private final RefusalMetrics metrics;
    private final boolean open;
    private final List<Map.Entry<String, String>> challenges;

    /** @param authentication the methods in force, or null when authentication is off */
    public RequestGate(Authentication authentication, FailureThrottle throttle, Authorizer authorizer,
                       QuotaGate quotas, RefusalMetrics metrics) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.authorizer = authorizer;
        this.quotas = quotas;
        this.metrics = metrics;
        this.open = authentication == null && authorizer == Authorizer.ALLOW_ALL && quotas == QuotaGate.UNLIMITED;
        this.challenges = authentication == null ? List.of()
                : authentication.challenges().stream().map(c -> Map.entry("WWW-Authenticate", c)).toList();
    }

    /**
     * Whether {@code who} may produce to {@code topic} under the ACL in force (always true without one):
     * what topic discovery lists, so a caller sees only the topics it may write to.
     */
    public boolean mayProduce(Principal who, String topic) {
        return authorizer.mayProduce(who, topic);
    }

    /** True when every request is admitted as anonymous (the hot path skips the gate). */
    public boolean isOpen() {
        return open;
    }

    /** Whether body bytes learned after the head must be charged ({@link #charge}). */
    public boolean charges() {
        return quotas != QuotaGate.UNLIMITED;
    }

    /** Charges the bytes of a body whose length the head did not declare (chunked). */
    public void charge(Principal who, long bytes) {
        quotas.charge(who, bytes);
    }

    /**
     * @param topic         the topic a produce request names, or null for any other request
     * @param contentLength the body length from the head, or -1 (chunked, or none)
     */
    public Admission admit(RequestHeaders headers, ConnectionInfo connection, String topic, long contentLength) {
        if (open) {
            return Admission.ANONYMOUS;
        }
        if (authentication != null) {
            String address = addressOf(connection);
            long wait = throttle.retryAfterNanos(address);
            if (wait > 0) {
                metrics.throttled("auth", null);
                return refuse(tooMany("too_many_failures", "too many failed authentications from this address", wait));
            }
            AuthOutcome outcome = authentication.authenticate(new Credentials(headers.get("Authorization"),
                    headers.get("X-API-Key"), connection.tls() == null ? null : connection.tls().clientPrincipal()));
            if (outcome.isPending()) {
                return new Admission(null, null, outcome.pending()
                        .exceptionally(e -> AuthOutcome.refused(null, AuthOutcome.Reason.INVALID))
                        .thenApply(o -> authenticated(o, address, topic, contentLength)));
            }
            return authenticated(outcome, address, topic, contentLength);
        }
        return authorized(Principal.ANONYMOUS, topic, contentLength);
    }

    private Admission authenticated(AuthOutcome outcome, String address, String topic, long contentLength) {
        if (!outcome.authenticated()) {
            throttle.failed(address);
            metrics.authenticationFailed(outcome.methodName(), outcome.reason().code());
            return refuse(unauthorized(outcome.reason()));
        }
        return authorized(outcome.principal(), topic, contentLength);
    }

    private Admission authorized(Principal who, String topic, long contentLength) {
        if (topic != null && !authorizer.mayProduce(who, topic)) {
            metrics.forbidden(who);
            return refuse(GatewayResponse.json(403, JsonBodies.error("forbidden",
                    "'" + who.name() + "' may not produce to topic '" + topic + "'"), ROUTE));
        }
        long wait = quotas.tryAcquire(who, Math.max(0, contentLength));
        if (wait > 0) {
            metrics.throttled("quota", who);
            return refuse(tooMany("quota_exceeded", "the quota of '" + who.name() + "' is used up", wait));
        }
        return new Admission(who, null, null);
    }

    private static Admission refuse(GatewayResponse r) {
        return new Admission(null, r.closing(), null);
    }

    private GatewayResponse unauthorized(AuthOutcome.Reason reason) {
        GatewayResponse r = GatewayResponse.json(401, JsonBodies.error("unauthorized",
                "authentication required: credentials " + reason.code(), Map.of("reason", reason.code())), ROUTE);
        return new GatewayResponse(r.status(), r.contentType(), r.body(), challenges, ROUTE, false);
    }

    private static GatewayResponse tooMany(String code, String message, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        return GatewayResponse.json(429, JsonBodies.error(code, message + "; retry after " + seconds + " s"), ROUTE)
                .withHeader("Retry-After", Long.toString(seconds));
    }

    /** The peer's IP address (not the port: a guesser opens many connections), or null when unknown. */
    private static String addressOf(ConnectionInfo c) {
        if (c.peer() instanceof InetSocketAddress a) {
            return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        }
        return null;
    }
}

package io.sluice.gateway.http;

import io.sluice.gateway.access.Principal;

/**
 * Thread-safe; called on I/O threads: what the HTTP layer reports about the requests its access gate
 * refuses (401, 403, 429), without a metrics library. Labels stay bounded: methods and reasons are fixed
 * sets, and implementations label by principal only when the operator asked for it.
 */
public interface RefusalMetrics {

    /** Reports nothing. */
    RefusalMetrics NONE = new RefusalMetrics() {
        @Override
        public void authenticationFailed(String method, String reason) {
        }

        @Override
        public void forbidden(Principal who) {
        }

        @Override
        public void throttled(String kind, Principal who) {
        }
    };

    /** A 401: {@code method} is api-key, jwt, basic, mtls or none; {@code reason} missing, invalid or expired. */
    void authenticationFailed(String method, String reason);

    /** A 403. */
    void forbidden(Principal who);

    /** A 429: {@code kind} is {@code quota} or {@code auth} (too many failed authentications); who may be null. */
    void throttled(String kind, Principal who);
}

package io.sluice.gateway.access;

/**
 * Thread-safe and non-blocking; called on I/O threads: counts the refusals this package decides, for the
 * metrics in ops (Vert.x style: an SPI here, the Prometheus implementation there). The implementation
 * chooses the labels; the principal's name is unbounded, so it may become a label only behind
 * {@code --metrics-principal-labels}.
 */
public interface AccessMetrics {

    /** Counts nothing. */
    AccessMetrics NONE = new AccessMetrics() {
        @Override
        public void forbidden(Principal who) {
        }

        @Override
        public void quotaExceeded(Principal who) {
        }
    };

    /** A request was answered 403: no ACL rule lets {@code who} produce to its topic. */
    void forbidden(Principal who);

    /** A request was answered 429: {@code who}'s quota had no room. */
    void quotaExceeded(Principal who);
}

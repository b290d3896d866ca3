package io.sluice.gateway.access;

/**
 * Per-principal rate limits (requests/s and bytes/s, as token buckets). Thread-safe and non-blocking;
 * called on I/O threads.
 */
public interface QuotaGate {

    /** No limits: the gateway without {@code --quota}. */
    QuotaGate UNLIMITED = new QuotaGate() {
        @Override
        public long tryAcquire(Principal who, long bytes) {
            return 0;
        }

        @Override
        public void charge(Principal who, long bytes) {
        }
    };

    /**
     * Takes one request and {@code bytes} body bytes (0 when the length is not known before the body is
     * read) from {@code who}'s buckets. Returns 0 when admitted; otherwise nothing is taken and the result
     * is the nanoseconds after which the same request would be admitted (the Retry-After).
     */
    long tryAcquire(Principal who, long bytes);

    /** Charges body bytes learned only after the body was read (chunked bodies). Never refuses. */
    void charge(Principal who, long bytes);
}

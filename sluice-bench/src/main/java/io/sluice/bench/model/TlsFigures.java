package io.sluice.bench.model;

/**
 * What a TLS cell measured about handshakes; an immutable value, null in plaintext cells.
 *
 * @param transport           {@code tls} (sessions may resume) or {@code tls-full} (every connection does a full
 *                            handshake)
 * @param fullHandshakes      full handshakes of measured requests' connections
 * @param resumedHandshakes   handshakes that resumed an earlier session
 * @param handshakesPerSecond both kinds together per second of measurement; for connection-per-request load
 *                            (burst, connect) one per request
 */
public record TlsFigures(String transport, long fullHandshakes, long resumedHandshakes, double handshakesPerSecond) {

    /** The share of handshakes that resumed a session, 0 when there were none. */
    public double resumedShare() {
        long total = fullHandshakes + resumedHandshakes;
        return total == 0 ? 0 : (double) resumedHandshakes / total;
    }
}

package io.sluice.gateway.http;

/**
 * What the HTTP layer reports and serves of the gateway's metrics: it counts answers and serves the
 * scrape at {@code /metrics}, without depending on a metrics library (Vert.x's {@code HttpServerMetrics}
 * idea). Implementations are thread-safe: called from every I/O thread.
 */
public interface HttpMetrics {

    /** Counts one answered HTTP request; on the hot path, so allocation-free once a route/status was seen. */
    void requestCompleted(String route, int status);

    /** The Content-Type of {@link #scrape()}. */
    String contentType();

    /** Every metric, in the format {@link #contentType()} names. */
    byte[] scrape();
}

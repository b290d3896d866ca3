/**
 * HTTP/1.1: from whole requests to responses, the same for both parser styles ({@code raw}, {@code codec})
 * and every runtime. The styles only turn bytes into {@link io.sluice.gateway.http.GatewayRequest}s; what
 * a request means is decided here, once:
 * <ul>
 *   <li>{@link io.sluice.gateway.http.ProtocolError}: the one catalogue of protocol refusals (400, 408,
 *       413, 414, 417, 431, 501, 505), so the styles agree on every status and error code;
 *       {@link io.sluice.gateway.http.internal.HostRule}: RFC 9112 3.2.</li>
 *   <li>{@link io.sluice.gateway.http.internal.ConnectionPolicy}: keep-alive, close, drain and HEAD, decided when a
 *       request is dispatched; after a request whose answer closes the connection, nothing more is read.</li>
 *   <li>{@link io.sluice.gateway.http.internal.ReadDeadlines}: the header- and body-read timeouts
 *       ({@link io.sluice.gateway.http.internal.ReadTimer} on Netty).</li>
 *   <li>{@link io.sluice.gateway.http.RequestRouter}: which path does what; a
 *       {@link io.sluice.gateway.http.ProduceFormat}, chosen by media type, turns a body into records and
 *       an outcome into an answer ({@link io.sluice.gateway.http.OutcomeResponses}).</li>
 *   <li>{@link io.sluice.gateway.http.ConnectionInfo}: what is known of the connection (the peer today;
 *       the TLS session and principal next), on every request.</li>
 * </ul>
 * The layer reports through {@link io.sluice.gateway.http.HttpMetrics} and knows ingest only through its
 * public API ({@code IngestService}, records and outcomes).
 *
 * <p>Pipelining: a client may send requests 1, 2, 3 without waiting. Their Kafka acknowledgements can
 * complete as 3, 1, 2 (different partitions), but HTTP/1.1 requires answers in request order, so the
 * {@link io.sluice.gateway.http.internal.ResponseSequencer} holds 3's answer until 1 and 2 are written. A
 * connection with 64 answers outstanding stops reading until half are written, so a client that never
 * reads cannot make the gateway buffer without bound. If 1 had carried {@code Connection: close}, 2 and 3
 * would never have been parsed, published or answered (RFC 9112 9.6): the client, seeing no answer,
 * retries them elsewhere without creating duplicates.
 */
package io.sluice.gateway.http;

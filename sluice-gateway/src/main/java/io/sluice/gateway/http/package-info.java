/**
 * HTTP/1.1: from whole requests to responses, independent of the parser that produced them.
 *
 * <p>A parser style (Netty's codec in {@code codec}) assembles a {@link io.sluice.gateway.http.GatewayRequest}
 * and hands it to the {@link io.sluice.gateway.http.RequestRouter}, which maps paths to actions, extracts
 * records ({@link io.sluice.gateway.http.ProduceRequestReader}) and maps ingest outcomes to status codes
 * ({@link io.sluice.gateway.http.OutcomeResponses}).
 *
 * <p>Pipelining: a client may send requests 1, 2, 3 without waiting. Their Kafka acknowledgements can
 * complete as 3, 1, 2 (different partitions), but HTTP/1.1 requires answers in request order, so the
 * {@link io.sluice.gateway.http.ResponseSequencer} holds 3's answer until 1 and 2 are written. A
 * connection with 64 answers outstanding stops reading until half are written, so a client that never
 * reads cannot make the gateway buffer without bound.
 */
package io.sluice.gateway.http;

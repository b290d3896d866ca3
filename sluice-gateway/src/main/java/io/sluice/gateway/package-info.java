/**
 * Sluice's gateway: start one with {@link io.sluice.gateway.Gateway#start(io.sluice.gateway.GatewayConfig)}.
 *
 * <p>Data flows one way: bytes arrive through a {@code transport} (a Netty event loop), the {@code http}
 * layer turns them into whole requests and routes them, {@code ingest} turns a request into Kafka
 * records and a delivery outcome, and the outcome flows back the same way as an HTTP response. No
 * package points back against that flow: ingest knows nothing of HTTP, and http nothing of the runtime.
 *
 * <p>The one promise that shapes everything: a 2xx means every record of the request is in Kafka
 * ({@code --delivery ack}, 200) or in the producer's buffer ({@code --delivery async}, 202). Example:
 * an NDJSON request of three lines whose second line times out gets 504 with a {@code results} array
 * showing lines one and three written and line two failed; the client retries exactly line two.
 */
package io.sluice.gateway;

/**
 * The framework HTTP style: Netty's request decoder (made strict about the request line by
 * {@link io.sluice.gateway.http.codec.StrictRequestDecoder}) parses; Sluice's handler checks the head
 * with the same rules as the raw parser ({@link io.sluice.gateway.http.codec.CodecHeadCheck}), assembles
 * bodies (with the body limit enforced while chunks arrive, not after), answers {@code 100-continue}, and
 * hands whole requests to the shared connection logic. The one allowed difference from the raw style:
 * obs-fold is unfolded into spaces rather than refused.
 */
package io.sluice.gateway.http.codec;

/**
 * The framework HTTP style: Netty's {@code HttpServerCodec} parses, Sluice's handler assembles bodies
 * (with the body limit enforced while chunks arrive, not after), answers {@code 100-continue}, applies the
 * header-read and idle timeouts, and writes answers in order.
 */
package io.sluice.gateway.http.codec;

package io.sluice.gateway.access;

/**
 * What a request presents to prove who it is, as the HTTP layer found it in the head. Immutable; any part
 * may be null.
 *
 * @param authorization the {@code Authorization} header field value
 * @param apiKey        the {@code X-API-Key} header field value
 * @param tlsPrincipal  the principal of the verified TLS client certificate (mTLS)
 */
public record Credentials(String authorization, String apiKey, String tlsPrincipal) {
}

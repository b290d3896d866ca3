package io.sluice.gateway.http;

/**
 * What a TLS handshake established for one connection, as far as HTTP and access control care:
 * negotiated protocol and cipher suite, and the client's identity when it presented a certificate the
 * gateway trusts (mTLS). Immutable; filled by the transport once the handshake has finished.
 *
 * @param protocol        e.g. {@code TLSv1.3}
 * @param cipherSuite     e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param clientPrincipal the principal taken from the verified client certificate (its subject CN, or the
 *                        SAN chosen by {@code --tls-principal-from}), or null when the client sent none
 */
public record TlsSession(String protocol, String cipherSuite, String clientPrincipal) {
}

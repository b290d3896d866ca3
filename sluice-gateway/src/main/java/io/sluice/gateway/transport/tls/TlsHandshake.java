package io.sluice.gateway.transport.tls;

import io.netty.util.AttributeKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a finished TLS handshake established, as plain values for the layers above the transport: protocol,
 * cipher suite, and the principal of the client certificate the handshake verified (null when the client
 * sent none). Immutable. On Netty it hangs on the channel under {@link #ATTRIBUTE} from the handshake's end.
 */
public record TlsHandshake(String protocol, String cipherSuite, String clientPrincipal) {

    /** Where a Netty connection keeps its handshake's outcome once the handshake has finished. */
    public static final AttributeKey<TlsHandshake> ATTRIBUTE = AttributeKey.valueOf("sluice.tls.handshake");

    /** The outcome of a finished handshake's session; the principal is taken as {@code from} says. */
    public static TlsHandshake of(SSLSession session, PrincipalSource from) {
        return new TlsHandshake(session.getProtocol(), session.getCipherSuite(), principal(session, from));
    }

    private static String principal(SSLSession session, PrincipalSource from) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? from.principalOf(leaf) : null;
        } catch (SSLPeerUnverifiedException none) {
            return null; // no client certificate (client auth none, or optional and the client sent none)
        }
    }
}

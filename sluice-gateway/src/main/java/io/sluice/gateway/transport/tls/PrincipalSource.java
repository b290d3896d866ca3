package io.sluice.gateway.transport.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which part of a verified client certificate names the caller ({@code --tls-principal-from}): the
 * subject's common name, or the first subject alternative name of one type. Stateless.
 */
public enum PrincipalSource {
    CN(-1),
    SAN_DNS(2),
    SAN_EMAIL(1),
    SAN_URI(6);

    /** The GeneralName tag of the SAN type (RFC 5280 4.2.1.6), -1 for the subject CN. */
    private final int sanType;

    PrincipalSource(int sanType) {
        this.sanType = sanType;
    }

    /** The command-line name: cn, san-dns, san-email, san-uri. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command-line name; throws {@link IllegalArgumentException} naming the valid ones. */
    public static PrincipalSource parse(String text) {
        for (PrincipalSource s : values()) {
            if (s.cliName().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown --tls-principal-from '" + text + "'; use one of cn, san-dns, "
                + "san-email, san-uri");
    }

    /** The principal this certificate carries, or null when it has no such name. */
    public String principalOf(X509Certificate cert) {
        if (sanType < 0) {
            return commonName(cert);
        }
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return null;
            }
            for (List<?> san : sans) {
                if (san.size() >= 2 && san.get(0) instanceof Integer type && type == sanType
                        && san.get(1) instanceof String value) {
                    return value;
                }
            }
            return null;
        } catch (CertificateParsingException e) {
            return null;
        }
    }

    private static String commonName(X509Certificate cert) {
        try {
            List<Rdn> rdns = new LdapName(cert.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) { // most specific first
                if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
                    return rdns.get(i).getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}

package io.sluice.gateway.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM text: certificates, and private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form, with the JDK alone (PKCS#1 and SEC1
 * keys are re-wrapped as PKCS#8). Errors are {@link IllegalArgumentException}s with the reason, for the
 * caller to prefix with the file. Stateless.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private PemFiles() {
    }

    /** The certificates in the text, in order; throws when there is none or one does not parse. */
    static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(pem)) {
                if (b.type.equals("CERTIFICATE")) {
                    out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der)));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a valid PEM certificate (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    /** The one private key in the text. */
    static PrivateKey privateKey(String pem) {
        for (Block b : blocks(pem)) {
            switch (b.type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(sequence(integerZero(), RSA_ALGORITHM, octetString(b.der)));
                }
                case "EC PRIVATE KEY" -> {
                    byte[] curve = sec1Curve(b.der);
                    return pkcs8(sequence(integerZero(), sequence(EC_PUBLIC_KEY_OID, curve), octetString(b.der)));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("the key is encrypted; give an "
                        + "unencrypted key (openssl pkey -in KEY -out PLAIN) or a PKCS#12 keystore with a password");
                default -> {
                    // other blocks (e.g. EC PARAMETERS) are skipped
                }
            }
        }
        throw new IllegalArgumentException("no PEM private key in it (expected -----BEGIN PRIVATE KEY----- or "
                + "-----BEGIN RSA PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException tryNext) {
                // not this algorithm
            }
        }
        throw new IllegalArgumentException("the private key does not parse (not RSA, EC or EdDSA PKCS#8)");
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a PEM block's base64 is damaged", e);
            }
        }
        return out;
    }

    /** The curve OID (a whole TLV) from SEC1's ECPrivateKey: SEQUENCE { version, key, [0] parameters, ... }. */
    private static byte[] sec1Curve(byte[] der) {
        int[] seq = header(der, 0);
        int pos = seq[0];
        int end = seq[0] + seq[1];
        while (pos < end) {
            int tag = der[pos] & 0xff;
            int[] h = header(der, pos);
            if (tag == 0xa0) {
                int[] oid = header(der, h[0]);
                byte[] out = new byte[oid[0] - h[0] + oid[1]];
                System.arraycopy(der, h[0], out, 0, out.length);
                return out;
            }
            pos = h[0] + h[1];
        }
        throw new IllegalArgumentException("the EC private key names no curve; convert it to PKCS#8 "
                + "(openssl pkcs8 -topk8 -nocrypt -in KEY)");
    }

    /** {content offset, content length} of the DER element at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        if (pos + 2 > der.length) {
            throw new IllegalArgumentException("the private key's DER is truncated");
        }
        int len = der[pos + 1] & 0xff;
        int off = pos + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[off++] & 0xff);
            }
        }
        if (off + len > der.length) {
            throw new IllegalArgumentException("the private key's DER is truncated");
        }
        return new int[] {off, len};
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return tlv(0x30, b.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int len = content.length;
        if (len < 0x80) {
            b.write(len);
        } else {
            int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            b.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                b.write((len >>> (8 * i)) & 0xff);
            }
        }
        b.writeBytes(content);
        return b.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}

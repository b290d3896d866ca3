package io.sluice.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedPemTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteACertificateFor127001AndItsPkcs8KeyAsPem() throws Exception {
        SelfSignedPem pem = SelfSignedPem.generate(dir);

        X509Certificate cert;
        try (InputStream in = Files.newInputStream(pem.certificate())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(cert.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .contains("127.0.0.1", "localhost");
        String key = Files.readString(pem.privateKey());
        assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(key.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der))).isNotNull();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrderElementsOf(List.of("cert.pem", "key.pem"));
    }
}

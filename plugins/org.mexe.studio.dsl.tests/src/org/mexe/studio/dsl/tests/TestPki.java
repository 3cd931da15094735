package org.mexe.studio.dsl.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for a test run, in a temporary folder: never committed. EC P-256 keys,
 * because they are quick to make; every name says TEST ONLY.
 */
final class TestPki {

    /** A certificate with its key pair, so that it can issue others. */
    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(1000);
    static final Instant NOW = Instant.now();

    private TestPki() {
    }

    static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** A self-signed CA valid from a day ago for a year. */
    static Issued root(String name) throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, build(name, keys, null, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null));
    }

    /** A CA certificate issued by {@code issuer}, or, with {@code ca} false, a certificate that claims to be none. */
    static Issued intermediate(String name, Issued issuer, boolean ca) throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, build(name, keys, issuer, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), ca,
                KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature, null));
    }

    /** A code-signing certificate (digitalSignature, codeSigning) valid from a day ago for a year. */
    static Issued codeSigner(String name, Issued issuer) throws Exception {
        return signer(name, issuer, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), KeyPurposeId.id_kp_codeSigning);
    }

    /** An end-entity certificate with digitalSignature and the given extended key usage. */
    static Issued signer(String name, Issued issuer, Instant from, Instant to, KeyPurposeId purpose) throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, build(name, keys, issuer, from, to, false, KeyUsage.digitalSignature, purpose));
    }

    /** A code-signing certificate with a critical extension that no verifier knows, which PKIX must refuse. */
    static Issued withUnknownCriticalExtension(String name, Issued issuer) throws Exception {
        KeyPair keys = keys();
        return new Issued(keys, build(name, keys, issuer, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), false,
                KeyUsage.digitalSignature, KeyPurposeId.id_kp_codeSigning, true));
    }

    private static X509Certificate build(String name, KeyPair keys, Issued issuer, Instant from, Instant to, boolean ca, int usage,
            KeyPurposeId purpose) throws Exception {
        return build(name, keys, issuer, from, to, ca, usage, purpose, false);
    }

    private static X509Certificate build(String name, KeyPair keys, Issued issuer, Instant from, Instant to, boolean ca, int usage,
            KeyPurposeId purpose, boolean unknownCritical) throws Exception {
        X500Name subject = new X500Name("O=MExE Provisioning Studio tests,CN=" + name + " (TEST ONLY)");
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(from), Date.from(to), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (unknownCritical) {
            // A private arc (1.3.6.1.4.1.99999): critical, so a verifier that does not know it must refuse the certificate.
            builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, DERNull.INSTANCE);
        }
        var signingKey = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
    }

    /** The certificates as PEM blocks, in the order given (signer first). */
    static Path pem(Path file, X509Certificate... chain) throws Exception {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, pem);
    }

    /** A DER CRL of {@code issuer} that revokes the given certificates. */
    static Path crl(Path file, Issued issuer, X509Certificate... revoked) throws Exception {
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate(), Date.from(NOW.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(7))));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(NOW.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        var crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.keys().getPrivate())));
        return Files.write(file, crl.getEncoded());
    }

    /** A PKCS#12 keystore with one key entry under {@code alias}. */
    static Path p12(Path file, String password, String alias, Issued key, X509Certificate... chain) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key.keys().getPrivate(), password.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}

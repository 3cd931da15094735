package org.mexe.studio.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKI for demonstrations and tests, as the MExE brief's trust domains have it: a manufacturer
 * root (preloaded on phones), an operator root CA with a code-signing certificate, and a
 * third-party CA. Every name says DEMO ONLY; the keys are new random ones each time.
 */
public final class DemoPki {

    public static final String KEYSTORE = "DEMO-ONLY-pki.p12";
    public static final String PASSWORD_FILE = "DEMO-ONLY-pki-password.txt";
    public static final String MANUFACTURER_ROOT = "manufacturer-root";
    public static final String OPERATOR_ROOT = "operator-root";
    public static final String OPERATOR_SIGNING = "operator-signing";
    public static final String THIRD_PARTY_CA = "third-party-ca";

    private static final String MARK = "DEMO ONLY - NOT FOR PRODUCTION";
    private static final Duration VALIDITY = Duration.ofDays(3 * 365);

    /** What {@link #create} wrote: the keystore, its password file, and the roots as PEM for other tools. */
    public record Files(Path keystore, Path passwordFile, List<Path> certificates) {
    }

    private DemoPki() {
    }

    /** Creates the demo PKI in {@code folder}, which must not hold one already. */
    public static Files create(Path folder) throws IOException, KeystoreException {
        return create(folder, Instant.now());
    }

    /** As {@link #create(Path)}, valid from a day before {@code now} for three years: tests make expired PKIs with it. */
    public static Files create(Path folder, Instant now) throws IOException, KeystoreException {
        Path keystore = folder.resolve(KEYSTORE);
        if (java.nio.file.Files.exists(keystore)) {
            throw new KeystoreException("A demo PKI exists already in " + folder + ": delete it first to make a new one.");
        }
        java.nio.file.Files.createDirectories(folder);
        SecureRandom random = new SecureRandom();
        char[] password = HexFormat.of().formatHex(random.generateSeed(16)).toCharArray();
        try {
            KeyPair manufacturerKeys = rsa(random);
            X509Certificate manufacturer = certificate("Manufacturer Root", manufacturerKeys, null, manufacturerKeys, true, false, now, random);
            KeyPair operatorRootKeys = rsa(random);
            X509Certificate operatorRoot = certificate("Operator Root CA", operatorRootKeys, null, operatorRootKeys, true, false, now, random);
            KeyPair signingKeys = rsa(random);
            X509Certificate signing = certificate("Operator Code Signing", signingKeys, operatorRoot, operatorRootKeys, false, true, now, random);
            KeyPair thirdPartyKeys = rsa(random);
            X509Certificate thirdParty = certificate("Third Party CA", thirdPartyKeys, null, thirdPartyKeys, true, false, now, random);

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(OPERATOR_SIGNING, signingKeys.getPrivate(), password, new X509Certificate[] { signing, operatorRoot });
            store.setKeyEntry(OPERATOR_ROOT, operatorRootKeys.getPrivate(), password, new X509Certificate[] { operatorRoot });
            store.setKeyEntry(MANUFACTURER_ROOT, manufacturerKeys.getPrivate(), password, new X509Certificate[] { manufacturer });
            store.setKeyEntry(THIRD_PARTY_CA, thirdPartyKeys.getPrivate(), password, new X509Certificate[] { thirdParty });
            try (OutputStream out = java.nio.file.Files.newOutputStream(keystore)) {
                store.store(out, password);
            }
            Path passwordFile = java.nio.file.Files.writeString(folder.resolve(PASSWORD_FILE), new String(password) + "\n");
            return new Files(keystore, passwordFile, List.of(
                    writePem(folder.resolve(MANUFACTURER_ROOT + ".pem"), manufacturer),
                    writePem(folder.resolve(OPERATOR_ROOT + ".pem"), operatorRoot),
                    writePem(folder.resolve(OPERATOR_SIGNING + ".pem"), signing),
                    writePem(folder.resolve(THIRD_PARTY_CA + ".pem"), thirdParty)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new KeystoreException("Cannot create the demo PKI in " + folder + ": " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static KeyPair rsa(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String role, KeyPair subject, X509Certificate issuer, KeyPair issuerKeys, boolean ca,
            boolean codeSigning, Instant now, SecureRandom random) throws GeneralSecurityException, OperatorCreationException, CertIOException {
        // BC keeps the written order (most significant first); Java prints it reversed, as RFC 2253 does: CN=…,O=….
        X500Name subjectName = new X500Name("O=MExE Provisioning Studio demo,CN=" + role + " (" + MARK + ")");
        X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, random).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subjectName, subject.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subject.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (codeSigning) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        }
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static Path writePem(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
        StringWriter pem = new StringWriter();
        pem.write("-----BEGIN CERTIFICATE-----\n");
        pem.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()));
        pem.write("\n-----END CERTIFICATE-----\n");
        return java.nio.file.Files.writeString(file, pem.toString());
    }
}

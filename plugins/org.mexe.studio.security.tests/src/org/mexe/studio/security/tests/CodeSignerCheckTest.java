package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.Certificates;
import org.mexe.studio.security.ChainCheck;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.TrustPolicy;

/** {@link TrustPolicy#checkCodeSigner}: a typed result for each way a code signer can fail, and reading certificates from files. */
class CodeSignerCheckTest {

    @TempDir
    static Path pki;
    static Secret password;
    static X509Certificate operatorRoot;
    static PrivateKey operatorRootKey;
    static List<X509Certificate> operatorSigning;
    static TrustPolicy operator;

    @BeforeAll
    static void createDemoPki() throws Exception {
        DemoPki.Files files = DemoPki.create(pki);
        password = Secret.of(Files.readString(files.passwordFile()).strip(), "test");
        KeyStore store = Keystores.load(files.keystore(), password);
        operatorRoot = (X509Certificate) store.getCertificate(DemoPki.OPERATOR_ROOT);
        operatorRootKey = (PrivateKey) store.getKey(DemoPki.OPERATOR_ROOT, password.reveal().toCharArray());
        operatorSigning = Keystores.certificateChain(files.keystore(), DemoPki.OPERATOR_SIGNING, password);
        operator = TrustPolicy.of(Set.of(operatorRoot));
    }

    private static X509Certificate issue(String name, KeyPair keys, Instant from, Instant to, boolean ca, int usage, KeyPurposeId purpose)
            throws Exception {
        var builder = new JcaX509v3CertificateBuilder(X500Name.getInstance(operatorRoot.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), new X500Name("CN=" + name + " (TEST ONLY)"),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(operatorRootKey)));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static ChainCheck.Untrusted untrusted(ChainCheck check, ChainCheck.Problem problem) {
        ChainCheck.Untrusted untrusted = assertInstanceOf(ChainCheck.Untrusted.class, check);
        assertEquals(problem, untrusted.problem(), untrusted.message());
        return untrusted;
    }

    @Test
    void theDemoCodeSignerIsTrustedByTheOperatorRootAndNoOther() throws Exception {
        ChainCheck.Trusted trusted = assertInstanceOf(ChainCheck.Trusted.class, operator.checkCodeSigner(operatorSigning, Instant.now()));
        assertEquals(operatorRoot, trusted.root());
        assertEquals(List.of(operatorSigning.get(0)), trusted.path());

        TrustPolicy manufacturer = TrustPolicy.of(Set.copyOf(Certificates.read(pki.resolve(DemoPki.MANUFACTURER_ROOT + ".pem"))));
        var broken = untrusted(manufacturer.checkCodeSigner(operatorSigning, Instant.now()), ChainCheck.Problem.BROKEN_CHAIN);
        assertTrue(broken.message().contains("Manufacturer Root"), broken.message());
    }

    @Test
    void validityIsCheckedAtTheGivenTime() {
        Instant later = Instant.now().plus(Duration.ofDays(4 * 365));
        var expired = untrusted(operator.checkCodeSigner(operatorSigning, later), ChainCheck.Problem.EXPIRED);
        assertEquals(operatorSigning.get(0), expired.certificate());
        untrusted(operator.checkCodeSigner(operatorSigning, Instant.now().minus(Duration.ofDays(30))), ChainCheck.Problem.NOT_YET_VALID);
    }

    @Test
    void aSignerMustBeAllowedToSignCode() throws Exception {
        Instant now = Instant.now();
        X509Certificate server = issue("Server", keys(), now.minusSeconds(60), now.plusSeconds(86_400), false, KeyUsage.digitalSignature,
                KeyPurposeId.id_kp_serverAuth);
        untrusted(operator.checkCodeSigner(List.of(server), now), ChainCheck.Problem.NOT_FOR_CODE_SIGNING);
        X509Certificate encipherOnly = issue("Encipher", keys(), now.minusSeconds(60), now.plusSeconds(86_400), false, KeyUsage.keyEncipherment,
                null);
        untrusted(operator.checkCodeSigner(List.of(encipherOnly), now), ChainCheck.Problem.NOT_FOR_CODE_SIGNING);
        // No extended key usage at all is no restriction (RFC 5280).
        X509Certificate unrestricted = issue("Unrestricted", keys(), now.minusSeconds(60), now.plusSeconds(86_400), false,
                KeyUsage.digitalSignature, null);
        assertInstanceOf(ChainCheck.Trusted.class, operator.checkCodeSigner(List.of(unrestricted), now));
    }

    @Test
    void anIssuerThatIsNotACaBreaksTheChain() throws Exception {
        Instant now = Instant.now();
        KeyPair middleKeys = keys();
        X509Certificate middle = issue("Middle", middleKeys, now.minusSeconds(60), now.plusSeconds(86_400), false,
                KeyUsage.digitalSignature | KeyUsage.keyCertSign, KeyPurposeId.id_kp_codeSigning);
        KeyPair leafKeys = keys();
        var builder = new JcaX509v3CertificateBuilder(X500Name.getInstance(middle.getSubjectX500Principal().getEncoded()), BigInteger.TEN,
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86_400)), new X500Name("CN=Leaf (TEST ONLY)"), leafKeys.getPublic());
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(middleKeys.getPrivate())));
        var notACa = untrusted(operator.checkCodeSigner(List.of(leaf, middle), now), ChainCheck.Problem.NOT_A_CA);
        assertEquals(middle, notACa.certificate());
        // Without the middle certificate the chain cannot even be built.
        untrusted(operator.checkCodeSigner(List.of(leaf), now), ChainCheck.Problem.BROKEN_CHAIN);
    }

    @Test
    void aCrlOfTheIssuerRevokes() throws Exception {
        Date now = new Date();
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(operatorRoot, now);
        builder.addCRLEntry(operatorSigning.get(0).getSerialNumber(), now, CRLReason.keyCompromise);
        X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(operatorRootKey)));
        Path file = Files.write(pki.resolve("operator.crl"), crl.getEncoded());
        TrustPolicy withCrl = new TrustPolicy(Set.of(operatorRoot), Certificates.readCrls(file));
        var revoked = untrusted(withCrl.checkCodeSigner(operatorSigning, Instant.now()), ChainCheck.Problem.REVOKED);
        assertTrue(revoked.message().contains("KEY_COMPROMISE"), revoked.message());
    }

    @Test
    void certificatesAndCrlsAreReadFromPemOrDerWithErrorsThatNameTheFile() throws Exception {
        Path der = Files.write(pki.resolve("root.der"), operatorRoot.getEncoded());
        assertEquals(List.of(operatorRoot), Certificates.read(der));
        assertEquals(List.of(operatorRoot), Certificates.read(pki.resolve(DemoPki.OPERATOR_ROOT + ".pem")));
        var missing = assertThrows(KeystoreException.class, () -> Certificates.read(pki.resolve("absent.pem")));
        assertTrue(missing.getMessage().contains("absent.pem") && missing.getMessage().contains("does not exist"), missing.getMessage());
        Path text = Files.writeString(pki.resolve("text.pem"), "not a certificate\n");
        var garbage = assertThrows(KeystoreException.class, () -> Certificates.read(text));
        assertTrue(garbage.getMessage().contains("text.pem"), garbage.getMessage());
        var notACrl = assertThrows(KeystoreException.class, () -> Certificates.readCrls(der));
        assertTrue(notACrl.getMessage().contains("root.der"), notACrl.getMessage());
    }

    @Test
    void aMissingAliasNamesTheFileTheAliasAndTheAliasesThatExist() {
        var e = assertThrows(KeystoreException.class, () -> Keystores.certificateChain(pki.resolve(DemoPki.KEYSTORE), "nope", password));
        assertTrue(e.getMessage().contains(DemoPki.KEYSTORE) && e.getMessage().contains("'nope'")
                && e.getMessage().contains(DemoPki.OPERATOR_SIGNING), e.getMessage());
    }
}

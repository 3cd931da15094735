package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.ManifestSignature;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.security.TrustPolicy;

/** Revocation from CRL files, as the operator root CA publishes them. */
class TrustPolicyTest {

    private static final byte[] MANIFEST = "0000  a.wbxml\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path pki;
    static Secret password;
    static SigningIdentity signer;
    static byte[] signature;

    @BeforeAll
    static void signSomething() throws Exception {
        DemoPki.Files files = DemoPki.create(pki);
        password = Secret.of(Files.readString(files.passwordFile()).strip(), "test");
        signer = Keystores.signingIdentity(files.keystore(), DemoPki.OPERATOR_SIGNING, password);
        signature = ManifestSignature.sign(MANIFEST, signer);
    }

    /** A CRL of the operator root revoking {@code serials}, written as DER. */
    private static Path crlRevoking(String name, BigInteger... serials) throws Exception {
        KeyStore store = Keystores.load(pki.resolve(DemoPki.KEYSTORE), password);
        X509Certificate root = (X509Certificate) store.getCertificate(DemoPki.OPERATOR_ROOT);
        PrivateKey rootKey = (PrivateKey) store.getKey(DemoPki.OPERATOR_ROOT, password.reveal().toCharArray());
        Date now = new Date();
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(root, now);
        builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey)));
        return Files.write(pki.resolve(name), crl.getEncoded());
    }

    private static TrustPolicy operatorRootWith(Path crl) throws Exception {
        return TrustPolicy.read(List.of(pki.resolve(DemoPki.OPERATOR_ROOT + ".pem")), List.of(crl));
    }

    @Test
    void aCrlThatRevokesSomethingElseLetsTheSignatureThrough() throws Exception {
        Path crl = crlRevoking("other.crl", BigInteger.valueOf(42));
        assertEquals(signer.certificate(), ManifestSignature.verify(MANIFEST, signature, operatorRootWith(crl)));
    }

    @Test
    void aRevokedSignerIsRefusedAndSaysSo() throws Exception {
        Path crl = crlRevoking("revoked.crl", signer.certificate().getSerialNumber());
        var e = assertThrows(SignatureInvalidException.class, () -> ManifestSignature.verify(MANIFEST, signature, operatorRootWith(crl)));
        assertTrue(e.getMessage().contains("is revoked"), e.getMessage());
    }

    @Test
    void withoutCrlsRevocationIsNotChecked() throws Exception {
        TrustPolicy rootsOnly = TrustPolicy.read(List.of(pki.resolve(DemoPki.OPERATOR_ROOT + ".pem")), List.of());
        assertEquals(signer.certificate(), ManifestSignature.verify(MANIFEST, signature, rootsOnly));
        assertThrows(IllegalArgumentException.class, () -> new TrustPolicy(java.util.Set.of(), List.of()));
    }
}

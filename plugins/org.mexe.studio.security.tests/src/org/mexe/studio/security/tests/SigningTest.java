package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.ManifestSignature;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.testing.PeerTools;

class SigningTest {

    private static final byte[] MANIFEST = """
            9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  demo/provisioning.wbxml
            """.getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path pkiFolder;
    static DemoPki.Files pki;
    static Secret password;

    @BeforeAll
    static void createDemoPki() throws Exception {
        pki = DemoPki.create(pkiFolder);
        password = Secret.of(Files.readString(pki.passwordFile()).strip(), "test password file");
    }

    private static Set<X509Certificate> root(String alias) throws Exception {
        return ManifestSignature.readCertificates(pkiFolder.resolve(alias + ".pem"));
    }

    private static SigningIdentity signer() throws KeystoreException {
        return Keystores.signingIdentity(pki.keystore(), DemoPki.OPERATOR_SIGNING, password);
    }

    @Test
    void theDemoPkiHasTheThreeDomainsAndIsMarkedAsDemoMaterial() throws Exception {
        List<Keystores.Entry> entries = Keystores.list(pki.keystore(), password);
        assertEquals(List.of(DemoPki.MANUFACTURER_ROOT, DemoPki.OPERATOR_ROOT, DemoPki.OPERATOR_SIGNING, DemoPki.THIRD_PARTY_CA),
                entries.stream().map(Keystores.Entry::alias).toList());
        entries.forEach(e -> assertTrue(e.subject().contains("DEMO ONLY"), e.subject()));
        assertEquals(2, signer().chain().size(), "the signing certificate comes with its CA");
    }

    @Test
    void aSignedManifestVerifiesWithOursAndWithOpenssl() throws Exception {
        byte[] signature = ManifestSignature.sign(MANIFEST, signer());
        X509Certificate by = ManifestSignature.verify(MANIFEST, signature, root(DemoPki.OPERATOR_ROOT));
        assertEquals(signer().certificate(), by);
        PeerTools.opensslCmsVerify(MANIFEST, signature, Files.readString(pkiFolder.resolve(DemoPki.OPERATOR_ROOT + ".pem")));
    }

    @Test
    void signaturesAreDeterministic() throws Exception {
        assertArrayEquals(ManifestSignature.sign(MANIFEST, signer()), ManifestSignature.sign(MANIFEST, signer()));
    }

    @Test
    void aChangedManifestFailsVerification() throws Exception {
        byte[] signature = ManifestSignature.sign(MANIFEST, signer());
        byte[] tampered = MANIFEST.clone();
        tampered[0] ^= 1;
        var e = assertThrows(SignatureInvalidException.class,
                () -> ManifestSignature.verify(tampered, signature, root(DemoPki.OPERATOR_ROOT)));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void anotherDomainsRootDoesNotTrustTheOperatorsSigner() throws Exception {
        byte[] signature = ManifestSignature.sign(MANIFEST, signer());
        var e = assertThrows(SignatureInvalidException.class,
                () -> ManifestSignature.verify(MANIFEST, signature, root(DemoPki.THIRD_PARTY_CA)));
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
    }

    @Test
    void aCaKeyCannotSign() {
        var e = assertThrows(KeystoreException.class, () -> Keystores.signingIdentity(pki.keystore(), DemoPki.OPERATOR_ROOT, password));
        assertTrue(e.getMessage().contains("'operator-root'") && e.getMessage().contains("cannot sign"), e.getMessage());
    }

    @Test
    void anExpiredCertificateIsNamedWithItsDate(@TempDir Path old) throws Exception {
        DemoPki.Files expired = DemoPki.create(old, java.time.Instant.now().minus(java.time.Duration.ofDays(4 * 365)));
        Secret oldPassword = Secret.of(Files.readString(expired.passwordFile()).strip(), "test");
        var e = assertThrows(KeystoreException.class, () -> Keystores.signingIdentity(expired.keystore(), DemoPki.OPERATOR_SIGNING, oldPassword));
        assertTrue(e.getMessage().contains("expired on") && e.getMessage().contains(expired.keystore().toString()), e.getMessage());
    }

    @Test
    void aSignatureByACertificateWithoutCodeSigningUsageIsRefused() throws Exception {
        // Bypass the keystore's checks to make such a signature, as a careless tool could.
        KeyStore store = Keystores.load(pki.keystore(), password);
        SigningIdentity rootAsSigner = new SigningIdentity("test", (java.security.PrivateKey) store.getKey(DemoPki.OPERATOR_ROOT,
                password.reveal().toCharArray()), List.of((X509Certificate) store.getCertificate(DemoPki.OPERATOR_ROOT)));
        byte[] signature = ManifestSignature.sign(MANIFEST, rootAsSigner);
        var e = assertThrows(SignatureInvalidException.class,
                () -> ManifestSignature.verify(MANIFEST, signature, root(DemoPki.OPERATOR_ROOT)));
        assertTrue(e.getMessage().contains("not a code-signing certificate"), e.getMessage());
    }

    @Test
    void aWrongPasswordNamesTheKeystoreAndWhereThePasswordCameFrom() {
        var e = assertThrows(KeystoreException.class,
                () -> Keystores.signingIdentity(pki.keystore(), DemoPki.OPERATOR_SIGNING, Secret.of("wrong", "environment variable P12_PW")));
        assertTrue(e.getMessage().contains("Wrong password") && e.getMessage().contains(pki.keystore().toString())
                && e.getMessage().contains("P12_PW"), e.getMessage());
    }

    @Test
    void aMissingAliasIsNamedWithTheAliasesThatExist() {
        var e = assertThrows(KeystoreException.class, () -> Keystores.signingIdentity(pki.keystore(), "operator-signer", password));
        assertTrue(e.getMessage().contains("'operator-signer'") && e.getMessage().contains(DemoPki.OPERATOR_SIGNING), e.getMessage());
    }

    @Test
    void aCertificateOnlyEntryCannotSign() throws Exception {
        Path file = pkiFolder.resolve("trust-only.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", root(DemoPki.OPERATOR_ROOT).iterator().next());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "test-only".toCharArray());
        }
        var e = assertThrows(KeystoreException.class, () -> Keystores.signingIdentity(file, "root", Secret.of("test-only", "test")));
        assertTrue(e.getMessage().contains("cannot sign"), e.getMessage());
    }

    @Test
    void aSecondDemoPkiDoesNotOverwriteTheFirst() {
        var e = assertThrows(KeystoreException.class, () -> DemoPki.create(pkiFolder));
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
    }
}

package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.ManifestSignature;
import org.mexe.studio.security.MidletSuiteSigner;
import org.mexe.studio.security.MidletSuiteSigner.Jad;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.testing.PeerTools;

class MidletSuiteSignerTest {

    private static final String JAD = """
            MIDlet-1: Bootstrap, /icon.png, example.Bootstrap
            MIDlet-Name: Operator Bootstrap
            MIDlet-Vendor: Demo Operator
            MIDlet-Version: 1.0.0
            MIDlet-Jar-URL: bootstrap.jar
            MicroEdition-Profile: MIDP-2.0
            MicroEdition-Configuration: CLDC-1.1
            """;

    @TempDir
    static Path pkiFolder;
    static SigningIdentity signer;

    @BeforeAll
    static void demoPki() throws Exception {
        DemoPki.Files pki = DemoPki.create(pkiFolder);
        signer = Keystores.signingIdentity(pki.keystore(), DemoPki.OPERATOR_SIGNING, Secret.of(Files.readString(pki.passwordFile()).strip(), "test"));
    }

    private static byte[] jar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("MIDlet-Name", "Operator Bootstrap");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("example/Bootstrap.class"));
            jar.write(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE });
        }
        return bytes.toByteArray();
    }

    private static java.util.Set<java.security.cert.X509Certificate> root(String alias) throws Exception {
        return ManifestSignature.readCertificates(pkiFolder.resolve(alias + ".pem"));
    }

    @Test
    void aSignedSuiteCarriesTheMidp2AttributesAndVerifies() throws Exception {
        byte[] jar = jar();
        Jad signed = MidletSuiteSigner.sign(Jad.parse(JAD), jar, signer);
        assertEquals(Integer.toString(jar.length), signed.attributes().get("MIDlet-Jar-Size"));
        assertTrue(signed.attributes().containsKey("MIDlet-Certificate-1-1"));
        assertFalse(signed.attributes().containsKey("MIDlet-Certificate-1-2"), "the root stays on the phone");
        assertEquals("MIDlet-1", signed.attributes().keySet().iterator().next(), "existing attributes keep their order");
        assertEquals(signer.certificate(), MidletSuiteSigner.verify(Jad.parse(signed.write()), jar, root(DemoPki.OPERATOR_ROOT)));
    }

    @Test
    void opensslVerifiesTheJarSignatureWithTheCertificateFromTheJad() throws Exception {
        byte[] jar = jar();
        Jad signed = MidletSuiteSigner.sign(Jad.parse(JAD), jar, signer);
        byte[] signature = Base64.getDecoder().decode(signed.attributes().get("MIDlet-Jar-RSA-SHA1"));
        String certificate = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        Base64.getDecoder().decode(signed.attributes().get("MIDlet-Certificate-1-1")))
                + "\n-----END CERTIFICATE-----\n";
        assertTrue(PeerTools.opensslVerifyRsaSha1(jar, signature, certificate).contains("Verified OK"));
    }

    @Test
    void aJadLineWithoutAnAttributeNameIsRefusedWithItsNumber() {
        // The fuzzing finding (DescriptorFuzzTestInputs/jadParse/crash-06dd1b92...): a carriage return before the colon.
        var refused = org.junit.jupiter.api.Assertions.assertThrows(org.mexe.studio.security.SignatureInvalidException.class,
                () -> Jad.parse("MIDlet-Name: Setup\r\nMIDlet-Version: 1.0\n\r:on: 1.0.\n"));
        org.junit.jupiter.api.Assertions.assertEquals("JAD line 3 has no attribute name before its ':'.", refused.getMessage());
    }

    @Test
    void aChangedJarOrJadOrAnUntrustedRootFails() throws Exception {
        byte[] jar = jar();
        Jad signed = MidletSuiteSigner.sign(Jad.parse(JAD), jar, signer);
        byte[] tampered = jar.clone();
        tampered[tampered.length / 2] ^= 1;
        var changed = assertThrows(SignatureInvalidException.class, () -> MidletSuiteSigner.verify(signed, tampered, root(DemoPki.OPERATOR_ROOT)));
        assertTrue(changed.getMessage().contains("does not match"), changed.getMessage());

        Jad wrongSize = Jad.parse(signed.write().replace("MIDlet-Jar-Size: " + jar.length, "MIDlet-Jar-Size: " + (jar.length + 1)));
        var size = assertThrows(SignatureInvalidException.class, () -> MidletSuiteSigner.verify(wrongSize, jar, root(DemoPki.OPERATOR_ROOT)));
        assertTrue(size.getMessage().contains("MIDlet-Jar-Size"), size.getMessage());

        var untrusted = assertThrows(SignatureInvalidException.class, () -> MidletSuiteSigner.verify(signed, jar, root(DemoPki.MANUFACTURER_ROOT)));
        assertTrue(untrusted.getMessage().contains("not trusted"), untrusted.getMessage());
    }

    @Test
    void anUnsignedOrMalformedJadIsRefused() throws Exception {
        var unsigned = assertThrows(SignatureInvalidException.class, () -> MidletSuiteSigner.verify(Jad.parse(JAD), jar(), root(DemoPki.OPERATOR_ROOT)));
        assertTrue(unsigned.getMessage().contains("not signed"), unsigned.getMessage());
        var malformed = assertThrows(SignatureInvalidException.class, () -> Jad.parse("MIDlet-Name: x\nno colon here\n"));
        assertTrue(malformed.getMessage().contains("line 2"), malformed.getMessage());
    }
}

package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ArtefactManifest;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.ManifestSignature;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.testing.PeerTools;

/** Generation with a signed manifest, checked by us and by openssl. */
class SignedManifestTest {

    @TempDir
    static Path pkiFolder;
    static SigningIdentity signer;
    static Set<X509Certificate> operatorRoot;

    @TempDir
    Path folder;

    @BeforeAll
    static void demoPki() throws Exception {
        DemoPki.Files pki = DemoPki.create(pkiFolder);
        signer = Keystores.signingIdentity(pki.keystore(), DemoPki.OPERATOR_SIGNING,
                Secret.of(Files.readString(pki.passwordFile()).strip(), "test"));
        operatorRoot = ManifestSignature.readCertificates(pkiFolder.resolve(DemoPki.OPERATOR_ROOT + ".pem"));
    }

    private Path generate(String name) throws Exception {
        Path input = Files.writeString(folder.resolve("setup.prov"), PipelineTest.SCENARIO);
        Path out = folder.resolve(name);
        ProvisioningPipeline.standalone().generate(List.of(input), out, PipelineTest.SECRETS, Optional.of(signer));
        return out;
    }

    @Test
    void theManifestListsEveryArtefactAndVerifies() throws Exception {
        Path out = generate("out");
        String manifest = Files.readString(out.resolve(ArtefactManifest.MANIFEST));
        assertEquals(4, manifest.lines().count(), manifest);
        assertTrue(manifest.contains("  test.operator.Setup/01-deliver-Home/sms-submit.hex\n"), manifest);
        var verified = ArtefactManifest.verify(out, operatorRoot);
        assertEquals(4, verified.files());
        assertEquals(signer.certificate(), verified.signer());
        PeerTools.opensslCmsVerify(Files.readAllBytes(out.resolve(ArtefactManifest.MANIFEST)),
                Files.readAllBytes(out.resolve(ArtefactManifest.SIGNATURE)), Files.readString(pkiFolder.resolve(DemoPki.OPERATOR_ROOT + ".pem")));
    }

    @Test
    void signedOutputIsDeterministic() throws Exception {
        Path first = generate("first");
        Path second = generate("second");
        assertArrayEquals(Files.readAllBytes(first.resolve(ArtefactManifest.SIGNATURE)), Files.readAllBytes(second.resolve(ArtefactManifest.SIGNATURE)));
    }

    @Test
    void aChangedMissingOrExtraFileIsNamed() throws Exception {
        Path out = generate("out");
        Path hex = out.resolve("test.operator.Setup/01-deliver-Home/sms-submit.hex");
        Files.writeString(hex, Files.readString(hex).replace('4', '5'));
        Files.delete(out.resolve("test.operator.Setup/01-deliver-Home/push.wsp"));
        Files.writeString(out.resolve("extra.txt"), "not generated");
        var e = assertThrows(SignatureInvalidException.class, () -> ArtefactManifest.verify(out, operatorRoot));
        assertTrue(e.getMessage().contains("sms-submit.hex was changed"), e.getMessage());
        assertTrue(e.getMessage().contains("push.wsp is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("extra.txt is not in the manifest"), e.getMessage());
    }

    @Test
    void anUnsignedOutputSaysSo() throws Exception {
        Path input = Files.writeString(folder.resolve("setup.prov"), PipelineTest.SCENARIO);
        ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("plain"), PipelineTest.SECRETS);
        var e = assertThrows(SignatureInvalidException.class, () -> ArtefactManifest.verify(folder.resolve("plain"), operatorRoot));
        assertTrue(e.getMessage().contains("has no MANIFEST.sha256"), e.getMessage());
    }

    @Test
    void generatedPinsStayOutOfTheManifestAndVerifyAcceptsThem() throws Exception {
        Path input = Files.writeString(folder.resolve("setup.prov"), PipelineTest.SCENARIO.replace("pin env \"TEST_USERPIN\"", "pin generated"));
        Path out = folder.resolve("out");
        ProvisioningPipeline.standalone().generate(List.of(input), out, PipelineTest.SECRETS, Optional.of(signer));
        assertTrue(Files.exists(out.resolve(ProvisioningPipeline.USER_PINS)));
        String manifest = Files.readString(out.resolve(ArtefactManifest.MANIFEST));
        assertEquals(4, manifest.lines().count(), manifest);
        assertTrue(!manifest.contains(ProvisioningPipeline.USER_PINS), manifest);
        assertEquals(4, ArtefactManifest.verify(out, operatorRoot).files());
    }
}

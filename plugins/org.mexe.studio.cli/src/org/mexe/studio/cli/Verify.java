package org.mexe.studio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.ArtefactManifest;
import org.mexe.studio.security.SignatureInvalidException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov verify}: are these artefacts complete, untouched, and signed by someone we trust? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks a folder of generated artefacts against its signed manifest (MANIFEST.sha256 and MANIFEST.sha256.p7s).")
final class Verify implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The output folder of prov generate.")
    Path folder;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        try {
            var verified = ArtefactManifest.verify(folder, trust.policy());
            spec.commandLine().getOut().printf("Verified: %d file(s) complete and untouched, signed by %s%n", verified.files(),
                    verified.signer().getSubjectX500Principal().getName());
            return 0;
        } catch (SignatureInvalidException e) {
            spec.commandLine().getErr().println("prov verify: " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (IOException | GeneralSecurityException e) {
            spec.commandLine().getErr().println("prov verify: cannot read: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        }
    }
}

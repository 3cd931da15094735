package org.mexe.studio.maven;

import java.io.File;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

/**
 * Validates the .prov files of a project and generates their artefacts: the Maven front door onto
 * {@link ProvisioningPipeline}, producing the same bytes as {@code prov generate}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** .prov files or folders that hold them. */
    @Parameter(defaultValue = "${project.basedir}/src/main/prov", required = true)
    private List<File> sources;

    /** The output folder; replaced as a whole, and only when generation succeeds. */
    @Parameter(defaultValue = "${project.build.directory}/prov", required = true)
    private File outputDirectory;

    /** A PKCS#12 keystore whose key signs the artefact manifest (MANIFEST.sha256 + .p7s); unsigned without it. */
    @Parameter(property = "prov.signKeystore")
    private File signKeystore;

    /** The signing key's alias. */
    @Parameter(property = "prov.signAlias", defaultValue = "operator-signing")
    private String signAlias;

    /** The environment variable that holds the keystore's password (or use signPasswordFile). */
    @Parameter(property = "prov.signPasswordEnv")
    private String signPasswordEnv;

    /** The file that holds the keystore's password (or use signPasswordEnv). */
    @Parameter(property = "prov.signPasswordFile")
    private File signPasswordFile;

    /** Where the USERPINs of 'pin generated' go (owner-only, outside the output folder); default: userpins.csv in it. */
    @Parameter(property = "prov.userPins")
    private File userPins;

    /** Skips generation. */
    @Parameter(property = "prov.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("prov: skipped");
            return;
        }
        SecretResolver secrets = SecretResolver.fromProcessEnvironment();
        Optional<SigningIdentity> signer = signer(secrets);
        try {
            var result = ProvisioningPipeline.standalone().generate(sources.stream().map(File::toPath).toList(),
                    outputDirectory.toPath(), secrets, signer, Optional.ofNullable(userPins).map(File::toPath));
            result.warnings().forEach(p -> getLog().warn(p.format()));
            getLog().info("prov: wrote " + result.files().size() + " file(s) to " + result.outputDir());
            for (DeliverySummary delivery : result.deliveries()) {
                getLog().info("prov: " + delivery.scenario() + " stage " + delivery.stage() + ": " + delivery.smsCount()
                        + " SMS, SEC=" + delivery.security() + " MAC=" + delivery.mac());
            }
            result.userPins().ifPresent(pins -> getLog().info("prov: the generated USERPINs are in " + pins
                    + " (owner-only, never in the signed manifest): hand them to the PIN letters, then delete the file"));
        } catch (GenerationException e) {
            for (Problem problem : e.problems()) {
                getLog().error(problem.format());
            }
            // Maven's convention: a failure of the input fails the build, anything else is an execution error.
            if (e.reason() == GenerationException.Reason.INVALID_INPUT) {
                throw new MojoFailureException("prov: " + e.getMessage());
            }
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
    }

    private Optional<SigningIdentity> signer(SecretResolver secrets) throws MojoExecutionException {
        if (signKeystore == null) {
            return Optional.empty();
        }
        try {
            SecretLocation password = SecretLocation.exactlyOne(signPasswordEnv, signPasswordFile == null ? null : signPasswordFile.toPath(),
                    "the keystore's password", "signPasswordEnv", "signPasswordFile");
            return Optional.of(Keystores.signingIdentity(signKeystore.toPath(), signAlias, password, secrets));
        } catch (KeystoreException | SecretUnavailableException e) {
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
    }
}

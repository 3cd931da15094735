package org.mexe.studio.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
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

    /**
     * The output folder: it must be new, empty, or an output of an earlier run (it holds a
     * .prov-output file that lists what it wrote); it is then replaced as a whole, and only when
     * generation succeeds. A folder with other files fails the build unless overwriteForeignOutput
     * is set. Owner-only: payloads carry passwords.
     */
    @Parameter(defaultValue = "${project.build.directory}/prov", required = true)
    private File outputDirectory;

    /**
     * Replace the output folder even when it holds files this plugin did not write (they are lost).
     * A folder that holds a source, the project folder, a parent of it, the home folder or the
     * root is never replaced.
     */
    @Parameter(property = "prov.overwriteForeignOutput", defaultValue = "false")
    private boolean overwriteForeignOutput;

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
        OutputFolder.Permission permission = overwriteForeignOutput ? OutputFolder.Permission.alsoForeign()
                : OutputFolder.Permission.ownOutputOnly("set <overwriteForeignOutput>true</overwriteForeignOutput> (or"
                        + " -Dprov.overwriteForeignOutput=true) to replace it and lose what it holds");
        List<Path> inputs = sources.stream().map(File::toPath).toList();
        // everything the build reads, the keystore and its password file too, stays out of the output folder
        List<Path> read = new ArrayList<>(inputs);
        Stream.of(signKeystore, signPasswordFile).filter(Objects::nonNull).map(File::toPath).forEach(read::add);
        try {
            OutputFolder.claim(outputDirectory.toPath(), read, permission);
        } catch (GenerationException e) {
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
        SecretResolver secrets = SecretResolver.fromProcessEnvironment();
        Optional<SigningIdentity> signer = signer(secrets);
        try {
            var result = ProvisioningPipeline.standalone().generate(inputs, outputDirectory.toPath(), secrets, signer,
                    Optional.ofNullable(userPins).map(File::toPath), permission);
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
        if ((signPasswordEnv == null) == (signPasswordFile == null)) {
            throw new MojoExecutionException("prov: give the keystore's password with exactly one of signPasswordEnv and signPasswordFile.");
        }
        SecretLocation password = signPasswordEnv != null ? new SecretLocation.Environment(signPasswordEnv)
                : new SecretLocation.File(signPasswordFile.toPath());
        try {
            return Optional.of(Keystores.signingIdentity(signKeystore.toPath(), signAlias, password, secrets));
        } catch (KeystoreException | SecretUnavailableException e) {
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
    }
}

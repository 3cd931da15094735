package org.mexe.studio.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.InputFingerprint;
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

    /**
     * The SIM OTA counter store that SIM updates ({@code update-sim ... via}) take fresh counters
     * from, outside the output folder and kept for the life of the cards' keys; without it no SIM
     * OTA packets are made.
     */
    @Parameter(property = "prov.otaCounters")
    private File otaCounters;

    /** Generates even when no input changed since the last generation into the same folder. */
    @Parameter(property = "prov.force", defaultValue = "false")
    private boolean force;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

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
            ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
            var loaded = pipeline.load(inputs, secrets);
            String fingerprint = InputFingerprint.of(loaded, secrets, settings());
            Path stamp = stampFile();
            if (!force && Files.isDirectory(outputDirectory.toPath()) && fingerprint.equals(readStamp(stamp))) {
                getLog().info("prov: " + outputDirectory + " is up to date: no input changed since it was generated;"
                        + " skipped (-Dprov.force=true generates anyway)");
                return;
            }
            if (otaCounters != null) {
                pipeline = pipeline.withOtaCounters(otaCounters.toPath());
            }
            var result = pipeline.generate(loaded, outputDirectory.toPath(), secrets, signer,
                    Optional.ofNullable(userPins).map(File::toPath), permission);
            writeStamp(stamp, fingerprint);
            result.warnings().forEach(p -> getLog().warn(p.format()));
            getLog().info("prov: wrote " + result.files().size() + " file(s) to " + result.outputDir());
            result.stages().forEach(stage -> stage.lines().forEach(line -> getLog().info("prov:" + line)));
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

    /** The mojo's own settings that change what it writes, and the code that writes it. */
    private Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("outputDirectory", outputDirectory.getAbsolutePath());
        settings.put("signKeystore", signKeystore == null ? "" : signKeystore.getAbsolutePath() + ":" + digestOf(signKeystore.toPath()));
        settings.put("signAlias", signKeystore == null ? "" : signAlias);
        settings.put("userPins", userPins == null ? "" : userPins.getAbsolutePath());
        settings.put("otaCounters", otaCounters == null ? "" : otaCounters.getAbsolutePath());
        for (Class<?> code : List.of(GenerateMojo.class, ProvisioningPipeline.class)) {
            try {
                Path jar = Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI());
                settings.put("code:" + code.getName(), digestOf(jar));
            } catch (java.net.URISyntaxException | RuntimeException e) {
                settings.put("code:" + code.getName(), "unknown:" + System.nanoTime());
            }
        }
        return settings;
    }

    /** Where the fingerprint of the last generation into {@link #outputDirectory} is kept, beside the build's other state. */
    private Path stampFile() {
        String name = Integer.toHexString(outputDirectory.getAbsolutePath().hashCode());
        return buildDirectory.toPath().resolve("prov-maven-plugin").resolve("generate-" + name + ".sha256");
    }

    private static String readStamp(Path stamp) {
        try {
            return Files.isRegularFile(stamp) ? Files.readString(stamp).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void writeStamp(Path stamp, String fingerprint) {
        try {
            Files.createDirectories(stamp.getParent());
            Path temporary = Files.createTempFile(stamp.getParent(), stamp.getFileName().toString(), ".tmp");
            Files.writeString(temporary, fingerprint + "\n");
            Files.move(temporary, stamp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only costs a regeneration next time.
            getLog().debug("prov: cannot record the input fingerprint in " + stamp + ": " + e.getMessage());
        }
    }

    private static String digestOf(Path file) {
        try (var in = Files.newInputStream(file)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "unreadable";
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

package org.mexe.studio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.MidletSuiteSigner;
import org.mexe.studio.security.MidletSuiteSigner.Jad;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SignatureInvalidException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov jad}: MIDP 2.0 signed MIDlet suites, the classmark 3 bootstrap. */
@Command(name = "jad", mixinStandardHelpOptions = true, description = "Signs and verifies MIDP 2.0 MIDlet suites (JAD + JAR).",
        subcommands = { JadCommand.Sign.class, JadCommand.Verify.class })
final class JadCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Prov.missingCommand(spec);
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Writes the JAD with MIDlet-Jar-Size, MIDlet-Jar-RSA-SHA1 and MIDlet-Certificate-1-n for the JAR.")
    static final class Sign implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "JAD") Path jad;

        @Parameters(index = "1", paramLabel = "JAR") Path jar;

        @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "The signed JAD (default: replace JAD), written atomically.")
        Path output;

        @Mixin
        SigningOptions signing;

        private final SecretResolver secrets;

        Sign(SecretResolver secrets) {
            this.secrets = secrets;
        }

        @Override
        public Integer call() {
            if (signing.keystore == null) {
                spec.commandLine().getErr().println("prov jad sign: give the signing key with --sign-keystore.");
                return Prov.EXIT_USAGE;
            }
            try {
                Jad signed = MidletSuiteSigner.sign(Jad.parse(Files.readString(jad)), Files.readAllBytes(jar),
                        signing.identity(secrets).orElseThrow());
                Path target = output == null ? jad : output;
                AtomicOutput.writeFile(target, signed.bytes());
                spec.commandLine().getOut().println("Signed " + jar + " into " + target);
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("prov jad sign: cannot read or write: " + e.getMessage());
                return Prov.EXIT_GENERATION_FAILED;
            } catch (KeystoreException | SecretUnavailableException | SignatureInvalidException e) {
                spec.commandLine().getErr().println("prov jad sign: " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the JAR against the JAD's signature and the signer's chain against trusted roots.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "JAD") Path jad;

        @Parameters(index = "1", paramLabel = "JAR") Path jar;

        @Mixin
        TrustOptions trust;

        @Override
        public Integer call() {
            try {
                X509Certificate signer = MidletSuiteSigner.verify(Jad.parse(Files.readString(jad)), Files.readAllBytes(jar),
                        trust.policy());
                spec.commandLine().getOut().println("Verified: " + jar + " signed by " + signer.getSubjectX500Principal().getName());
                return 0;
            } catch (SignatureInvalidException e) {
                spec.commandLine().getErr().println("prov jad verify: " + jad + ": " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            } catch (IOException | GeneralSecurityException e) {
                spec.commandLine().getErr().println("prov jad verify: cannot read: " + e.getMessage());
                return Prov.EXIT_GENERATION_FAILED;
            }
        }
    }
}

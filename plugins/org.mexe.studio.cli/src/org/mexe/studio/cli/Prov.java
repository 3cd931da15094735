package org.mexe.studio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.ArtefactManifest;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code prov} command: a front door onto {@link ProvisioningPipeline}, with no logic of its own. */
@Command(name = "prov", mixinStandardHelpOptions = true, version = "MExE Provisioning Studio 0.1.0",
        description = "Validates provisioning scenarios (.prov) and generates the artefacts an operator deploys.",
        subcommands = { Prov.Validate.class, Prov.Generate.class, Prov.Demo.class, Prov.Cp.class, Decode.class, Keys.class,
                Verify.class, JadCommand.class, OtaCommand.class, FormatCommand.class, ExchangeCommands.Export.class,
                ExchangeCommands.Import.class, LspCommand.class, CommandLine.HelpCommand.class })
public final class Prov implements Runnable {

    /** Exit code when the input has errors. */
    static final int EXIT_INVALID_INPUT = 1;
    /** Exit code of a wrong command line (picocli's too). */
    static final int EXIT_USAGE = 2;
    /** Exit code when generation could not run or write. */
    static final int EXIT_GENERATION_FAILED = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), SecretResolver.fromProcessEnvironment()));
    }

    /** Runs the command with the given streams and secrets: the seam for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, SecretResolver secrets) {
        return run(args, System.in, out, err, secrets);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, SecretResolver)}, reading '-' inputs from {@code in}. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, SecretResolver secrets) {
        CommandLine commandLine = new CommandLine(new Prov(), new Factory(secrets, in));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks .prov files and prints each problem as file:line:column: severity: message.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
        List<Path> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
                var loaded = pipeline.load(paths);
                List<Problem> problems = pipeline.validate(loaded);
                problems.forEach(p -> (p.isError() ? err : out).println(p.format()));
                long errors = problems.stream().filter(Problem::isError).count();
                long warnings = problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
                long notes = problems.size() - errors - warnings;
                out.printf("%d file(s) checked: %d error(s), %d warning(s)%s.%n", loaded.resources().size(), errors, warnings,
                        notes == 0 ? "" : ", " + notes + " note(s)");
                return errors == 0 ? 0 : EXIT_INVALID_INPUT;
            } catch (GenerationException e) {
                err.println("prov: " + e.getMessage());
                return EXIT_INVALID_INPUT;
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Validates .prov files and, when they have no error, replaces the output folder with their artefacts.")
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
        List<Path> paths;

        @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR",
                description = "Output folder. It is replaced as a whole, and only when generation succeeds.")
        Path output;

        @Option(names = "--user-pins", paramLabel = "FILE", description = "Where the USERPINs of 'pin generated' go (owner-only,"
                + " outside the output folder). Default: userpins.csv in the output folder, outside its signed manifest.")
        Path userPins;

        @Mixin
        SigningOptions signing;

        private final SecretResolver secrets;

        Generate(SecretResolver secrets) {
            this.secrets = secrets;
        }

        @Override
        public Integer call() {
            Optional<SigningIdentity> signer;
            try {
                signer = signing.identity(secrets);
            } catch (KeystoreException | SecretUnavailableException e) {
                spec.commandLine().getErr().println("prov: " + e.getMessage());
                return EXIT_GENERATION_FAILED;
            }
            return generateAndReport(spec, paths, output, secrets, signer, Optional.ofNullable(userPins));
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Validates the bundled example scenarios and generates all their artefacts (demo PIN and keys only).")
    static final class Demo implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--examples", paramLabel = "DIR", description = "Folder of the examples (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:PROV_HOME:-.}/examples")
        Path examples;

        @Option(names = { "-o", "--output" }, paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:PROV_HOME:-.}/out/demo")
        Path output;

        @Option(names = "--pki", paramLabel = "DIR", description = "The demo PKI that signs the manifest, created when missing"
                + " (default: ${DEFAULT-VALUE}).", defaultValue = "${env:PROV_HOME:-.}/out/demo-pki")
        Path pki;

        private final SecretResolver secrets;

        Demo(SecretResolver secrets) {
            this.secrets = secrets;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Demo: the examples use DEMO-ONLY secrets from examples/demo-secrets/; never use them for real subscribers.");
            SigningIdentity signer;
            try {
                if (!Files.exists(pki.resolve(DemoPki.KEYSTORE))) {
                    DemoPki.create(pki);
                    out.println("Created a DEMO-ONLY PKI in " + pki);
                }
                signer = Keystores.signingIdentity(pki.resolve(DemoPki.KEYSTORE), DemoPki.OPERATOR_SIGNING,
                        new SecretLocation.File(pki.resolve(DemoPki.PASSWORD_FILE)), secrets);
            } catch (IOException | KeystoreException | SecretUnavailableException e) {
                spec.commandLine().getErr().println("prov demo: " + e.getMessage());
                return EXIT_GENERATION_FAILED;
            }
            int exitCode = generateAndReport(spec, List.of(examples), output, secrets, Optional.of(signer), Optional.empty());
            if (exitCode == 0) {
                out.println("Check the signed manifest with: prov verify " + output + " --trust " + pki.resolve(DemoPki.OPERATOR_ROOT + ".pem"));
            }
            return exitCode;
        }
    }

    static int generateAndReport(CommandSpec spec, List<Path> paths, Path output, SecretResolver secrets, Optional<SigningIdentity> signer,
            Optional<Path> userPins) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            var result = ProvisioningPipeline.standalone().generate(paths, output, secrets, signer, userPins);
            result.warnings().forEach(p -> out.println(p.format()));
            out.printf("Wrote %d file(s) to %s%n", result.files().size(), result.outputDir());
            result.stages().forEach(stage -> stage.lines().forEach(out::println));
            result.userPins().ifPresent(pins -> out.printf("  %s: the generated USERPINs, one per subscriber, readable only by you"
                    + " (never in the signed manifest): hand them to the subscribers' PIN letters, then delete the file%n", pins));
            signer.ifPresent(s -> out.printf("  %s and %s: signed by %s%n", ArtefactManifest.MANIFEST, ArtefactManifest.SIGNATURE,
                    s.certificate().getSubjectX500Principal().getName()));
            return 0;
        } catch (GenerationException e) {
            e.problems().forEach(p -> err.println(p.format()));
            err.println("prov: " + e.getMessage());
            return switch (e.reason()) {
                case INVALID_INPUT -> EXIT_INVALID_INPUT;
                case CANNOT_GENERATE -> EXIT_GENERATION_FAILED;
            };
        }
    }

    @Command(name = "cp", mixinStandardHelpOptions = true, description = "OMA Client Provisioning documents.",
            subcommands = { CpEncode.class })
    static final class Cp implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Hands the secret resolver and standard input to the commands that need them. */
    private record Factory(SecretResolver secrets, InputStream in) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == Generate.class) {
                return type.cast(new Generate(secrets));
            }
            if (type == Demo.class) {
                return type.cast(new Demo(secrets));
            }
            if (type == OtaCommand.class) {
                return type.cast(new OtaCommand(secrets, in));
            }
            if (type == JadCommand.Sign.class) {
                return type.cast(new JadCommand.Sign(secrets));
            }
            if (type == Keys.ListEntries.class) {
                return type.cast(new Keys.ListEntries(secrets));
            }
            if (type == Decode.class) {
                return type.cast(new Decode(in));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

package org.mexe.studio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.ArtefactManifest;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
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
                ExchangeCommands.Import.class,
                ReportCommand.class,
                ServeCommand.class,
                RunCommand.class,
                CampaignCommand.class,
                SendCommand.class,
                LspCommand.class,
                CommandLine.HelpCommand.class })
public final class Prov implements Runnable {

    /** Exit code when the input has errors. */
    static final int EXIT_INVALID_INPUT = 1;
    /** Exit code of a wrong command line (picocli's too). */
    static final int EXIT_USAGE = 2;
    /** Exit code when generation could not run or write. */
    static final int EXIT_GENERATION_FAILED = 3;
    /** Exit code of a bug (sysexits' EX_SOFTWARE). */
    static final int EXIT_INTERNAL_ERROR = 70;

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
        commandLine.setExecutionStrategy(Prov::execute);
        commandLine.setParameterExceptionHandler(Prov::usageError);
        commandLine.setExecutionExceptionHandler(Prov::internalError);
        return commandLine.execute(args);
    }

    /** {@code prov} alone: the commands on standard error, and a usage error, as {@code git} does. */
    @Override
    public void run() {
        missingCommand(spec);
    }

    /** A command that only groups others (prov, prov cp) was given none: usage error, the list on standard error. */
    static void missingCommand(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Give a command: " + String.join(", ",
                spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()) + ".");
    }

    /**
     * Runs the last command given, unless some argument matched nothing: picocli lets help options
     * win over unknown words, so {@code prov frobnicate --help} would print the help and succeed.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                return unknown(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Usage errors name what is wrong first (an unknown word before a missing option) and end with the way to help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        CommandLine.ParseResult partial = command.getParseResult();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unknown(command, unmatched.getUnmatched());
        }
        if (partial != null && !partial.unmatched().isEmpty()) {
            return unknown(command, partial.unmatched());
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return EXIT_USAGE;
    }

    private static int unknown(CommandLine command, List<String> unmatched) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String first = unmatched.get(0);
        boolean expectsCommand = !command.getSubcommands().isEmpty() && !first.startsWith("-");
        err.println(name + ": " + (expectsCommand ? "unknown command '" + first + "'" : first.startsWith("-")
                ? "unknown option '" + first + "'" : "unexpected argument '" + first + "'") + ".");
        List<String> suggestions = new CommandLine.UnmatchedArgumentException(command, unmatched).getSuggestions();
        if (!suggestions.isEmpty()) {
            err.println("Did you mean: " + String.join(", ", suggestions) + "?");
        }
        if (expectsCommand) {
            err.println("The commands are: " + String.join(", ", command.getSubcommands().keySet().stream()
                    .filter(sub -> !sub.equals("help")).toList()) + ".");
        }
        err.println("See '" + name + " --help'.");
        return EXIT_USAGE;
    }

    /** A bug, not a mistake of the user's: say so, with the trace to report, and exit apart from the other failures. */
    private static int internalError(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": internal error, please report it with what follows: " + e);
        e.printStackTrace(err);
        return EXIT_INTERNAL_ERROR;
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
                description = "Output folder: it must be new, empty, or an output of an earlier run (it holds a .prov-output"
                        + " file that lists what it wrote). It is then replaced as a whole, only when generation succeeds; a folder"
                        + " with other files is refused. Owner-only: payloads carry passwords.")
        Path output;

        @Option(names = "--force", description = "Replace the output folder even when it holds files this tool did not write (they"
                + " are lost). A folder that holds an input, the current folder, a parent of it, your home or the root is never"
                + " replaced.")
        boolean force;

        @Option(names = "--ota-counters", paramLabel = "DIR", description = "The SIM OTA counter store that SIM updates ('update-sim"
                + " ... via') take fresh counters from, outside the output folder; kept for the life of the cards' keys. Without it, no"
                + " SIM OTA packets are made.")
        Path otaCounters;

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
            List<Path> read = new ArrayList<>(paths);
            read.addAll(signing.files());
            return generateAndReport(spec, paths, read, output, permission(force), secrets, signer, Optional.ofNullable(userPins),
                    Optional.ofNullable(otaCounters));
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

        @Option(names = "--ota-counters", paramLabel = "DIR", description = "The SIM OTA counter store of the demo's SIM updates"
                + " (default: beside the output folder, out/demo-ota-counters for out/demo).")
        Path otaCounters;

        @Option(names = "--force", description = "Replace the output folder even when it holds files this tool did not write.")
        boolean force;

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
                // before the PKI is made: a refused output folder leaves no trace
                OutputFolder.claim(output, List.of(examples, pki), permission(force));
                if (!Files.exists(pki.resolve(DemoPki.KEYSTORE))) {
                    DemoPki.create(pki);
                    out.println("Created a DEMO-ONLY PKI in " + pki);
                }
                signer = Keystores.signingIdentity(pki.resolve(DemoPki.KEYSTORE), DemoPki.OPERATOR_SIGNING,
                        new SecretLocation.File(pki.resolve(DemoPki.PASSWORD_FILE)), secrets);
            } catch (IOException | KeystoreException | SecretUnavailableException | GenerationException e) {
                spec.commandLine().getErr().println("prov demo: " + e.getMessage());
                return EXIT_GENERATION_FAILED;
            }
            int exitCode = generateAndReport(spec, List.of(examples), List.of(examples, pki), output, permission(force), secrets,
                    Optional.of(signer), Optional.empty(), Optional.of(otaCounters != null ? otaCounters
                            : output.toAbsolutePath().normalize().resolveSibling(output.getFileName() + "-ota-counters")));
            if (exitCode == 0) {
                out.println("Check the signed manifest with: prov verify " + output + " --trust " + pki.resolve(DemoPki.OPERATOR_ROOT + ".pem"));
            }
            return exitCode;
        }
    }

    /** What the CLI may replace: {@code --force} allows a folder of other files too. */
    static OutputFolder.Permission permission(boolean force) {
        return force ? OutputFolder.Permission.alsoForeign()
                : OutputFolder.Permission.ownOutputOnly("give --force to replace it and lose what it holds");
    }

    /**
     * Generates {@code paths} into {@code output}; {@code read} is everything the run reads (sources,
     * keystores, password files), none of which the output folder may hold.
     */
    static int generateAndReport(CommandSpec spec, List<Path> paths, List<Path> read, Path output, OutputFolder.Permission permission,
            SecretResolver secrets, Optional<SigningIdentity> signer, Optional<Path> userPins, Optional<Path> otaCounters) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OutputFolder.claim(output, read, permission);
            ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
            var result = otaCounters.map(pipeline::withOtaCounters).orElse(pipeline).generate(paths, output, secrets, signer, userPins,
                    permission);
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
            missingCommand(spec);
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
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(secrets));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(secrets));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ReviewReport;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov report}: the review report of {@link ReviewReport}, for reviewers who never open Eclipse. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes a static HTML review report (diagrams laid out by ELK, parameters with extends resolved,"
                + " handsets, findings, artefact inventory) into DIR/index.html.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
    List<Path> paths;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "The report's folder.")
    Path output;

    @Option(names = "--force", description = "Replace the report's folder even when it holds files this tool did not write (they"
            + " are lost). A folder that holds an input, the current folder, a parent of it, your home or the root is never"
            + " replaced.")
    boolean force;

    @Mixin
    SigningOptions signing;

    private final SecretResolver secrets;

    ReportCommand(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SigningIdentity> signer;
        try {
            signer = signing.identity(secrets);
        } catch (KeystoreException | SecretUnavailableException e) {
            err.println("prov: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        }
        try {
            ReviewReport.Result result = new ReviewReport(ProvisioningPipeline.standalone()).write(paths, output, secrets, signer,
                    Prov.permission(force));
            out.printf("Wrote the review report %s: %d scenario(s), %d finding(s) (%d error(s)), %d artefact(s) listed.%n",
                    result.outputDir().resolve(ReviewReport.PAGE), result.scenarios(), result.findings(), result.errors(),
                    result.artefacts());
            return 0;
        } catch (GenerationException e) {
            e.problems().forEach(p -> err.println(p.format()));
            err.println("prov: " + e.getMessage());
            return e.reason() == GenerationException.Reason.INVALID_INPUT ? Prov.EXIT_INVALID_INPUT : Prov.EXIT_GENERATION_FAILED;
        }
    }
}

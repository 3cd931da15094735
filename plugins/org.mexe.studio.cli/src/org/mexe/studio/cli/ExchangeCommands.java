package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ModelExchange;
import org.mexe.studio.generator.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov export} and {@code prov import}: .prov files to XMI for other EMF tools, and back. */
final class ExchangeCommands {

    private ExchangeCommands() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = { "Writes .prov files as XMI (one .xmi per .prov, in the same relative folders) for other EMF tools and"
                    + " reviewers. Syntax errors and unresolved references stop it; other findings are printed.",
                    "Definitions have their qualified names as xmi:id; references between files are relative hrefs. The output"
                            + " folder is replaced as a whole: it must be new, empty or an earlier output of this tool (see prov"
                            + " generate --help); one with other files is refused unless --force is given." })
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--xmi", required = true, paramLabel = "DIR", description = "Output folder of the .xmi files.")
        Path output;

        @Option(names = "--force", description = "Replace the output folder even when it holds files this tool did not write.")
        boolean force;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
        List<Path> paths;

        @Override
        public Integer call() {
            try {
                ModelExchange.Result result = ModelExchange.standalone().exportXmi(paths, output, Prov.permission(force));
                return report(spec, result, "Exported");
            } catch (GenerationException e) {
                return failure(spec, e);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = { "Reads XMI files of the provisioning metamodel, validates them (the metamodel's constraints, hrefs) and"
                    + " writes each as a .prov file in the canonical layout.",
                    "The output folder is replaced as a whole: it must be new, empty or an earlier output of this tool (see prov"
                            + " generate --help); one with other files, such as your own .prov sources, is refused unless --force is"
                            + " given." })
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "XMI", description = ".xmi files, or folders to search for them.")
        List<Path> paths;

        @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "Output folder of the .prov files.")
        Path output;

        @Option(names = "--force", description = "Replace the output folder even when it holds files this tool did not write.")
        boolean force;

        @Override
        public Integer call() {
            try {
                ModelExchange.Result result = ModelExchange.standalone().importXmi(paths, output, Prov.permission(force));
                return report(spec, result, "Imported");
            } catch (GenerationException e) {
                return failure(spec, e);
            }
        }
    }

    private static int report(CommandSpec spec, ModelExchange.Result result, String verb) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(p -> (p.isError() ? err : out).println(p.format()));
        out.printf("%s %d file(s) to %s%n", verb, result.files().size(), result.outputDir());
        result.files().forEach(f -> out.println("  " + f));
        long errors = result.warnings().stream().filter(Problem::isError).count();
        if (errors > 0) {
            out.printf("The model has %d error(s), listed above, written as they are: prov generate refuses them until they are fixed.%n",
                    errors);
        }
        return 0;
    }

    static int failure(CommandSpec spec, GenerationException e) {
        PrintWriter err = spec.commandLine().getErr();
        e.problems().forEach(p -> err.println(p.format()));
        err.println("prov " + spec.name() + ": " + e.getMessage());
        return switch (e.reason()) {
            case INVALID_INPUT -> Prov.EXIT_INVALID_INPUT;
            case CANNOT_GENERATE -> Prov.EXIT_GENERATION_FAILED;
        };
    }
}

package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.SourceFormatter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov format}: the canonical layout, written or checked (for CI). */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = { "Rewrites .prov files in the canonical layout (each file atomically, only when it changes). Comments are kept.",
                "With --check, writes nothing: lists the files whose layout differs and exits 1 if there is one." })
final class FormatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
    List<Path> paths;

    @Option(names = "--check", description = "Only tell which files are not in the canonical layout; exit 1 if one is not.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceFormatter.Result result;
        try {
            result = SourceFormatter.standalone().format(paths, !check);
        } catch (GenerationException e) {
            return ExchangeCommands.failure(spec, e);
        }
        result.syntaxErrors().forEach(p -> err.println(p.format()));
        if (check) {
            result.changed().forEach(f -> out.println(f + ": not in the canonical layout (run prov format " + f + ")"));
            out.printf("%d file(s) checked: %d would change.%n", result.checked(), result.changed().size());
        } else {
            result.changed().forEach(f -> out.println("Formatted " + f));
            out.printf("%d file(s) checked: %d formatted.%n", result.checked(), result.changed().size());
        }
        if (!result.syntaxErrors().isEmpty()) {
            long files = result.syntaxErrors().stream().map(p -> p.file()).distinct().count();
            err.printf("prov format: %d file(s) with syntax errors were left as they are: fix the errors first.%n", files);
        }
        return result.syntaxErrors().isEmpty() && (!check || result.changed().isEmpty()) ? 0 : Prov.EXIT_INVALID_INPUT;
    }
}

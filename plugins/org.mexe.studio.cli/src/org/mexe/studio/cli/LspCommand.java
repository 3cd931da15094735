package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mexe.studio.dsl.ide.server.ProvLanguageServer;
import org.mexe.studio.dsl.ide.server.SaveAction;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prov lsp}: the language server on standard input and output, for any LSP editor (docs/editors.md). */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = { "Runs the .prov language server on standard input and output (LSP), for VS Code, Neovim, Emacs and other editors.",
                "Secrets are read from the environment and from files, as by the other commands, and never logged.",
                "Generation on save is off unless the client sets the initialization option {\"generateOnSave\": true}." })
final class LspCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write every LSP message to FILE (owner-only; it holds the"
            + " documents' text, which never holds secrets). For debugging an editor's set-up.")
    Path trace;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<PrintWriter> traceWriter = Optional.empty();
        if (trace != null) {
            traceWriter = Optional.of(new PrintWriter(Files.newBufferedWriter(ownerOnly(trace), StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), true));
        }
        SaveAction generate = (root, output) -> {
            var result = ProvisioningPipeline.standalone().generate(List.of(root), output, SecretResolver.fromProcessEnvironment());
            return "prov: wrote " + result.files().size() + " file(s) to " + result.outputDir();
        };
        try {
            ProvLanguageServer.runOnStdio(new ProvLanguageServer.Options(traceWriter, generate));
        } finally {
            traceWriter.ifPresent(PrintWriter::close);
        }
        return 0;
    }

    /** The trace file, created readable by its owner only before anything is written to it. */
    private static Path ownerOnly(Path file) throws IOException {
        if (Files.notExists(file)) {
            try {
                return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                return Files.createFile(file);
            }
        }
        return file;
    }
}

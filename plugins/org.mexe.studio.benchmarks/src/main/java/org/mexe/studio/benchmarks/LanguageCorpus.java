package org.mexe.studio.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;

/**
 * The scale corpus of tools/scale-corpus as the language benchmarks use it: its .prov files in the
 * order the CLI reads them, their line count, and the DEMO-ONLY PKI its certificates name, made
 * in {@code keys/} on first use (the script cannot make keys).
 */
public record LanguageCorpus(Path folder, List<Path> files, long lines) {

    /** The corpus in {@code folder}, written by tools/scale-corpus; makes its demo PKI when it has none. */
    public static LanguageCorpus at(String folder) {
        Path root = Path.of(folder).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No scale corpus in " + root + ": write one with tools/scale-corpus " + root
                    + " (tools/benchmark language does).");
        }
        try {
            Path keys = root.resolve("keys");
            if (!Files.exists(keys.resolve(DemoPki.KEYSTORE))) {
                DemoPki.create(keys);
            }
            List<Path> files = ProvisioningPipeline.expandInputs(List.of(root));
            long lines = 0;
            for (Path file : files) {
                try (Stream<String> stream = Files.lines(file)) {
                    lines += stream.count();
                }
            }
            return new LanguageCorpus(root, files, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scale corpus in " + root + ": " + e.getMessage(), e);
        } catch (KeystoreException | GenerationException e) {
            throw new IllegalStateException("Cannot prepare the scale corpus in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails when the corpus has errors: a benchmark of a corpus that does not validate measures
     * error recovery, not the language. Returns the warnings, which are allowed.
     */
    public static List<Problem> requireNoErrors(Path folder, List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The scale corpus in " + folder + " has " + errors.size()
                    + " error(s), so the benchmark would measure error recovery: fix tools/scale-corpus (or the rule). First ones:\n"
                    + errors.stream().limit(10).map(Problem::format).collect(Collectors.joining("\n")));
        }
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}

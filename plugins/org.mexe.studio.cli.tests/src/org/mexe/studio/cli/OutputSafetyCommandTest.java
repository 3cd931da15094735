package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.SecretResolver;

/**
 * The ways a user could lose files by naming the wrong output folder, typed as users type them,
 * on a copy of the bundled examples: each is refused with the folder, the file and the way out,
 * and the sources and the foreign files survive byte for byte.
 */
class OutputSafetyCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));

    @TempDir
    Path folder;

    private Path examples;
    private Map<String, byte[]> examplesBefore;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameTree(Map<String, byte[]> expected, Path root) throws IOException {
        Map<String, byte[]> actual = tree(root);
        assertEquals(expected.keySet(), actual.keySet(), root + " changed");
        expected.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, actual.get(file)), file + " changed"));
    }

    @BeforeEach
    void copyTheExamples() throws IOException {
        examples = folder.resolve("examples");
        for (String part : new String[] { "demo-operator", "demo-secrets" }) {
            try (Stream<Path> walk = Files.walk(EXAMPLES.resolve(part))) {
                for (Path source : walk.toList()) {
                    Path copy = examples.resolve(part).resolve(EXAMPLES.resolve(part).relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
        }
        examplesBefore = tree(examples);
    }

    @Test
    void generatingIntoTheFolderThatHoldsTheSourcesIsRefusedEvenWithForce() throws Exception {
        // what a new user typed: the examples' parent folder as output, which deleted examples/ before
        for (String[] options : new String[][] { {}, { "--force" } }) {
            Run run = prov(Stream.concat(Stream.of("generate", examples.resolve("demo-operator").toString(), "-o", examples.toString()),
                    Stream.of(options)).toArray(String[]::new));
            assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode(), run.out());
            assertTrue(run.err().contains("The output folder " + examples.toRealPath() + " holds demo-operator, an input of this run: it is"
                    + " never replaced, whatever the options. Nothing was written"), run.err());
            assertSameTree(examplesBefore, examples);
        }
        Run same = prov("generate", examples.resolve("demo-operator").toString(), "-o", examples.resolve("demo-operator").toString(),
                "--force");
        assertEquals(Prov.EXIT_GENERATION_FAILED, same.exitCode());
        assertTrue(same.err().contains("is an input of this run"), same.err());
        Run secrets = prov("generate", examples.resolve("demo-operator").toString(), "-o", examples.resolve("demo-secrets").toString(),
                "--force");
        assertEquals(Prov.EXIT_GENERATION_FAILED, secrets.exitCode());
        assertTrue(secrets.err().contains("DEMO-ONLY-userpin.txt, an input of this run"), secrets.err());
        assertSameTree(examplesBefore, examples);
    }

    @Test
    void aFolderOfTheUsersFilesIsRefusedUnlessForced() throws Exception {
        Path mydocs = Files.createDirectories(folder.resolve("mydocs"));
        Files.writeString(mydocs.resolve("letter.odt"), "mine");

        Run refused = prov("generate", examples.resolve("demo-operator").toString(), "-o", mydocs.toString());

        assertEquals(Prov.EXIT_GENERATION_FAILED, refused.exitCode());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("The output folder " + mydocs + " holds letter.odt, which this tool did not write (the folder"
                + " has no .prov-output). Every run replaces its output folder as a whole, so nothing was written."), refused.err());
        assertTrue(refused.err().contains("give --force to replace it"), refused.err());
        assertEquals("mine", Files.readString(mydocs.resolve("letter.odt")));

        Run forced = prov("generate", examples.resolve("demo-operator").toString(), "-o", mydocs.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertFalse(Files.exists(mydocs.resolve("letter.odt")), "--force replaces the folder as a whole");
        assertTrue(Files.isRegularFile(mydocs.resolve(".prov-output")));

        // its own output is replaced without --force
        Run again = prov("generate", examples.resolve("demo-operator").toString(), "-o", mydocs.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertSameTree(examplesBefore, examples);
    }

    @Test
    void theCurrentFolderIsNeverTheOutput() throws Exception {
        for (String output : new String[] { ".", "..", "./" }) {
            Run run = prov("generate", examples.resolve("demo-operator").toString(), "-o", output, "--force");
            assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode(), output);
            assertTrue(run.err().contains("never replaced"), run.err());
        }
        assertTrue(Files.isRegularFile(Path.of("META-INF/MANIFEST.MF")), "the current folder survives");
    }

    @Test
    void theDemoRefusesAnOutputThatHoldsItsPkiAndMakesNoPki() throws Exception {
        Path out = folder.resolve("out");
        Files.createDirectories(out.resolve("demo-pki"));
        Files.writeString(out.resolve("demo-pki/keep.txt"), "mine");

        Run run = prov("demo", "--examples", examples.toString(), "-o", out.toString(), "--pki", out.resolve("demo-pki").toString(),
                "--force");

        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        assertTrue(run.err().contains("holds demo-pki, an input of this run"), run.err());
        assertEquals("mine", Files.readString(out.resolve("demo-pki/keep.txt")));
        assertFalse(Files.exists(out.resolve("demo-pki/DEMO-ONLY-pki.p12")), "the refusal came before any work");
    }

    @Test
    void importNeverWritesOverTheUsersSources() throws Exception {
        Path xmi = folder.resolve("xmi");
        assertEquals(0, prov("export", "--xmi", xmi.toString(), examples.resolve("demo-operator").toString()).exitCode());

        Run refused = prov("import", xmi.toString(), "-o", examples.resolve("demo-operator").toString());

        assertEquals(Prov.EXIT_GENERATION_FAILED, refused.exitCode());
        assertTrue(refused.err().contains("which this tool did not write") && refused.err().contains("--force"), refused.err());
        Run intoItsInput = prov("import", xmi.toString(), "-o", xmi.toString(), "--force");
        assertEquals(Prov.EXIT_GENERATION_FAILED, intoItsInput.exitCode());
        assertTrue(intoItsInput.err().contains("is an input of this run"), intoItsInput.err());
        assertSameTree(examplesBefore, examples);
    }
}

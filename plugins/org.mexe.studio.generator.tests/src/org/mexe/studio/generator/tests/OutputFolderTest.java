package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ModelExchange;
import org.mexe.studio.generator.OutputFolder;
import org.mexe.studio.generator.ProvisioningPipeline;

/** Every way a run could lose files it did not write, and that it refuses each before writing anything. */
class OutputFolderTest {

    private static final OutputFolder.Permission OWN_ONLY = OutputFolder.Permission.ownOutputOnly("run again with --force");

    @TempDir
    Path folder;

    private Path source() throws IOException {
        Path file = folder.resolve("src/setup.prov");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, PipelineTest.SCENARIO);
    }

    private static GenerationException refused(Path input, Path output, OutputFolder.Permission permission) {
        return assertThrows(GenerationException.class, () -> ProvisioningPipeline.standalone().generate(List.of(input), output,
                PipelineTest.SECRETS, Optional.empty(), Optional.empty(), permission));
    }

    @Test
    void aFolderOfOtherFilesIsRefusedNamingTheFirstAndItSurvives() throws Exception {
        Path input = source();
        Path output = Files.createDirectories(folder.resolve("mydocs/notes"));
        Files.writeString(output.resolve("b-letter.txt"), "mine");
        Files.writeString(output.resolve("a-letter.txt"), "mine too");

        GenerationException e = refused(input, output, OWN_ONLY);

        assertTrue(e.getMessage().contains(output.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("a-letter.txt, which this tool did not write"), e.getMessage());
        assertTrue(e.getMessage().contains("run again with --force"), e.getMessage());
        assertEquals("mine", Files.readString(output.resolve("b-letter.txt")));
        assertEquals("mine too", Files.readString(output.resolve("a-letter.txt")));
        assertFalse(Files.exists(output.resolve(OutputFolder.MARKER)));
    }

    @Test
    void itsOwnOutputIsReplacedButNotAFileSomeoneAddedToIt() throws Exception {
        Path input = source();
        Path output = folder.resolve("out");
        ProvisioningPipeline.standalone().generate(List.of(input), output, PipelineTest.SECRETS);
        String marker = Files.readString(output.resolve(OutputFolder.MARKER));
        assertTrue(marker.contains("test.operator.Setup/01-deliver-Home/push.wsp\n"), marker);
        assertTrue(OutputFolder.isOwnOutput(output));

        // a second run replaces what the first wrote
        ProvisioningPipeline.standalone().generate(List.of(input), output, PipelineTest.SECRETS);

        Files.writeString(output.resolve("test.operator.Setup/review-notes.txt"), "mine");
        assertFalse(OutputFolder.isOwnOutput(output));
        GenerationException e = refused(input, output, OWN_ONLY);
        assertTrue(e.getMessage().contains("test.operator.Setup/review-notes.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("not listed in " + OutputFolder.MARKER), e.getMessage());
        assertEquals("mine", Files.readString(output.resolve("test.operator.Setup/review-notes.txt")));
    }

    @Test
    void anEmptyFolderIsUsedAndAForeignOneOnlyWhenTheUserSaysSo() throws Exception {
        Path input = source();
        Path empty = Files.createDirectories(folder.resolve("empty/with-an-empty-subfolder"));
        ProvisioningPipeline.standalone().generate(List.of(input), empty, PipelineTest.SECRETS);
        assertTrue(Files.exists(empty.resolve("test.operator.Setup/01-deliver-Home/push.wsp")));

        Path foreign = Files.createDirectories(folder.resolve("old-output"));
        Files.writeString(foreign.resolve("stale.txt"), "stale");
        ProvisioningPipeline.standalone().generate(List.of(input), foreign, PipelineTest.SECRETS, Optional.empty(), Optional.empty(),
                OutputFolder.Permission.alsoForeign());
        assertFalse(Files.exists(foreign.resolve("stale.txt")));
        assertTrue(OutputFolder.isOwnOutput(foreign));
    }

    @Test
    void theFolderOfTheInputsOrAParentOfThemIsNeverReplacedWhateverTheOptions() throws Exception {
        Path input = source();
        for (Path output : List.of(folder.resolve("src"), folder, folder.resolve("src/../src"))) {
            GenerationException e = refused(input, output, OutputFolder.Permission.alsoForeign());
            assertTrue(e.getMessage().contains("never replaced"), e.getMessage());
            assertTrue(e.getMessage().contains("input"), e.getMessage());
            assertEquals(PipelineTest.SCENARIO, Files.readString(input), "the source survives");
        }
        // a folder named as input, given as output too
        GenerationException e = assertThrows(GenerationException.class, () -> ProvisioningPipeline.standalone()
                .generate(List.of(folder.resolve("src")), folder.resolve("src"), PipelineTest.SECRETS));
        assertTrue(e.getMessage().contains("is an input of this run"), e.getMessage());
    }

    @Test
    void aSymbolicLinkCannotHideThatTheOutputHoldsTheInputs() throws Exception {
        Path input = source();
        Path link = Files.createSymbolicLink(folder.resolve("link-to-src"), folder.resolve("src"));
        GenerationException e = refused(link.resolve("setup.prov"), folder, OutputFolder.Permission.alsoForeign());
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        e = refused(input, link, OutputFolder.Permission.alsoForeign());
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        assertTrue(Files.exists(input));
    }

    @Test
    void aSecretFileTheSourcesNameIsAnInputToo() throws Exception {
        Path secrets = Files.createDirectories(folder.resolve("secrets"));
        Files.writeString(secrets.resolve("pin.txt"), PipelineTest.TEST_PIN + "\n");
        Path input = folder.resolve("src/setup.prov");
        Files.createDirectories(input.getParent());
        Files.writeString(input, PipelineTest.SCENARIO.replace("pin env \"TEST_USERPIN\"", "pin file \"../secrets/pin.txt\""));

        GenerationException e = refused(input, secrets, OutputFolder.Permission.alsoForeign());

        assertTrue(e.getMessage().contains("pin.txt, an input of this run"), e.getMessage());
        assertEquals(PipelineTest.TEST_PIN + "\n", Files.readString(secrets.resolve("pin.txt")));
    }

    @Test
    void theCurrentFolderItsParentsTheHomeFolderAndTheRootAreNeverReplaced() throws Exception {
        Path input = source();
        Path current = Path.of("").toAbsolutePath();
        List<Path> outputs = Stream.of(current, current.getParent(), Path.of(System.getProperty("user.home")), current.getRoot())
                .toList();
        for (Path output : outputs) {
            GenerationException e = refused(input, output, OutputFolder.Permission.alsoForeign());
            assertTrue(e.getMessage().contains("never replaced"), output + ": " + e.getMessage());
        }
        assertTrue(Files.exists(current.resolve("META-INF/MANIFEST.MF")), "the test bundle's own folder survives");
    }

    @Test
    void aFileIsNoOutputFolder() throws Exception {
        Path input = source();
        Path file = Files.writeString(folder.resolve("out.txt"), "mine");
        GenerationException e = refused(input, file, OutputFolder.Permission.alsoForeign());
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void theOutputIsOwnerOnlyForItCarriesPasswords() throws Exception {
        Path input = source();
        Path output = folder.resolve("out");
        ProvisioningPipeline.standalone().generate(List.of(input), output, PipelineTest.SECRETS);
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path path : walk.toList()) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
            }
        }
    }

    @Test
    void importAndExportFollowTheSameRule() throws Exception {
        Path input = source();
        Path xmi = folder.resolve("xmi");
        ModelExchange.standalone().exportXmi(List.of(input), xmi);
        ModelExchange.standalone().exportXmi(List.of(input), xmi);

        // importing over the sources it came from: a folder of .prov files, but not one this tool wrote
        GenerationException e = assertThrows(GenerationException.class, () -> ModelExchange.standalone().importXmi(List.of(xmi), folder.resolve("src")));
        assertTrue(e.getMessage().contains("setup.prov, which this tool did not write"), e.getMessage());
        assertEquals(PipelineTest.SCENARIO, Files.readString(input));

        // importing into the folder of the XMI it reads
        e = assertThrows(GenerationException.class,
                () -> ModelExchange.standalone().importXmi(List.of(xmi), xmi, OutputFolder.Permission.alsoForeign()));
        assertTrue(e.getMessage().contains("input"), e.getMessage());
    }

    @Test
    void theMarkerIsNoArtefact() {
        assertThrows(IllegalArgumentException.class, () -> new AtomicOutput().add(OutputFolder.MARKER, new byte[0]));
    }
}

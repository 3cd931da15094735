package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;

class AtomicOutputTest {

    @TempDir
    Path folder;

    private static AtomicOutput outputOf(String... pathsAndContents) {
        AtomicOutput output = new AtomicOutput();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            output.add(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return output;
    }

    /** The only way out of the package to write a folder: through OutputFolder's rule. */
    private static void commit(AtomicOutput output, Path out) throws GenerationException {
        OutputFolder.claim(out, List.of(), OutputFolder.Permission.ownOutputOnly("")).replaceWith(output);
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeOutputFolder() throws Exception {
        Path out = folder.resolve("out");
        commit(outputOf("a/old.txt", "old", "kept-only-if-regenerated.txt", "x"), out);
        commit(outputOf("a/new.txt", "new"), out);
        assertFalse(Files.exists(out.resolve("a/old.txt")));
        assertFalse(Files.exists(out.resolve("kept-only-if-regenerated.txt")));
        assertEquals("new", Files.readString(out.resolve("a/new.txt")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputIntact() throws Exception {
        Path out = folder.resolve("out");
        commit(outputOf("doc.xml", "previous"), out);
        // A file and a folder of the same name cannot both be written: the commit fails midway.
        AtomicOutput clashing = outputOf("x", "file", "x/y", "file inside a file");
        assertThrows(GenerationException.class, () -> commit(clashing, out));
        assertEquals("previous", Files.readString(out.resolve("doc.xml")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void recoversThePreviousOutputLeftByARunKilledBetweenItsRenames() throws Exception {
        Path out = folder.resolve("out");
        commit(outputOf("doc.xml", "previous"), out);
        // What a run killed after retiring the old output and before renaming the new one leaves.
        Files.move(out, folder.resolve(".out.retired-1"));
        Files.createDirectories(folder.resolve(".out.staging-2/half"));
        Files.writeString(folder.resolve(".out.staging-2/half/doc.xml"), "half");
        assertThrows(GenerationException.class, () -> commit(outputOf("x", "file", "x/y", "clash"), out));
        assertEquals("previous", Files.readString(out.resolve("doc.xml")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void rejectsPathsThatLeaveTheOutputFolderAndDuplicates() {
        AtomicOutput output = new AtomicOutput();
        assertThrows(IllegalArgumentException.class, () -> output.add("../escape", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> output.add("/absolute", new byte[0]));
        output.add("same", new byte[0]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> output.add("same", new byte[0]))
                .getMessage().contains("same"));
    }
}

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

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeOutputFolder() throws IOException {
        Path out = folder.resolve("out");
        outputOf("a/old.txt", "old", "kept-only-if-regenerated.txt", "x").commit(out);
        outputOf("a/new.txt", "new").commit(out);
        assertFalse(Files.exists(out.resolve("a/old.txt")));
        assertFalse(Files.exists(out.resolve("kept-only-if-regenerated.txt")));
        assertEquals("new", Files.readString(out.resolve("a/new.txt")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputIntact() throws IOException {
        Path out = folder.resolve("out");
        outputOf("doc.xml", "previous").commit(out);
        // A file and a folder of the same name cannot both be written: the commit fails midway.
        AtomicOutput clashing = outputOf("x", "file", "x/y", "file inside a file");
        assertThrows(IOException.class, () -> clashing.commit(out));
        assertEquals("previous", Files.readString(out.resolve("doc.xml")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void recoversThePreviousOutputLeftByARunKilledBetweenItsRenames() throws IOException {
        Path out = folder.resolve("out");
        outputOf("doc.xml", "previous").commit(out);
        // What a run killed after retiring the old output and before renaming the new one leaves.
        Files.move(out, folder.resolve(".out.retired-1"));
        Files.createDirectories(folder.resolve(".out.staging-2/half"));
        Files.writeString(folder.resolve(".out.staging-2/half/doc.xml"), "half");
        assertThrows(IOException.class, () -> outputOf("x", "file", "x/y", "clash").commit(out));
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

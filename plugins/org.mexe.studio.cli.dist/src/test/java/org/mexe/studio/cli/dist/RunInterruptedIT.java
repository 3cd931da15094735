package org.mexe.studio.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prov run interrupted (Ctrl-C, a SIGINT) while the bootstrap runs in MicroEmulator: prov exits,
 * the emulator process goes with it, and the run's temporary folder is removed. The moment is when
 * the emulator's process exists, never a time.
 */
class RunInterruptedIT {

    private static final Path BRIEF = Path.of(System.getProperty("prov.examples", "../../examples")).resolve("brief");
    /** Bounds, not measurements. */
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    void anInterruptedRunLeavesNoProcessAndNoFolderBehind() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        // The run's folder and the emulator's files go under tmp/, where the test can see them.
        Process prov = ProvProcess.start(work, out, err, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "run", BRIEF.toString(), "--scenario", "NewSubscriber");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.readString(out).contains(" 5 download  ok")) {
            if (!prov.isAlive() || System.nanoTime() > deadline) {
                fail("prov run never reached the download: exit " + (prov.isAlive() ? "-" : prov.exitValue()) + "\n"
                        + Files.readString(out) + Files.readString(err));
            }
            Thread.sleep(50);
        }
        List<ProcessHandle> children = List.of();
        while (children.isEmpty()) {
            children = prov.descendants().filter(p -> p.info().commandLine().orElse("").contains("ScriptedUser")).toList();
            if (!prov.isAlive() || System.nanoTime() > deadline) {
                fail("the emulator never started: " + Files.readString(out) + Files.readString(err));
            }
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(prov.pid())).start().waitFor();
        assertTrue(prov.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "prov did not stop after SIGINT");
        for (ProcessHandle child : children) {
            child.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "a process of the run outlived prov: " + child.info());
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("prov-run-")).toList(),
                    "the run's temporary folder stayed");
        }
    }
}

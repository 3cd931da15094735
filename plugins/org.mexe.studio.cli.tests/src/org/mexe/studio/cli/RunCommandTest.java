package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.cli.ProvRun.prov;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.testing.PeerTools;

/** {@code prov run}'s command line; the run itself is tested in org.mexe.studio.run.tests. */
class RunCommandTest {

    private static final Path BRIEF = Path.of(System.getProperty("prov.examples", "../../examples")).resolve("brief");

    @TempDir
    Path folder;

    @Test
    void aScenarioThatSucceedsPrintsItsTimelineAndWritesItsTrace() throws Exception {
        Path trace = folder.resolve("trace.jsonl");
        ProvRun run = prov("run", BRIEF.toString(), "--scenario", "LegacyHandset", "--trace", trace.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("fjord.scenarios.LegacyHandset on KestrelK1\n"), run.out());
        assertTrue(run.out().matches("(?s).*\\s+2 deliver\\s+ok\\s+settings received and saved.*"), run.out());
        assertTrue(run.out().endsWith("Every stage succeeded.\n"), run.out());
        String outcomes = PeerTools.jq(Files.readString(trace), ".outcome");
        assertEquals("\"ok\"\n\"ok\"\n\"skipped\"\n\"ok\"\n\"skipped\"\n", outcomes);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "the trace is written through a temporary file that does not stay");
        }
    }

    @Test
    void aFailedStageExitsFourAndTheTypedPinIsNotShown() {
        ProvRun run = prov("run", BRIEF.toString(), "--scenario", "fjord.scenarios.NewSubscriber", "--user-pin", "9876");
        assertEquals(RunCommand.EXIT_STAGE_FAILED, run.exitCode(), run.out());
        assertTrue(run.out().contains("the MAC does not verify with the PIN the user typed"), run.out());
        assertTrue(run.out().contains("stage(s) failed: see the lines marked 'failed' above."), run.out());
        assertFalse(run.out().contains("9876") || run.err().contains("9876"), "the PIN reached the console");
    }

    @Test
    void anUnknownFaultOrScenarioIsNamedWithWhatThereIs() {
        ProvRun fault = prov("run", BRIEF.toString(), "--fault", "meteor");
        assertEquals(Prov.EXIT_USAGE, fault.exitCode());
        assertTrue(fault.err().contains("--fault meteor is not a fault; there are: lose-segment, duplicate-segment, untrusted-signer,"
                + " server-down."), fault.err());
        ProvRun scenario = prov("run", BRIEF.toString(), "--scenario", "Nope");
        assertEquals(Prov.EXIT_GENERATION_FAILED, scenario.exitCode());
        assertTrue(scenario.err().contains("No scenario Nope in the input; there are: fjord.scenarios.LegacyHandset,"), scenario.err());
    }

    @Test
    void aRunFileThatIsNotLabelEqualsValueIsNamedByItsLine() throws Exception {
        Path answers = Files.writeString(folder.resolve("answers.txt"), "# the user's answers\nChoose=Fjord Unlimited\n4111111111111111\n");
        ProvRun run = prov("run", BRIEF.toString(), "--answers", answers.toString());
        assertEquals(Prov.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("answers.txt:3: not LABEL=VALUE"), run.err());
        assertFalse(run.err().contains("4111111111111111"), "an answer reached the console");
    }
}

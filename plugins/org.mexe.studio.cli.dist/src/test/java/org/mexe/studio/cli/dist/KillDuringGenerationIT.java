package org.mexe.studio.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code prov generate} at random moments of a large generation (thousands of
 * subscribers, one folder each): afterwards the output folder is the old output or the new one,
 * byte for byte, never a mix. Only the instant between the two renames of the commit may leave
 * no folder, with the old one under its retired name, which the next run puts back. One kill
 * lands anywhere in the run; the others while the run commits (from the moment its staging
 * folder appears), where a careless writer would leave a mix.
 */
class KillDuringGenerationIT {

    private static final int SUBSCRIBERS = 1_000;
    private static final int KILLS = 4;

    @TempDir
    Path work;

    private static String scenario(String apn) {
        return """
                namespace kill.test

                parameters Home {
                	gprs {
                		apn "%s"
                	}
                }

                subscribers LaunchList {
                	file "subscribers.csv"
                	columns msisdn, imsi
                }

                scenario Launch {
                	subscribers LaunchList
                	deliver Home {
                		format oma-cp
                		security netwpin
                		to subscribers
                	}
                }
                """.formatted(apn);
    }

    private Path source(String name, String apn) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        StringBuilder csv = new StringBuilder("msisdn,imsi\n");
        for (int i = 0; i < SUBSCRIBERS; i++) {
            csv.append("+4477009%05d,00101%010d%n".formatted(i, i));
        }
        Files.writeString(folder.resolve("subscribers.csv"), csv);
        Files.writeString(folder.resolve("launch.prov"), scenario(apn));
        return folder;
    }

    @Test
    void aKilledGenerationLeavesTheOldOutputOrTheNewOne() throws Exception {
        Path oldSource = source("old-src", "internet.old.example");
        Path newSource = source("new-src", "internet.new.example");
        Path out = work.resolve("out");
        ProvProcess.Finished first = ProvProcess.run(work, Map.of(), "generate", oldSource.toString(), "-o", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> oldTree = ProvProcess.tree(out);
        assertTrue(oldTree.size() > 4 * SUBSCRIBERS, "one folder of four artefacts per subscriber");

        // The new output, complete, and how long its commit (staging folder to exit) lasts: the moments that matter.
        Path reference = work.resolve("reference");
        long started = System.nanoTime();
        Process full = start(newSource, reference);
        long commitStarted = awaitStaging("reference", full);
        assertEquals(0, full.waitFor(), "the reference run failed");
        long ended = System.nanoTime();
        long runMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(ended - started));
        long commitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(ended - commitStarted));
        Map<String, byte[]> newTree = ProvProcess.tree(reference);
        assertTrue(!ProvProcess.sameTree(oldTree, newTree), "the two inputs must give different outputs");

        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> outcomes = new ArrayList<>();
        int killedInCommit = 0;
        for (int i = 0; i < KILLS; i++) {
            Process run = start(newSource, out);
            String when;
            boolean finished;
            if (i == 0) {
                // once at any moment of the run, start-up and generation included
                long delay = random.nextLong(runMillis);
                finished = run.waitFor(delay, TimeUnit.MILLISECONDS);
                when = delay + " ms after start";
            } else {
                // the others while it writes the staging folder, renames, or deletes the old output
                awaitStaging("out", run);
                long delay = random.nextLong(commitMillis);
                finished = run.waitFor(delay, TimeUnit.MILLISECONDS);
                when = delay + " ms into the commit";
                killedInCommit += finished ? 0 : 1;
            }
            if (!finished) {
                run.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no finally block runs
                run.waitFor();
            }
            String outcome = outcome(out, oldTree, newTree);
            outcomes.add((finished ? "finished before " : "killed ") + when + ": " + outcome);
            if (outcome.startsWith("MIXED")) {
                fail("seed " + seed + ", run " + i + ": " + outcomes);
            }
            if (!outcome.equals("old")) {
                restoreOld(out, oldTree);
            }
        }
        assertTrue(killedInCommit >= 1, "no run was killed during its commit (seed " + seed + "): " + outcomes);
        try (Stream<Path> siblings = Files.list(work)) {
            // what the next run clears (AtomicOutputTest shows it does): a staging folder, or the old output retired
            List<String> strays = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".out.") && !n.startsWith(".out.staging-") && !n.startsWith(".out.retired-")).toList();
            assertEquals(List.of(), strays, "seed " + seed);
        }
        System.out.println("kill -9 outcomes (seed " + seed + ", run " + runMillis + " ms, commit " + commitMillis + " ms): " + outcomes);
    }

    private Process start(Path source, Path output) throws IOException {
        return ProvProcess.start(work, work.resolve(output.getFileName() + "-stdout.txt"), work.resolve(output.getFileName() + "-stderr.txt"),
                Map.of(), "generate", source.toString(), "-o", output.toString());
    }

    /** Waits until the run has begun writing its staging folder (or has ended); returns when, in nanoTime. */
    private long awaitStaging(String outputName, Process run) throws IOException, InterruptedException {
        while (run.isAlive()) {
            try (Stream<Path> siblings = Files.list(work)) {
                if (siblings.anyMatch(p -> p.getFileName().toString().startsWith("." + outputName + ".staging-"))) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    /** "old", "new", "old, retired" (killed between the renames) or "MIXED …" with what differs. */
    private String outcome(Path out, Map<String, byte[]> oldTree, Map<String, byte[]> newTree) throws IOException {
        if (Files.isDirectory(out)) {
            Map<String, byte[]> now = ProvProcess.tree(out);
            if (ProvProcess.sameTree(oldTree, now)) {
                return "old";
            }
            if (ProvProcess.sameTree(newTree, now)) {
                return "new";
            }
            return "MIXED: " + now.size() + " files, old has " + oldTree.size() + ", new has " + newTree.size();
        }
        try (Stream<Path> siblings = Files.list(work)) {
            List<Path> retired = siblings.filter(p -> p.getFileName().toString().startsWith(".out.retired-")).toList();
            if (retired.size() == 1 && ProvProcess.sameTree(oldTree, ProvProcess.tree(retired.get(0)))) {
                return "old, retired";
            }
        }
        return "MIXED: no output folder and no whole retired one";
    }

    /** Puts the old output back (its marker with it), so that the next kill again starts from old. */
    private void restoreOld(Path out, Map<String, byte[]> oldTree) throws IOException {
        try (Stream<Path> siblings = Files.list(work)) {
            for (Path leftover : siblings.filter(p -> p.getFileName().toString().startsWith(".out.")).toList()) {
                deleteTree(leftover);
            }
        }
        deleteTree(out);
        for (var file : oldTree.entrySet()) {
            Path path = out.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

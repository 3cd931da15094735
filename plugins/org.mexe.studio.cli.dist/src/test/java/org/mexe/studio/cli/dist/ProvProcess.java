package org.mexe.studio.cli.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The {@code prov} command as users run it: the distribution's classpath in a JVM of its own. */
final class ProvProcess {

    static final Path LIB = Path.of(System.getProperty("prov.lib", "target/lib"));

    private ProvProcess() {
    }

    /** What a finished run printed. */
    record Finished(int exitCode, String out, String err) {
    }

    /** Starts {@code prov args} in {@code workDir}; standard output and error go to files beside it. */
    static Process start(Path workDir, Path outFile, Path errFile, Map<String, String> environment, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        if (Runtime.version().feature() >= 24) {
            // Guava under Xtext still uses sun.misc.Unsafe, as the ./prov launcher says too
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", LIB.toAbsolutePath() + "/*", "org.mexe.studio.cli.Prov"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code prov args} to its end. */
    static Finished run(Path workDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "prov-out", ".txt");
        Path err = Files.createTempFile(workDir, "prov-err", ".txt");
        try {
            Process process = start(workDir, out, err, environment, args);
            int exitCode = process.waitFor();
            return new Finished(exitCode, Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** Every regular file under {@code root} with its bytes, by '/'-separated relative path. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** Whether two trees hold the same paths with the same bytes. */
    static boolean sameTree(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}

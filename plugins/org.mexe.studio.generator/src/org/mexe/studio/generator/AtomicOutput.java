package org.mexe.studio.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects a whole set of artefacts in memory and then replaces the output folder in one step:
 * everything is written into a fresh sibling folder, which is renamed over the old output only
 * when complete. A failed or killed run therefore leaves the previous output as it was.
 */
public final class AtomicOutput {

    private static final String STAGING_PREFIX = ".staging-";
    private static final String RETIRED_PREFIX = ".retired-";

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    /** Adds a file at a relative, '/'-separated path. */
    public void add(String relativePath, byte[] content) {
        if (relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("Artefact paths are relative and stay inside the output folder: " + relativePath);
        }
        if (files.putIfAbsent(relativePath, content.clone()) != null) {
            throw new IllegalArgumentException("Two artefacts would be written to " + relativePath);
        }
    }

    public SortedMap<String, byte[]> files() {
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    /** Writes one file so that it holds either its old content or all of the new, never a part. */
    public static void writeFile(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName() + STAGING_PREFIX, "");
        try {
            Files.write(staging, content);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Writes all files so that {@code outputDir} holds exactly them, or is left untouched on failure. */
    public void commit(Path outputDir) throws IOException {
        Path target = outputDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        recoverFromKilledRun(parent, target, name);
        Path staging = Files.createTempDirectory(parent, "." + name + STAGING_PREFIX);
        Path retired = null;
        try {
            for (var file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            if (Files.exists(target)) {
                retired = parent.resolve("." + name + RETIRED_PREFIX + Long.toHexString(System.nanoTime()));
                Files.move(target, retired, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (retired != null && !Files.exists(target)) {
                Files.move(retired, target, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging);
            throw e;
        }
        if (retired != null) {
            deleteTree(retired);
        }
    }

    /**
     * A killed run can leave a staging folder (never output: deleted) or, if it died between
     * its two renames, the previous output under a retired name (put back when no output exists).
     */
    private static void recoverFromKilledRun(Path parent, Path target, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith("." + name + ".") )) {
            for (Path leftover : leftovers) {
                String leftoverName = leftover.getFileName().toString();
                if (leftoverName.startsWith("." + name + RETIRED_PREFIX) && !Files.exists(target)) {
                    Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
                } else if (leftoverName.startsWith("." + name + STAGING_PREFIX)
                        || leftoverName.startsWith("." + name + RETIRED_PREFIX)) {
                    deleteTree(leftover);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package org.mexe.studio.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Collects a whole set of artefacts in memory and then replaces the output folder in one step:
 * everything is written into a fresh sibling folder, which is renamed over the old output only
 * when complete. A failed or killed run therefore leaves the previous output as it was.
 * Whether a folder may be replaced at all is {@link OutputFolder}'s to say: commit through it.
 *
 * <p>Payloads carry access and mail passwords, so everything is written owner-only where the file
 * system has POSIX permissions: folders rwx------, files rw-------.
 */
public final class AtomicOutput {

    private static final String STAGING_PREFIX = ".staging-";
    private static final String RETIRED_PREFIX = ".retired-";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final Set<String> ownerOnly = new TreeSet<>();

    /** Adds a file at a relative, '/'-separated path. */
    public void add(String relativePath, byte[] content) {
        if (relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("Artefact paths are relative and stay inside the output folder: " + relativePath);
        }
        if (relativePath.equals(OutputFolder.MARKER)) {
            throw new IllegalArgumentException(OutputFolder.MARKER + " is the output folder's marker, not an artefact");
        }
        if (files.putIfAbsent(relativePath, content.clone()) != null) {
            throw new IllegalArgumentException("Two artefacts would be written to " + relativePath);
        }
    }

    /**
     * Adds a file that is for the operator, not the handset, such as generated PINs (owner-only
     * like every file here). It is no artefact: {@link #artefacts()} leaves it out, so the signed
     * manifest holds no digest of it (a digest of a short PIN list can be searched exhaustively).
     */
    public void addOwnerOnly(String relativePath, byte[] content) {
        add(relativePath, content);
        ownerOnly.add(relativePath);
    }

    /** Takes a file out of the output, to be written elsewhere; empty when there is none. */
    public Optional<byte[]> take(String relativePath) {
        ownerOnly.remove(relativePath);
        return Optional.ofNullable(files.remove(relativePath));
    }

    /** Every file, artefacts and owner-only files. */
    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** The files that are artefacts, without the owner-only ones. */
    public SortedMap<String, byte[]> artefacts() {
        SortedMap<String, byte[]> artefacts = new TreeMap<>(files);
        artefacts.keySet().removeAll(ownerOnly);
        return Collections.unmodifiableSortedMap(artefacts);
    }

    /**
     * Writes one file so that it holds either its old content or all of the new, never a part.
     * The file is rw------- where POSIX permissions exist (a temporary file is created so), which
     * is what a file of secrets needs.
     */
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

    /**
     * Writes all files and the {@link OutputFolder#MARKER} that lists them so that {@code outputDir}
     * holds exactly them, or is left untouched on failure. Package-private: writers outside this
     * package go through {@link OutputFolder#replaceWith}, which asks whether the folder may go.
     */
    void commit(Path outputDir) throws IOException {
        Path target = outputDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        recoverFromKilledRun(parent, target, name);
        Path staging = Files.createTempDirectory(parent, "." + name + STAGING_PREFIX);
        Path retired = null;
        try {
            boolean posix = Files.getFileStore(staging).supportsFileAttributeView(PosixFileAttributeView.class);
            for (var file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                createFolders(staging, path.getParent(), posix);
                writeOwnerOnly(path, file.getValue(), posix);
            }
            writeOwnerOnly(staging.resolve(OutputFolder.MARKER), OutputFolder.marker(files.keySet()), posix);
            if (posix) {
                // createTempDirectory makes it rwx------ already; say so rather than rely on it
                Files.setPosixFilePermissions(staging, OWNER_ONLY_FOLDER);
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

    /** Creates the file as rw------- before any content is in it, where POSIX permissions exist. */
    private static void writeOwnerOnly(Path path, byte[] content, boolean posix) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (SeekableByteChannel channel = posix
                ? Files.newByteChannel(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.newByteChannel(path, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Creates the folders between {@code root} and {@code folder} as rwx------ where POSIX permissions exist. */
    private static void createFolders(Path root, Path folder, boolean posix) throws IOException {
        if (folder.equals(root) || Files.isDirectory(folder)) {
            return;
        }
        createFolders(root, folder.getParent(), posix);
        if (posix) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } else {
            Files.createDirectory(folder);
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

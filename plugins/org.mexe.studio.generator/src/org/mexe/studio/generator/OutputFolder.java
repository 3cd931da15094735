package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;

/**
 * The one answer to "may this run replace that folder?" for every command that writes an output
 * folder (generate, demo, export, import; CLI, Maven and IDE alike). Writing replaces the folder
 * as a whole, so a folder is replaced only when it is missing, empty, or holds nothing but what
 * this tool wrote into it the last time: the marker file {@value #MARKER} lists those files.
 * Anything else is refused before any work starts, naming the first foreign file. A folder that
 * holds an input, the current folder, a parent of it, the home folder or the root is never
 * replaced, whatever the caller allows.
 */
public final class OutputFolder {

    /** Written into every output folder; lists the files of that run. Not an artefact: in no manifest. */
    public static final String MARKER = ".prov-output";

    private static final String MARKER_HEADER = """
            # Written by MExE Provisioning Studio. The next run replaces this folder as a whole, and
            # refuses to when it holds a file that is not listed here. The files of the last run:
            """;

    /**
     * What the caller allows besides a folder of its own: {@code replacesForeign}: replace a folder of
     * other files as well (the user asked for it, e.g. {@code --force}); {@code wayOut} tells the
     * user how to ask, in the words of the front door.
     */
    public record Permission(boolean replacesForeign, String wayOut) {

        /** Only a missing or empty folder, or one this tool wrote. */
        public static Permission ownOutputOnly(String wayOut) {
            return new Permission(false, wayOut);
        }

        /** Also a folder of other files, which are then lost: only when the user said so. */
        public static Permission alsoForeign() {
            return new Permission(true, "");
        }
    }

    private final Path folder;
    private final Set<Path> inputs;
    private final Permission permission;

    private OutputFolder(Path folder, Set<Path> inputs, Permission permission) {
        this.folder = folder;
        this.inputs = inputs;
        this.permission = permission;
    }

    /**
     * Checks that {@code outputDir} may be replaced by a run that reads {@code inputs} (files or
     * folders), and returns the folder to {@link #replaceWith} once the run has its files.
     */
    public static OutputFolder claim(Path outputDir, Collection<Path> inputs, Permission permission) throws GenerationException {
        Set<Path> realInputs = new TreeSet<>();
        for (Path input : inputs) {
            realInputs.add(real(input));
        }
        OutputFolder output = new OutputFolder(outputDir.toAbsolutePath().normalize(), realInputs, permission);
        output.check();
        return output;
    }

    /**
     * What a loaded run reads: its .prov files and the secret files they name (a PIN file beside
     * the sources must not vanish with a mistyped output folder).
     */
    public static List<Path> inputsOf(ProvisioningPipeline.LoadedInputs loaded) {
        List<Path> inputs = new ArrayList<>(loaded.resources().keySet());
        for (var resource : loaded.resources().values()) {
            for (EObject element : (Iterable<EObject>) resource::getAllContents) {
                if (element instanceof SecretRef ref && ref.getSource() == SecretSource.FILE && ref.getLocation() != null) {
                    inputs.add(Locations.file(ref).getParent().resolve(ref.getLocation()).normalize());
                }
            }
        }
        return inputs;
    }

    /** The folder, absolute. */
    public Path path() {
        return folder;
    }

    /**
     * Checks again (a file may have arrived while the run worked) and replaces the folder with
     * {@code files} and the marker that lists them, atomically: a failed or killed run leaves the
     * previous folder.
     */
    public void replaceWith(AtomicOutput files) throws GenerationException {
        check();
        try {
            files.commit(folder);
        } catch (IOException e) {
            throw new GenerationException("Cannot write to " + folder + ": " + e.getMessage()
                    + ". The previous content, if any, is unchanged.", e);
        }
    }

    /** Whether {@code folder} is an output folder this tool wrote and nothing else has touched. */
    public static boolean isOwnOutput(Path folder) {
        try {
            return Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) && firstForeignFile(folder).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The marker's content: the files of a run, in the order AtomicOutput keeps them. */
    static byte[] marker(Collection<String> files) {
        StringBuilder text = new StringBuilder(MARKER_HEADER);
        files.forEach(file -> text.append(file).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void check() throws GenerationException {
        Path real = real(folder);
        refuseProtected(real);
        for (Path input : inputs) {
            if (input.startsWith(real)) {
                throw refused(real.equals(input) ? "is an input of this run" : "holds " + real.relativize(input)
                        + ", an input of this run", "give an output folder outside the inputs.");
            }
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new GenerationException(folder + " is " + (Files.isSymbolicLink(folder) ? "a symbolic link" : "a file")
                    + ", not an output folder: give a folder. Nothing was written.", null);
        }
        if (permission.replacesForeign()) {
            return;
        }
        Optional<String> foreign;
        try {
            foreign = firstForeignFile(folder);
        } catch (IOException e) {
            throw new GenerationException("Cannot read the output folder " + folder + ": " + e.getMessage() + ". Nothing was written.", e);
        }
        if (foreign.isPresent()) {
            boolean marked = Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
            throw new GenerationException("The output folder " + folder + " holds " + foreign.get() + ", which this tool did not write"
                    + (marked ? " there (it is not listed in " + MARKER + ")" : " (the folder has no " + MARKER + ")")
                    + ". Every run replaces its output folder as a whole, so nothing was written. Give a new or empty folder, move "
                    + foreign.get() + " away" + (permission.wayOut().isEmpty() ? "" : ", or " + permission.wayOut()) + ".", null);
        }
    }

    /** The root, the home folder, the current folder and their parents hold far more than output. */
    private static void refuseProtected(Path real) throws GenerationException {
        if (real.getParent() == null) {
            throw refused(real, "is the root of the file system", "give a folder of its own for the output.");
        }
        Path home = real(Path.of(System.getProperty("user.home")));
        if (home.startsWith(real)) {
            throw refused(real, home.equals(real) ? "is your home folder" : "holds your home folder", "give a folder of its own for the output.");
        }
        Path current = real(Path.of(""));
        if (current.startsWith(real)) {
            throw refused(real, current.equals(real) ? "is the current folder" : "holds the current folder",
                    "give a folder of its own for the output, such as out/.");
        }
    }

    private GenerationException refused(String why, String wayOut) {
        return refused(folder, why, wayOut);
    }

    private static GenerationException refused(Path folder, String why, String wayOut) {
        return new GenerationException("The output folder " + folder + " " + why + ": it is never replaced, whatever the options. "
                + "Nothing was written; " + wayOut, null);
    }

    /**
     * The first file, in path order, that the marker does not list ('/'-separated, relative);
     * empty folders are no content. Without a marker every file is foreign.
     */
    private static Optional<String> firstForeignFile(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        Set<String> written = new TreeSet<>();
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            Files.readAllLines(marker, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(written::add);
            written.add(MARKER);
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .forEach(files::add);
        }
        return files.stream().sorted().filter(file -> !written.contains(file)).findFirst();
    }

    /**
     * The path with symbolic links resolved as far as it exists, so that a link or '..' cannot
     * hide that an output folder holds an input.
     */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}

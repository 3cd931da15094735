package org.mexe.studio.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LineAndColumn;
import org.mexe.studio.dsl.ProvStandaloneSetup;
import org.mexe.studio.dsl.formatting2.ProvFormatting;

import com.google.inject.Injector;

/**
 * Lays .prov files out the canonical way (see the language's formatter), or tells which would
 * change. Each file is rewritten atomically, and only when its layout changes; a file with a
 * syntax error is left as it is and reported, since its layout cannot be known.
 */
public final class SourceFormatter {

    private final Injector injector;

    public SourceFormatter(Injector injector) {
        this.injector = injector;
    }

    /** For a plain Java classpath (CLI, Maven). */
    public static SourceFormatter standalone() {
        return new SourceFormatter(new ProvStandaloneSetup().createInjectorAndDoEMFRegistration());
    }

    /** The files whose layout changed (or would), how many were looked at, and the syntax errors that kept files as they were. */
    public record Result(List<Path> changed, int checked, List<Problem> syntaxErrors) {
    }

    /**
     * Formats the .prov files given, and those under the folders given. With {@code write}
     * false nothing is written: the result tells which files would change.
     */
    public Result format(List<Path> inputs, boolean write) throws GenerationException {
        List<Path> files = ProvisioningPipeline.expandInputs(inputs);
        ProvFormatting formatting = injector.getInstance(ProvFormatting.class);
        List<Path> changed = new ArrayList<>();
        List<Problem> syntaxErrors = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GenerationException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            // a resource set per file: the layout of a file does not depend on the others
            XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
            XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(file.toString()));
            try {
                resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
            } catch (IOException e) {
                throw new GenerationException("Cannot parse " + file + ": " + e.getMessage(), e);
            }
            if (resource.getParseResult().hasSyntaxErrors()) {
                for (INode node : resource.getParseResult().getSyntaxErrors()) {
                    LineAndColumn at = NodeModelUtils.getLineAndColumn(node, node.getOffset());
                    syntaxErrors.add(new Problem(file, at.getLine(), at.getColumn(), node.getOffset(), node.getLength(), Problem.Severity.ERROR,
                            node.getSyntaxErrorMessage().getIssueCode(), node.getSyntaxErrorMessage().getMessage()));
                }
                continue;
            }
            String formatted = formatting.format(resource);
            if (!formatted.equals(text)) {
                changed.add(file);
                if (write) {
                    try {
                        writeKeepingPermissions(file, formatted.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new GenerationException("Cannot write " + file + ": " + e.getMessage() + ". The file is unchanged.", e);
                    }
                }
            }
        }
        return new Result(List.copyOf(changed), files.size(), List.copyOf(syntaxErrors));
    }

    /** The atomic write makes a new file: it gets the permissions of the one it replaces. */
    private static void writeKeepingPermissions(Path file, byte[] content) throws IOException {
        Set<PosixFilePermission> permissions = Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)
                ? Files.getPosixFilePermissions(file) : null;
        AtomicOutput.writeFile(file, content);
        if (permissions != null) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}

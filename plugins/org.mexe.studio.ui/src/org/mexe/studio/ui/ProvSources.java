package org.mexe.studio.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceVisitor;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.IDocument;

/** Finds the .prov files of a project and the file behind an editor's document; the index ({@link ProvIndex}) parses them. */
public final class ProvSources {

    private ProvSources() {
    }

    /** Where a document is stored: its path on disk and, when it is in the workspace, its file. */
    public record Location(Path path, Optional<IFile> workspaceFile) {
    }

    /** Locates a document through the file buffer that the editor opened it with. */
    public static Optional<Location> locate(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer == null) {
            return Optional.empty();
        }
        java.net.URI uri = buffer.getFileStore().toURI();
        if (!"file".equals(uri.getScheme())) {
            return Optional.empty();
        }
        Optional<IFile> file = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri))
                .filter(IResource::isAccessible)
                .findFirst();
        return Optional.of(new Location(Path.of(uri), file));
    }

    /** The .prov files of a project in a stable order, leaving out derived folders and the generated output. */
    public static List<IFile> filesOf(IProject project) {
        List<IFile> files = new ArrayList<>();
        IResourceVisitor visitor = resource -> switch (resource) {
            case IFile file -> {
                if (ProvLanguage.FILE_EXTENSION.equals(file.getFileExtension())) {
                    files.add(file);
                }
                yield false;
            }
            case IFolder folder -> !(folder.getParent().equals(project) && folder.getName().equals(ProvLanguage.GENERATED_FOLDER));
            default -> true;
        };
        try {
            project.accept(visitor, IResource.DEPTH_INFINITE, IContainer.EXCLUDE_DERIVED);
        } catch (CoreException e) {
            // A project closed or deleted meanwhile has no files to offer.
            return List.of();
        }
        files.sort(Comparator.comparing(file -> file.getFullPath().toString()));
        return files;
    }

    /** The paths on disk of workspace files; files outside the local file system have none and are left out. */
    public static List<Path> pathsOf(List<IFile> files) {
        return files.stream()
                .map(IFile::getLocation)
                .filter(Objects::nonNull)
                .map(IPath::toPath)
                .toList();
    }
}

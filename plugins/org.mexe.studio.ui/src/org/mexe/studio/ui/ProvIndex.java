package org.mexe.studio.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace.Root;
import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.ui.builder.ProvNature;
import org.mexe.studio.ui.builder.ProblemMarkers;

/**
 * The IDE's one index of .prov files ({@link ProvWorkspace} of dsl.ide): each open project with the
 * provisioning nature (or with an open .prov editor) is a root. It follows the workspace: saved,
 * created, deleted and moved files, projects opened and closed. Editors add their unsaved text
 * (see the reconciler). The builder, the reconciler, content assist and every editor feature read
 * it; none of them parses a project again.
 */
public final class ProvIndex {

    private ProvIndex() {
    }

    private static final class Holder {
        static final ProvWorkspace WORKSPACE = start();
    }

    /** The index, built on first use from the open projects that have the nature. */
    public static ProvWorkspace workspace() {
        return Holder.WORKSPACE;
    }

    public static ProvEditorServices services() {
        workspace();
        return ProvLanguage.injector().getInstance(ProvEditorServices.class);
    }

    private static ProvWorkspace start() {
        ProvWorkspace workspace = ProvLanguage.injector().getInstance(ProvWorkspace.class);
        workspace.setResourceSetSetup(resourceSet -> TrustMaterial.useSecrets(resourceSet, ProvLanguage.secrets()));
        workspace.addProblemListener(ProblemMarkers.INSTANCE);
        List<Root> roots = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
                .filter(ProvNature::isOn)
                .map(ProvIndex::root)
                .flatMap(Optional::stream)
                .toList();
        workspace.initialize(roots);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(ProvIndex::resourcesChanged,
                IResourceChangeEvent.POST_CHANGE | IResourceChangeEvent.PRE_CLOSE | IResourceChangeEvent.PRE_DELETE);
        return workspace;
    }

    /** Makes {@code project} a root of the index, if it is not one yet; completes when its files are indexed. */
    public static CompletableFuture<Void> include(IProject project) {
        return root(project).map(root -> workspace().changeRoots(List.of(root), List.of()))
                .orElse(CompletableFuture.completedFuture(null));
    }

    /** The root a project stands for: its folder on disk under its name. */
    static Optional<Root> root(IProject project) {
        if (!project.isAccessible() || project.getLocationURI() == null) {
            return Optional.empty();
        }
        return Optional.of(new Root(uri(project.getLocationURI()), project.getName()));
    }

    private static final UriExtensions URIS = new UriExtensions();

    /** The URI the index knows a file by ({@code file:///path}, as the language server's). */
    public static URI uri(java.net.URI location) {
        return URIS.toUri(URIS.toUriString(location));
    }

    public static Optional<URI> uri(IFile file) {
        return Optional.ofNullable(file.getLocationURI()).map(ProvIndex::uri);
    }

    /** The URI of the file an editor's document is stored in. */
    public static Optional<URI> uri(IDocument document) {
        return ProvSources.locate(document).map(location -> uri(location.path().toUri()));
    }

    /** The workspace file the index knows as {@code uri}, if any. */
    public static Optional<IFile> file(URI uri) {
        if (!uri.isFile()) {
            return Optional.empty();
        }
        return Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(
                java.nio.file.Path.of(uri.toFileString()).toUri())).filter(IResource::isAccessible).findFirst();
    }

    private static void resourcesChanged(IResourceChangeEvent event) {
        if (event.getType() != IResourceChangeEvent.POST_CHANGE) {
            if (event.getResource() instanceof IProject project) {
                root(project).ifPresent(root -> workspace().changeRoots(List.of(), List.of(root)));
            }
            return;
        }
        List<URI> changed = new ArrayList<>();
        List<URI> deleted = new ArrayList<>();
        List<IProject> opened = new ArrayList<>();
        try {
            event.getDelta().accept(delta -> {
                IResource resource = delta.getResource();
                if (resource instanceof IProject project) {
                    boolean openedNow = (delta.getFlags() & IResourceDelta.OPEN) != 0 && project.isOpen();
                    boolean natureNow = (delta.getFlags() & IResourceDelta.DESCRIPTION) != 0 && ProvNature.isOn(project);
                    if ((openedNow || natureNow || delta.getKind() == IResourceDelta.ADDED) && ProvNature.isOn(project)) {
                        opened.add(project);
                    }
                }
                if (resource instanceof IFile file && ProvLanguage.FILE_EXTENSION.equals(file.getFileExtension())
                        && file.getLocationURI() != null) {
                    URI uri = uri(file.getLocationURI());
                    switch (delta.getKind()) {
                        case IResourceDelta.REMOVED -> deleted.add(uri);
                        case IResourceDelta.ADDED -> changed.add(uri);
                        default -> {
                            if ((delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.ENCODING)) != 0) {
                                changed.add(uri);
                            }
                        }
                    }
                }
                return true;
            });
        } catch (CoreException e) {
            ILog.of(ProvIndex.class).error("Following workspace changes failed", e);
        }
        for (IProject project : opened) {
            include(project);
        }
        if (!changed.isEmpty() || !deleted.isEmpty()) {
            workspace().filesChanged(changed, deleted);
        }
    }
}

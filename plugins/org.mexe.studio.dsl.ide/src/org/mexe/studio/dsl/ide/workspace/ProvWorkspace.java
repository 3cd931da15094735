package org.mexe.studio.dsl.ide.workspace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.DefaultProjectDescriptionFactory;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.IMultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.IProjectDescriptionFactory;
import org.eclipse.xtext.ide.server.MultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Singleton;

/**
 * One incremental index of every .prov file an editor can see, with the unsaved text of open
 * editors in place of what is on disk. Xtext's workspace and build managers keep it: a change to a
 * file reparses that file alone, updates its entry in the index and revalidates only the files
 * whose references its exported names could change. Editors (the Eclipse UI in process, like the
 * language server) feed it changes and read resources from it; nothing parses a project per keystroke.
 * <p>
 * Writes (open, change, close, files changed on disk, folders) run one after another; a newer
 * write cancels the build of an older one, whose changes it then builds too. Reads run in
 * parallel once the writes before them are done.
 */
@Singleton
public class ProvWorkspace {

    /** Told the problems of each file whenever the file is validated; an empty list clears them. */
    public interface ProblemListener {
        void problems(URI file, List<Issue> issues);
    }

    /** A root of the index: a folder whose .prov files it holds, under a unique name. */
    public record Root(URI folder, String name) {
    }

    private final WorkspaceManager manager;
    private final RequestManager requests;
    private final UriExtensions uris;
    private final Provider<XtextResourceSet> looseResourceSets;
    private final List<ProblemListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<URI, List<Issue>> issues = new ConcurrentHashMap<>();
    private final Map<String, Root> roots = new LinkedHashMap<>();
    private final AtomicInteger versions = new AtomicInteger();
    private volatile Consumer<ResourceSet> resourceSetSetup = resourceSet -> { };
    private CompletableFuture<Void> initialized;

    @Inject
    public ProvWorkspace(Injector language) {
        Injector services = language.createChildInjector(binder -> {
            binder.bind(ResourceSetSetup.class).toInstance(this::setUp);
            binder.bind(ProjectManager.class).to(SetUpProjectManager.class);
            binder.bind(WorkspaceManager.class).in(Singleton.class);
            binder.bind(BuildManager.class).to(SelfHealingBuildManager.class).in(Singleton.class);
            binder.bind(RequestManager.class).in(Singleton.class);
            binder.bind(IMultiRootWorkspaceConfigFactory.class).to(MultiRootWorkspaceConfigFactory.class);
            binder.bind(IProjectDescriptionFactory.class).to(DefaultProjectDescriptionFactory.class);
        });
        manager = services.getInstance(WorkspaceManager.class);
        requests = services.getInstance(RequestManager.class);
        uris = services.getInstance(UriExtensions.class);
        looseResourceSets = language.getProvider(XtextResourceSet.class);
    }

    /**
     * What every resource set of the index needs before it loads a file, e.g. where validation finds
     * secrets (TrustMaterial). Applies to resource sets created afterwards; {@link #rebuild()} recreates them.
     */
    public void setResourceSetSetup(Consumer<ResourceSet> setup) {
        resourceSetSetup = setup;
    }

    void setUp(ResourceSet resourceSet) {
        resourceSetSetup.accept(resourceSet);
    }

    public void addProblemListener(ProblemListener listener) {
        listeners.add(listener);
    }

    public void removeProblemListener(ProblemListener listener) {
        listeners.remove(listener);
    }

    /** The URI the index knows a file by ({@code file:///path}), from any form of a file URI. */
    public URI uri(java.net.URI file) {
        return uris.toUri(uris.toUriString(file));
    }

    /** Builds the index of {@code initialRoots} once; later calls wait for the same build. */
    public synchronized CompletableFuture<Void> initialize(List<Root> initialRoots) {
        if (initialized == null) {
            initialRoots.forEach(root -> roots.put(root.name(), root));
            List<WorkspaceFolder> folders = initialRoots.stream().map(ProvWorkspace::folder).toList();
            initialized = requests.runWrite(() -> {
                manager.initialize(folders, this::accept, org.eclipse.xtext.util.CancelIndicator.NullImpl);
                return null;
            }, (cancel, nothing) -> null);
        }
        return initialized;
    }

    public synchronized boolean isInitialized() {
        return initialized != null;
    }

    /** The roots the index holds. */
    public synchronized List<Root> roots() {
        return List.copyOf(roots.values());
    }

    /** Adds and removes roots; the files of an added root are indexed and validated, those of a removed one forgotten. */
    public synchronized CompletableFuture<Void> changeRoots(List<Root> added, List<Root> removed) {
        List<Root> reallyAdded = added.stream().filter(root -> !roots.containsKey(root.name())).toList();
        List<Root> reallyRemoved = removed.stream().filter(root -> roots.containsKey(root.name())).toList();
        if (reallyAdded.isEmpty() && reallyRemoved.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        reallyAdded.forEach(root -> roots.put(root.name(), root));
        reallyRemoved.forEach(root -> roots.remove(root.name()));
        var event = new WorkspaceFoldersChangeEvent(reallyAdded.stream().map(ProvWorkspace::folder).toList(),
                reallyRemoved.stream().map(ProvWorkspace::folder).toList());
        return requests.runWrite(() -> {
            manager.didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(event), org.eclipse.xtext.util.CancelIndicator.NullImpl);
            return null;
        }, (cancel, nothing) -> null);
    }

    /** Rebuilds every root from scratch, e.g. after secrets that validation reads have changed. */
    public synchronized CompletableFuture<Void> rebuild() {
        List<Root> all = List.copyOf(roots.values());
        return changeRoots(List.of(), all).thenCompose(nothing -> changeRoots(all, List.of()));
    }

    /** An editor opened {@code file} with {@code text}; until {@link #close} the index uses that text. */
    public CompletableFuture<Void> open(URI file, String text) {
        int version = versions.incrementAndGet();
        return built(requests.<BuildManager.Buildable, Void>runWrite(
                () -> isIndexed(file) ? manager.didOpen(file, version, text) : BuildManager.Buildable.NO_BUILD,
                (cancel, build) -> {
                    build.build(cancel);
                    return null;
                }));
    }

    /** The text of an open file is now {@code text} (the whole of it). */
    public CompletableFuture<Void> change(URI file, String text) {
        int version = versions.incrementAndGet();
        return built(requests.<BuildManager.Buildable, Void>runWrite(() -> {
            if (!isIndexed(file)) {
                return BuildManager.Buildable.NO_BUILD;
            }
            if (!manager.isDocumentOpen(file)) {
                return manager.didOpen(file, version, text);
            }
            return manager.didChangeTextDocumentContent(file, version, List.of(new TextDocumentContentChangeEvent(text)));
        }, (cancel, build) -> {
            build.build(cancel);
            return null;
        }));
    }

    /** The editor of {@code file} closed: the index goes back to the file on disk. */
    public CompletableFuture<Void> close(URI file) {
        return built(requests.<BuildManager.Buildable, Void>runWrite(
                () -> manager.isDocumentOpen(file) ? manager.didClose(file) : BuildManager.Buildable.NO_BUILD,
                (cancel, build) -> {
                    build.build(cancel);
                    return null;
                }));
    }

    /** Files changed, appeared or went on disk (a save, a checkout, a delete). */
    public CompletableFuture<Void> filesChanged(List<URI> changed, List<URI> deleted) {
        return built(requests.<BuildManager.Buildable, Void>runWrite(() -> manager.didChangeFiles(
                changed.stream().filter(this::isIndexed).toList(), deleted.stream().filter(this::isIndexed).toList()),
                (cancel, build) -> {
                    build.build(cancel);
                    return null;
                }));
    }

    /**
     * A write whose build a newer write cancelled is built by that newer one: whoever waits for the
     * write waits for that instead of failing.
     */
    private CompletableFuture<Void> built(CompletableFuture<Void> write) {
        return write.handle((done, failure) -> failure == null ? CompletableFuture.<Void>completedFuture(null)
                : isCancellation(failure) ? settled() : CompletableFuture.<Void>failedFuture(failure)).thenCompose(f -> f);
    }

    private static boolean isCancellation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException
                    || t instanceof org.eclipse.xtext.service.OperationCanceledError
                    || t.getClass().getName().endsWith("OperationCanceledException")) {
                return true;
            }
        }
        return false;
    }

    /** Waits for the writes submitted so far, with their builds. */
    public CompletableFuture<Void> settled() {
        return retrying(() -> requests.runRead(cancel -> null), 20);
    }

    /**
     * Runs a read again when a write cancelled it (a write cancels the reads before it, as in the
     * language server): the answer then reflects the newer text.
     */
    private <T> CompletableFuture<T> retrying(java.util.function.Supplier<CompletableFuture<T>> read, int attempts) {
        return read.get().handle((value, failure) -> failure == null ? CompletableFuture.completedFuture(value)
                : isCancellation(failure) && attempts > 1 ? retrying(read, attempts - 1) : CompletableFuture.<T>failedFuture(failure))
                .thenCompose(f -> f);
    }

    /**
     * Reads {@code file} as the index holds it: its document (the editor's text when open) and its
     * resource, linked against the index. A file outside every root is parsed on its own.
     */
    public <T> CompletableFuture<T> read(URI file, BiFunction<Document, XtextResource, T> reader) {
        return retrying(() -> requests.runRead(cancel -> {
            if (isIndexed(file)) {
                return manager.doRead(file, (document, resource) -> reader.apply(document, resource));
            }
            return null;
        }), 5);
    }

    /** As {@link #read}, for a text that belongs to no root (a file outside the workspace, a compare editor). */
    public <T> T readLoose(URI file, String text, BiFunction<Document, XtextResource, T> reader) {
        XtextResourceSet resourceSet = looseResourceSets.get();
        setUp(resourceSet);
        XtextResource resource = (XtextResource) resourceSet.createResource(file);
        try {
            resource.load(new LazyStringInputStream(text, StandardCharsets.UTF_8.name()),
                    Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return reader.apply(new Document(0, text), resource);
    }

    /** Reads the whole index: every file's exported names and references. */
    public <T> CompletableFuture<T> readIndex(java.util.function.Function<IResourceDescriptions, T> reader) {
        return retrying(() -> requests.runRead(cancel -> reader.apply(manager.getIndex())), 5);
    }

    /**
     * Reads the resources of one root together, e.g. to generate its artefacts: the resource set
     * holds every file of the root, linked, as the last build left them.
     */
    public <T> CompletableFuture<T> readRoot(URI fileInRoot, BiFunction<XtextResourceSet, List<XtextResource>, T> reader) {
        return retrying(() -> requests.runRead(cancel -> {
            ProjectManager project = manager.getProjectManager(fileInRoot);
            if (project == null) {
                return null;
            }
            XtextResourceSet resourceSet = project.getResourceSet();
            List<XtextResource> resources = new ArrayList<>();
            ResourceDescriptionsData index = project.getIndexState().getResourceDescriptions();
            index.getAllURIs().forEach(uri -> {
                Resource resource = resourceSet.getResource(uri, true);
                if (resource instanceof XtextResource xtext) {
                    resources.add(xtext);
                }
            });
            return reader.apply(resourceSet, resources);
        }), 5);
    }

    /** Reads the resources of every root together (e.g. to show the whole model), each linked in its root as the last build left it. */
    public <T> CompletableFuture<T> readAllRoots(java.util.function.Function<List<XtextResource>, T> reader) {
        return retrying(() -> requests.runRead(cancel -> {
            List<XtextResource> resources = new ArrayList<>();
            for (ProjectManager project : manager.getProjectManagers()) {
                XtextResourceSet resourceSet = project.getResourceSet();
                project.getIndexState().getResourceDescriptions().getAllURIs().forEach(uri -> {
                    if (resourceSet.getResource(uri, true) instanceof XtextResource xtext) {
                        resources.add(xtext);
                    }
                });
            }
            return reader.apply(resources);
        }), 5);
    }

    /** The workspace manager, for services that run inside a read of this workspace. */
    WorkspaceManager manager() {
        return manager;
    }

    RequestManager requests() {
        return requests;
    }

    /** Whether an editor has {@code file} open in the index. */
    public CompletableFuture<Boolean> isOpen(URI file) {
        return requests.runRead(cancel -> manager.isDocumentOpen(file));
    }

    /** The problems of {@code file} found by the last validation of it. */
    public Optional<List<Issue>> problems(URI file) {
        return Optional.ofNullable(issues.get(file));
    }

    /** Whether {@code file} is under one of the roots. */
    public boolean isIndexed(URI file) {
        String path = file.toFileString();
        if (path == null) {
            return false;
        }
        synchronized (this) {
            return roots.values().stream().map(root -> root.folder().toFileString())
                    .anyMatch(folder -> folder != null && (path + "/").startsWith(folder.endsWith("/") ? folder : folder + "/"));
        }
    }

    private void accept(URI file, Iterable<Issue> found) {
        List<Issue> list = new ArrayList<>();
        found.forEach(list::add);
        issues.put(file, List.copyOf(list));
        for (ProblemListener listener : listeners) {
            listener.problems(file, list);
        }
    }

    private static WorkspaceFolder folder(Root root) {
        return new WorkspaceFolder(root.folder().toString(), root.name());
    }

    /** What a new resource set of the index gets before it loads files. */
    interface ResourceSetSetup {
        void setUp(ResourceSet resourceSet);
    }

    /** A project of the index whose resource sets get the set-up the editor asked for. */
    static class SetUpProjectManager extends ProjectManager {
        @Inject
        private ResourceSetSetup setup;

        @Override
        public XtextResourceSet createNewResourceSet(ResourceDescriptionsData newIndex) {
            XtextResourceSet resourceSet = super.createNewResourceSet(newIndex);
            setup.setUp(resourceSet);
            return resourceSet;
        }
    }
}

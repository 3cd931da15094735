package org.mexe.studio.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescription.Delta;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.resource.persistence.SerializableResourceDescription;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One file of the loaded corpus changes; what Xtext's builder does next, on the CLI's resource
 * set: reparse the file, compute its new resource description and the delta to the index,
 * ask the description manager which resources the delta affects (those with references into
 * the file, and those that looked up a name it added or removed), relink those, and validate
 * the file and each of them. One operation is one such change.
 * <p>
 * The edit adds a top-level element to the file, then takes it away again, so that the file's
 * exported names change and every resource that refers into it is revalidated, as Xtext does
 * for a rename or a new element. (An edit of a value that keeps every name revalidates the
 * file alone in Xtext: that is the {@code leaf} case.) The file is chosen by how many other
 * files refer into it ({@code target}): {@code leaf} none, {@code median} the median of the files
 * that are referred to, {@code max} the most referred-to file of the corpus.
 * <p>
 * The affected files are relinked with the index answering the name lookups, as the IDE's
 * builder and editors have one; without it each lookup asks every file of the resource set, and
 * relinking is about ten times slower (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class RevalidationBenchmark {

    /** Appended to the changed file; a party, which every file may declare and nothing needs. */
    private static final String EDIT = "\nparty BenchmarkEdit is isp named \"added by RevalidationBenchmark\"\n";

    @Param("target/language-corpus")
    public String corpus;

    @Param({ "leaf", "median", "max" })
    public String target;

    private LoadedInputs loaded;
    private ResourceDescriptionsData index;
    private IResourceDescription.Manager manager;
    private final Map<URI, XtextResource> byUri = new HashMap<>();
    private XtextResource changed;
    private String original;
    private boolean edited;

    @Setup
    public void setUp() throws GenerationException, IOException {
        LanguageCorpus files = LanguageCorpus.at(corpus);
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        loaded = pipeline.load(List.of(files.folder()));
        LanguageCorpus.requireNoErrors(files.folder(), pipeline.validate(loaded));
        // The index the builder keeps: a copy of every resource description, as after a full build.
        List<IResourceDescription> descriptions = new ArrayList<>();
        for (XtextResource resource : loaded.resources().values()) {
            byUri.put(resource.getURI(), resource);
            manager = resource.getResourceServiceProvider().getResourceDescriptionManager();
            descriptions.add(SerializableResourceDescription.createCopy(manager.getResourceDescription(resource)));
        }
        index = new ResourceDescriptionsData(descriptions);

        Map<URI, Set<URI>> referrers = referrers(descriptions);
        Path file = choose(referrers);
        changed = loaded.resources().get(file);
        original = Files.readString(file);
        int fanIn = referrers.getOrDefault(changed.getURI(), Set.of()).size();
        long referrerLines = 0;
        for (URI referrer : referrers.getOrDefault(changed.getURI(), Set.of())) {
            referrerLines += lines(byUri.get(referrer));
        }
        // Twice: the edit and its undo must both leave the corpus without errors.
        int[] first = change();
        int[] second = change();
        if (first[1] != 0 || second[1] != 0) {
            throw new IllegalStateException("Revalidating after the edit of " + file + " gave errors: the edit must keep the corpus valid.");
        }
        System.out.printf("%nChanged file (%s): %s, %d lines; %d file(s) refer into it (%d lines); each change revalidates %d file(s)%n",
                target, files.folder().relativize(file), lines(changed), fanIn, referrerLines, first[0]);
    }

    /** Reparse, find what is affected, relink and validate it; returns {files validated, errors}. */
    private int[] change() throws IOException {
        String text = edited ? original : original + EDIT;
        edited = !edited;
        URI uri = changed.getURI();
        List<XtextResource> affected = new ArrayList<>();
        // Linking sees the index, as in the IDE's builder; validation the plain resource set, as in the pipeline.
        ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(loaded.resourceSet(), index);
        try {
            IResourceDescription before = index.getResourceDescription(uri);
            changed.reparse(text);
            IResourceDescription after = SerializableResourceDescription.createCopy(manager.getResourceDescription(changed));
            Delta delta = manager.createDelta(before, after);
            index.register(delta);
            if (delta.haveEObjectDescriptionsChanged()) {
                for (IResourceDescription candidate : index.getAllResourceDescriptions()) {
                    if (!candidate.getURI().equals(uri) && manager.isAffected(List.of(delta), candidate, index)) {
                        affected.add(byUri.get(candidate.getURI()));
                    }
                }
            }
            for (XtextResource resource : affected) {
                resource.relink();
                EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
            }
        } finally {
            loaded.resourceSet().eAdapters().removeIf(ResourceDescriptionsData.ResourceSetAdapter.class::isInstance);
        }
        int errors = errors(changed);
        for (XtextResource resource : affected) {
            errors += errors(resource);
        }
        return new int[] { 1 + affected.size(), errors };
    }

    @Benchmark
    public int[] changeOneFile() throws IOException {
        return change();
    }

    private static int errors(XtextResource resource) {
        List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator()
                .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
        return (int) issues.stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).count();
    }

    /** For each resource, the other resources that hold a reference into it. */
    private static Map<URI, Set<URI>> referrers(List<IResourceDescription> descriptions) {
        Map<URI, Set<URI>> referrers = new HashMap<>();
        for (IResourceDescription description : descriptions) {
            for (IReferenceDescription reference : description.getReferenceDescriptions()) {
                URI into = reference.getTargetEObjectUri().trimFragment();
                if (!into.equals(description.getURI())) {
                    referrers.computeIfAbsent(into, k -> new HashSet<>()).add(description.getURI());
                }
            }
        }
        return referrers;
    }

    private Path choose(Map<URI, Set<URI>> referrers) {
        Map<Path, Integer> fanIn = new LinkedHashMap<>();
        loaded.resources().forEach((path, resource) -> fanIn.put(path, referrers.getOrDefault(resource.getURI(), Set.of()).size()));
        List<Path> byFanIn = fanIn.keySet().stream()
                .sorted(Comparator.comparing((Path p) -> fanIn.get(p)).thenComparing(Path::toString)).toList();
        List<Path> referredTo = byFanIn.stream().filter(p -> fanIn.get(p) > 0).toList();
        return switch (target) {
            case "leaf" -> byFanIn.stream().filter(p -> fanIn.get(p) == 0).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Every file of the corpus is referred to: no leaf to change."));
            case "median" -> referredTo.get(referredTo.size() / 2);
            case "max" -> byFanIn.get(byFanIn.size() - 1);
            default -> throw new IllegalArgumentException("target is leaf, median or max, not " + target + ".");
        };
    }

    private static long lines(XtextResource resource) {
        return resource.getParseResult().getRootNode().getText().lines().count();
    }
}

package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.mexe.studio.dsl.ProvStandaloneSetup;
import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SigningIdentity;

import com.google.inject.Injector;

/**
 * The one pipeline behind every front door (IDE, CLI, Maven): .prov files are parsed into the
 * EMF model, validated, and turned into artefacts. Front doors only collect inputs and print.
 */
public final class ProvisioningPipeline {

    public static final String FILE_EXTENSION = ".prov";

    /**
     * The generated PINs ({@code pin generated}), one line per message: {@code delivery,msisdn,pin}.
     * Only its owner may read it, it is in no manifest, and no other artefact or message holds a PIN.
     */
    public static final String USER_PINS = "userpins.csv";

    private final Injector injector;
    private final Optional<Path> otaCounters;

    public ProvisioningPipeline(Injector injector) {
        this(injector, Optional.empty());
    }

    private ProvisioningPipeline(Injector injector, Optional<Path> otaCounters) {
        this.injector = injector;
        this.otaCounters = otaCounters;
    }

    /**
     * This pipeline, with SIM updates taking their OTA counters from the counter store in
     * {@code folder} (see {@code OtaCounterStore}); without one, SIM updates make no packets and
     * their stages say so. Every run that generates them takes new counters.
     */
    public ProvisioningPipeline withOtaCounters(Path folder) {
        return new ProvisioningPipeline(injector, Optional.of(folder));
    }

    /** A pipeline for a plain Java classpath (CLI, Maven); the IDE passes its own injector. */
    public static ProvisioningPipeline standalone() {
        return new ProvisioningPipeline(new ProvStandaloneSetup().createInjectorAndDoEMFRegistration());
    }

    /** The parsed and linked inputs: every file in one resource set, so that references cross files. */
    public record LoadedInputs(XtextResourceSet resourceSet, Map<Path, XtextResource> resources) {

        public List<ProvisioningModel> models() {
            return resources.values().stream()
                    .filter(r -> !r.getContents().isEmpty() && r.getContents().get(0) instanceof ProvisioningModel)
                    .map(r -> (ProvisioningModel) r.getContents().get(0))
                    .toList();
        }

        public Path pathOf(Resource resource) {
            return resources.entrySet().stream().filter(e -> e.getValue() == resource).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
        }
    }

    /** What a generation wrote: files, a summary of each SMS message and of each stage; {@code userPins} is where the generated USERPINs went, when there were any. */
    public record GenerationResult(Path outputDir, List<String> files, List<DeliverySummary> deliveries, List<StageReport> stages,
            List<Problem> warnings, Optional<Path> userPins) {
    }

    /** Expands folders to the .prov files under them, sorted so that every run reads them in the same order. */
    public static List<Path> expandInputs(List<Path> paths) throws GenerationException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                try (Stream<Path> walk = Files.walk(absolute)) {
                    walk.filter(p -> p.toString().endsWith(FILE_EXTENSION) && Files.isRegularFile(p)).forEach(files::add);
                } catch (IOException e) {
                    throw new GenerationException("Cannot read the folder " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(absolute)) {
                if (!absolute.toString().endsWith(FILE_EXTENSION)) {
                    throw new GenerationException(GenerationException.Reason.INVALID_INPUT, path + " is not a " + FILE_EXTENSION + " file.");
                }
                files.add(absolute);
            } else {
                throw new GenerationException(GenerationException.Reason.INVALID_INPUT, path + " does not exist: give a " + FILE_EXTENSION + " file or a folder that holds some.");
            }
        }
        if (files.isEmpty()) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "No " + FILE_EXTENSION + " files found in " + paths + ".");
        }
        return List.copyOf(files);
    }

    public LoadedInputs load(List<Path> inputs) throws GenerationException {
        return load(inputs, SecretResolver.fromProcessEnvironment());
    }

    /**
     * Loads the files of {@code inputs}; validation opens the keystores they name with passwords
     * from {@code secrets} (in the IDE, Eclipse secure storage first).
     */
    public LoadedInputs load(List<Path> inputs, SecretResolver secrets) throws GenerationException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        TrustMaterial.useSecrets(resourceSet, secrets);
        Map<Path, XtextResource> resources = new LinkedHashMap<>();
        for (Path file : expandInputs(inputs)) {
            try {
                Resource resource = resourceSet.getResource(URI.createFileURI(file.toString()), true);
                resources.put(file, (XtextResource) resource);
            } catch (RuntimeException e) {
                throw new GenerationException("Cannot read " + file + ": " + rootMessage(e), e);
            }
        }
        linkWithIndex(resourceSet, resources.values());
        return new LoadedInputs(resourceSet, resources);
    }

    /**
     * Resolves every reference with an index of the loaded files' exported names in place, as
     * Xtext's builders have: without one, each name lookup asks every resource of the set, and
     * linking costs references times files (40 s instead of 0.6 s for 1,000 files, see
     * docs/performance.md). The index goes again afterwards, so that later checks see the plain
     * resource set.
     */
    private static void linkWithIndex(XtextResourceSet resourceSet, Collection<XtextResource> resources) {
        List<IResourceDescription> descriptions = new ArrayList<>(resources.size());
        for (XtextResource resource : resources) {
            descriptions.add(resource.getResourceServiceProvider().getResourceDescriptionManager().getResourceDescription(resource));
        }
        ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(resourceSet, new ResourceDescriptionsData(descriptions));
        try {
            EcoreUtil.resolveAll(resourceSet);
        } finally {
            resourceSet.eAdapters().removeIf(ResourceDescriptionsData.ResourceSetAdapter.class::isInstance);
        }
    }

    /** Syntax, linking, metamodel constraints and language checks, sorted by file and position. */
    public List<Problem> validate(LoadedInputs inputs) {
        return validate(inputs, CancelIndicator.NullImpl);
    }

    /** As {@link #validate(LoadedInputs)}, stopping early (with what was found so far) when cancelled. */
    public List<Problem> validate(LoadedInputs inputs, CancelIndicator cancel) {
        List<Problem> problems = new ArrayList<>();
        for (var entry : inputs.resources().entrySet()) {
            if (cancel.isCanceled()) {
                break;
            }
            XtextResource resource = entry.getValue();
            List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator()
                    .validate(resource, CheckMode.ALL, cancel);
            for (Issue issue : issues) {
                problems.add(new Problem(entry.getKey(), orZero(issue.getLineNumber()), orZero(issue.getColumn()),
                        issue.getOffset() == null ? -1 : issue.getOffset(), orZero(issue.getLength()),
                        severity(issue.getSeverity()), issue.getCode(), issue.getMessage()));
            }
        }
        problems.sort(java.util.Comparator.comparing((Problem p) -> p.file().toString())
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return problems;
    }

    /** Loads, validates and, when there is no error, replaces {@code outputDir} with the artefacts. */
    public GenerationResult generate(List<Path> inputs, Path outputDir, SecretResolver secrets) throws GenerationException {
        return generate(inputs, outputDir, secrets, Optional.empty(), Optional.empty());
    }

    /** As {@link #generate(List, Path, SecretResolver)}, adding a manifest signed by {@code signer} when there is one. */
    public GenerationResult generate(List<Path> inputs, Path outputDir, SecretResolver secrets, Optional<SigningIdentity> signer)
            throws GenerationException {
        return generate(inputs, outputDir, secrets, signer, Optional.empty());
    }

    /**
     * As {@link #generate(List, Path, SecretResolver, Optional)}, writing the generated USERPINs to
     * {@code userPins} (owner-only, outside {@code outputDir}) instead of {@code outputDir/userpins.csv}:
     * the operator decides where the PINs go, and the artefacts folder can be shipped as it is.
     */
    public GenerationResult generate(List<Path> inputs, Path outputDir, SecretResolver secrets, Optional<SigningIdentity> signer,
            Optional<Path> userPins) throws GenerationException {
        return generate(inputs, outputDir, secrets, signer, userPins, OutputFolder.Permission.ownOutputOnly(""));
    }

    /**
     * As {@link #generate(List, Path, SecretResolver, Optional, Optional)}, replacing a folder of
     * other files too when {@code permission} allows it (see {@link OutputFolder}).
     */
    public GenerationResult generate(List<Path> inputs, Path outputDir, SecretResolver secrets, Optional<SigningIdentity> signer,
            Optional<Path> userPins, OutputFolder.Permission permission) throws GenerationException {
        OutputFolder.claim(outputDir, inputs, permission); // before any work: a refused folder costs nothing
        return generate(load(inputs, secrets), outputDir, secrets, signer, userPins, permission);
    }

    /** Validates inputs already loaded and, when there is no error, replaces {@code outputDir} with the artefacts. */
    public GenerationResult generate(LoadedInputs loaded, Path outputDir, SecretResolver secrets) throws GenerationException {
        return generate(loaded, outputDir, secrets, OutputFolder.Permission.ownOutputOnly(""));
    }

    /** As {@link #generate(LoadedInputs, Path, SecretResolver)}, under {@code permission} (see {@link OutputFolder}). */
    public GenerationResult generate(LoadedInputs loaded, Path outputDir, SecretResolver secrets, OutputFolder.Permission permission)
            throws GenerationException {
        return generate(loaded, outputDir, secrets, Optional.empty(), Optional.empty(), permission);
    }

    /** As {@link #generate(List, Path, SecretResolver, Optional, Optional)}, for inputs already loaded, under {@code permission}. */
    public GenerationResult generate(LoadedInputs loaded, Path outputDir, SecretResolver secrets, Optional<SigningIdentity> signer,
            Optional<Path> userPins, OutputFolder.Permission permission) throws GenerationException {
        OutputFolder output = OutputFolder.claim(outputDir, OutputFolder.inputsOf(loaded), permission);
        if (userPins.isPresent() && userPins.get().toAbsolutePath().normalize().startsWith(outputDir.toAbsolutePath().normalize())) {
            throw new GenerationException("The USERPIN file " + userPins.get() + " is inside the output folder " + outputDir
                    + ", which every run replaces as a whole: give a file outside it. Nothing was written.", null);
        }
        if (otaCounters.isPresent() && otaCounters.get().toAbsolutePath().normalize().startsWith(outputDir.toAbsolutePath().normalize())) {
            throw new GenerationException("The OTA counter store " + otaCounters.get() + " is inside the output folder " + outputDir
                    + ", which every run replaces as a whole: the counters would be lost and reused. Give a folder outside it."
                    + " Nothing was written.", null);
        }
        Produced produced = produce(loaded, validate(loaded), secrets, signer, new SecureRandom());
        AtomicOutput artefacts = produced.artefacts();
        GenerationContext context = produced.context();
        List<Problem> problems = produced.problems();
        Optional<Path> pinsWritten = Optional.empty();
        if (userPins.isPresent()) {
            Optional<byte[]> pins = artefacts.take(USER_PINS);
            if (pins.isPresent()) {
                // PINs first: artefacts whose PINs were lost would reach no subscriber.
                try {
                    AtomicOutput.writeFile(userPins.get(), pins.get());
                    pinsWritten = userPins;
                } catch (IOException e) {
                    throw new GenerationException("Cannot write the generated USERPINs to " + userPins.get() + ": " + e.getMessage()
                            + ". Nothing was written.", e);
                } finally {
                    java.util.Arrays.fill(pins.get(), (byte) 0);
                }
            }
        } else if (artefacts.files().containsKey(USER_PINS)) {
            pinsWritten = Optional.of(outputDir.resolve(USER_PINS));
        }
        output.replaceWith(artefacts);
        // The validator already reports what a format cannot carry; the generator adds only what it did not.
        List<Problem> warnings = new ArrayList<>(problems.stream().filter(p -> !p.isError()).toList());
        context.warnings().stream().filter(w -> warnings.stream().noneMatch(p -> sameFinding(p, w))).forEach(warnings::add);
        return new GenerationResult(outputDir, List.copyOf(artefacts.files().keySet()), context.deliveries(), context.stageReports(),
                List.copyOf(warnings), pinsWritten);
    }

    /** A stage no contributor owns still gets a line in the summary: nothing is skipped without a word. */
    private static void reportUnownedStages(LoadedInputs loaded, GenerationContext context) {
        for (ProvisioningModel model : loaded.models()) {
            for (var element : model.getElements()) {
                if (element instanceof org.mexe.studio.model.provisioning.Scenario scenario) {
                    for (var stage : scenario.getStages()) {
                        if (!context.reported(scenario, GenerationContext.stageNumber(stage))) {
                            context.report(stage, "nothing generated: no generator handles " + stage.eClass().getName()
                                    + " stages yet", List.of());
                        }
                    }
                }
            }
        }
    }

    /** The artefacts of a run, in memory and not yet written, with what the contributors reported. */
    public record Produced(AtomicOutput artefacts, GenerationContext context, List<Problem> problems) {
    }

    /**
     * Asks every contributor for its artefacts, in memory: {@link #generate} writes them, the review
     * report only lists them. {@code problems} is what {@link #validate} found for {@code loaded};
     * an error among them stops here. {@code random} makes the generated PINs.
     */
    public Produced produce(LoadedInputs loaded, List<Problem> problems, SecretResolver secrets, Optional<SigningIdentity> signer,
            java.util.random.RandomGenerator random) throws GenerationException {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT,
                    errors.size() + " error(s) in the input: nothing was generated.", errors, null);
        }
        AtomicOutput artefacts = new AtomicOutput();
        GenerationContext context = new GenerationContext(loaded, secrets, random, signer, otaCounters);
        for (ArtefactContributor contributor : ArtefactContributors.ALL) {
            contributor.contribute(context, artefacts);
        }
        reportUnownedStages(loaded, context);
        if (signer.isPresent()) {
            ArtefactManifest.sign(artefacts, signer.get());
        }
        return new Produced(artefacts, context, problems);
    }

    private static boolean sameFinding(Problem a, Problem b) {
        return a.file().equals(b.file()) && a.offset() == b.offset() && java.util.Objects.equals(a.code(), b.code())
                && a.message().equals(b.message());
    }

    private static Problem.Severity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> Problem.Severity.ERROR;
            case WARNING -> Problem.Severity.WARNING;
            case INFO, IGNORE -> Problem.Severity.INFO;
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

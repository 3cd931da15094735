package org.mexe.studio.generator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMIException;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.mexe.studio.dsl.ProvStandaloneSetup;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.ProvisioningModel;

import com.google.inject.Injector;

/**
 * Exchanges models with other EMF tools and with reviewers: .prov files to XMI and back.
 * <ul>
 * <li>Export writes one {@code .xmi} file per {@code .prov} file, in the same relative folders,
 * when the files parse and their references resolve.
 * Every definition has its qualified name as {@code xmi:id}, and a reference to another file
 * is a relative href to that id ({@code ../shared/sets.xmi#shared.sets.National}), so the files
 * open with plain EMF and survive being moved together. The same input gives the same bytes.</li>
 * <li>Import validates the XMI with EMF's {@link Diagnostician}: a structural error (an href that
 * does not resolve, a missing mandatory value) stops it. It writes each model as .prov text in
 * the canonical layout, through the language's serializer and formatter; the text is read
 * back and must give the same model, and the language's checks (the metamodel's rules among
 * them) report their findings on it, at the line of the text.</li>
 * </ul>
 * Neither is stopped by the findings of the checks: the exchanged model is the same either
 * way, and generation refuses a model with errors. Both replace their output folder as a
 * whole, and only when everything succeeded; a folder
 * that holds other files than theirs is refused rather than replaced.
 */
public final class ModelExchange {

    public static final String XMI_EXTENSION = ".xmi";

    private final Injector injector;

    public ModelExchange(Injector injector) {
        this.injector = injector;
    }

    /** For a plain Java classpath (CLI, Maven). */
    public static ModelExchange standalone() {
        return new ModelExchange(new ProvStandaloneSetup().createInjectorAndDoEMFRegistration());
    }

    /** What an export or import wrote: paths relative to the output folder, and findings that did not stop it. */
    public record Result(Path outputDir, List<String> files, List<Problem> warnings) {
    }

    // ---- Export ------------------------------------------------------------------------------

    /**
     * Loads and validates .prov files and replaces {@code outputDir} with their XMI. A syntax
     * error or a reference that does not resolve stops the export, since the model would be
     * incomplete; the findings of the other checks do not (XMI is for review and other tools,
     * and generation refuses them anyway): they come back in the result.
     */
    public Result exportXmi(List<Path> inputs, Path outputDir) throws GenerationException {
        return exportXmi(inputs, outputDir, OutputFolder.Permission.ownOutputOnly(""));
    }

    /** As {@link #exportXmi(List, Path)}, replacing a folder of other files too when {@code permission} allows it. */
    public Result exportXmi(List<Path> inputs, Path outputDir, OutputFolder.Permission permission) throws GenerationException {
        OutputFolder.claim(outputDir, inputs, permission);
        ProvisioningPipeline pipeline = new ProvisioningPipeline(injector);
        ProvisioningPipeline.LoadedInputs loaded = pipeline.load(inputs);
        List<Problem> problems = pipeline.validate(loaded);
        List<Problem> incomplete = problems.stream().filter(p -> p.isError() && isIncompleteModel(p)).toList();
        if (!incomplete.isEmpty()) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, incomplete.size()
                    + " syntax or reference error(s) in the input: nothing was exported.", incomplete, null);
        }
        OutputFolder output = OutputFolder.claim(outputDir, OutputFolder.inputsOf(loaded), permission);
        Path base = commonFolder(loaded.resources().keySet());
        Path target = outputDir.toAbsolutePath().normalize();

        // copies, so that the Xtext resources keep their models; references between the copies are rewired
        EcoreUtil.Copier copier = new EcoreUtil.Copier();
        Map<Path, EObject> copies = new LinkedHashMap<>();
        for (var entry : loaded.resources().entrySet()) {
            copies.put(entry.getKey(), copier.copy(entry.getValue().getContents().get(0)));
        }
        copier.copyReferences();

        ResourceSet xmiSet = new ResourceSetImpl();
        Map<Path, XMIResourceImpl> resources = new LinkedHashMap<>();
        IQualifiedNameProvider names = injector.getInstance(IQualifiedNameProvider.class);
        for (var entry : copies.entrySet()) {
            String relative = relativeName(base, entry.getKey(), ProvisioningPipeline.FILE_EXTENSION, XMI_EXTENSION);
            XMIResourceImpl resource = new XMIResourceImpl(URI.createFileURI(target.resolve(relative).toString()));
            xmiSet.getResources().add(resource);
            resource.getContents().add(entry.getValue());
            for (EObject object : (Iterable<EObject>) () -> entry.getValue().eAllContents()) {
                if (object instanceof Element element) {
                    QualifiedName name = names.getFullyQualifiedName(element);
                    if (name != null) {
                        resource.setID(element, name.toString());
                    }
                }
            }
            resources.put(Path.of(relative), resource);
        }

        AtomicOutput files = new AtomicOutput();
        for (var entry : resources.entrySet()) {
            files.add(slashes(entry.getKey()), saveXmi(entry.getValue()));
        }
        output.replaceWith(files);
        return new Result(outputDir, List.copyOf(files.files().keySet()), problems);
    }

    /** A syntax error or an unresolved reference: the parsed model lacks what the text meant. */
    private static boolean isIncompleteModel(Problem problem) {
        return problem.code() != null && (problem.code().startsWith(org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC)
                || problem.code().equals(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC));
    }

    private static byte[] saveXmi(XMIResourceImpl resource) throws GenerationException {
        Map<Object, Object> options = new LinkedHashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(Resource.OPTION_LINE_DELIMITER, "\n");
        options.put(XMLResource.OPTION_LINE_WIDTH, 100);
        options.put(XMLResource.OPTION_PROCESS_DANGLING_HREF, XMLResource.OPTION_PROCESS_DANGLING_HREF_THROW);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            resource.save(bytes, options);
        } catch (IOException | RuntimeException e) {
            throw new GenerationException("Cannot write " + resource.getURI().lastSegment() + " as XMI: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    // ---- Import ------------------------------------------------------------------------------

    /** Reads XMI files (or folders of them), validates them and replaces {@code outputDir} with their .prov text. */
    public Result importXmi(List<Path> inputs, Path outputDir) throws GenerationException {
        return importXmi(inputs, outputDir, OutputFolder.Permission.ownOutputOnly(""));
    }

    /** As {@link #importXmi(List, Path)}, replacing a folder of other files too when {@code permission} allows it. */
    public Result importXmi(List<Path> inputs, Path outputDir, OutputFolder.Permission permission) throws GenerationException {
        List<Path> files = expand(inputs, XMI_EXTENSION);
        List<Path> read = new ArrayList<>(inputs);
        read.addAll(files);
        OutputFolder outputFolder = OutputFolder.claim(outputDir, read, permission);
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());

        Map<Path, Resource> xmi = new LinkedHashMap<>();
        List<Problem> errors = new ArrayList<>();
        for (Path file : files) {
            Resource resource = resourceSet.createResource(URI.createFileURI(file.toString()));
            xmi.put(file, resource);
            try {
                resource.load(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
            } catch (IOException | RuntimeException e) {
                if (resource.getErrors().isEmpty()) {
                    errors.add(problem(file, e, "is not an XMI file of the provisioning metamodel"));
                }
            }
        }
        EcoreUtil.resolveAll(resourceSet);
        for (Resource other : List.copyOf(resourceSet.getResources())) {
            if (!xmi.containsValue(other)) {
                // an href led to a file that was not given: its definitions would have no .prov file to live in
                errors.add(new Problem(Path.of(other.getURI().isFile() ? other.getURI().toFileString() : other.getURI().toString()), 0, 0,
                        -1, 0, Problem.Severity.ERROR, "org.mexe.studio.generator.notImported",
                        "The imported files refer to this file, which was not given: import it too, or its definitions stay unresolved."));
            }
        }
        for (var entry : xmi.entrySet()) {
            Resource resource = entry.getValue();
            resource.getErrors().forEach(d -> errors.add(problem(entry.getKey(), d)));
            if (resource.getErrors().isEmpty() && (resource.getContents().size() != 1
                    || !(resource.getContents().get(0) instanceof ProvisioningModel))) {
                errors.add(new Problem(entry.getKey(), 0, 0, -1, 0, Problem.Severity.ERROR, "org.mexe.studio.generator.notAModel",
                        "The file does not hold one provisioning model (a ProvisioningModel root, namespace "
                                + "http://www.mexe.org/studio/provisioning/1.0): export it from a .prov file with prov export."));
            }
        }
        if (errors.isEmpty()) {
            for (var entry : xmi.entrySet()) {
                BasicDiagnostic diagnostics = Diagnostician.INSTANCE.createDefaultDiagnostic(entry.getValue().getContents().get(0));
                Diagnostician.INSTANCE.validate(entry.getValue().getContents().get(0), diagnostics);
                collectErrors(entry.getKey(), diagnostics, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT,
                    errors.size() + " error(s) in the XMI: nothing was imported.", errors, null);
        }

        // each model into a .prov resource of the output; references between them stay resolved
        Path base = commonFolder(files);
        Path target = outputDir.toAbsolutePath().normalize();
        Map<String, XtextResource> texts = new LinkedHashMap<>();
        for (var entry : xmi.entrySet()) {
            String relative = relativeName(base, entry.getKey(), XMI_EXTENSION, ProvisioningPipeline.FILE_EXTENSION);
            XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(target.resolve(relative).toString()));
            resource.getContents().add(entry.getValue().getContents().get(0));
            texts.put(slashes(Path.of(relative)), resource);
        }
        xmi.values().forEach(resourceSet.getResources()::remove);

        AtomicOutput output = new AtomicOutput();
        ISerializer serializer = injector.getInstance(ISerializer.class);
        Map<String, String> written = new LinkedHashMap<>();
        for (var entry : texts.entrySet()) {
            EObject model = entry.getValue().getContents().get(0);
            String text;
            try {
                text = serializer.serialize(model, SaveOptions.newBuilder().format().getOptions());
            } catch (RuntimeException e) {
                Path source = sourceOf(xmi, base, entry.getKey());
                throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "Nothing was imported.",
                        List.of(problem(source, e, "cannot be written as .prov text")), e);
            }
            written.put(entry.getKey(), text);
            output.add(entry.getKey(), text.getBytes(StandardCharsets.UTF_8));
        }
        List<Problem> warnings = checkReadsBack(texts, written, target);
        outputFolder.replaceWith(output);
        return new Result(outputDir, List.copyOf(output.files().keySet()), warnings);
    }

    /**
     * Parses the written texts again: they must give the imported models. Returns what the
     * language's own checks find in them, for the user to see.
     */
    private List<Problem> checkReadsBack(Map<String, XtextResource> imported, Map<String, String> texts, Path target)
            throws GenerationException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        Map<Path, XtextResource> reparsed = new LinkedHashMap<>();
        for (var entry : texts.entrySet()) {
            Path path = target.resolve(entry.getKey());
            XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(path.toString()));
            try {
                resource.load(new ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)), null);
            } catch (IOException e) {
                throw new GenerationException("Cannot read back the imported " + entry.getKey() + ": " + e.getMessage(), e);
            }
            reparsed.put(path, resource);
        }
        EcoreUtil.resolveAll(resourceSet);
        List<EObject> before = imported.values().stream().map(r -> r.getContents().get(0)).toList();
        List<EObject> after = reparsed.values().stream().map(r -> r.getContents().isEmpty() ? null : r.getContents().get(0)).toList();
        if (!EcoreUtil.equals(before, after)) {
            throw new GenerationException("The .prov text of the XMI does not read back as the same model: nothing was imported."
                    + " This is a fault of the tool; please report it with the XMI files.", null);
        }
        return new ProvisioningPipeline(injector).validate(new ProvisioningPipeline.LoadedInputs(resourceSet, reparsed)).stream()
                .filter(p -> p.severity() != Problem.Severity.INFO).toList();
    }

    /**
     * The Diagnostician's structural errors (a reference that does not resolve, a missing
     * mandatory value, a value outside its type) stop the import: the text could not say the
     * model. Findings of the metamodel's rules do not; the language's checks report them on the
     * written text, where they can be fixed.
     */
    private static void collectErrors(Path file, org.eclipse.emf.common.util.Diagnostic diagnostic, List<Problem> errors) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() >= org.eclipse.emf.common.util.Diagnostic.ERROR
                    && EObjectValidator.DIAGNOSTIC_SOURCE.equals(diagnostic.getSource())) {
                errors.add(new Problem(file, 0, 0, -1, 0, Problem.Severity.ERROR, diagnostic.getSource() + "." + diagnostic.getCode(),
                        structuralMessage(diagnostic) + where(diagnostic)));
            }
            return;
        }
        diagnostic.getChildren().forEach(child -> collectErrors(file, child, errors));
    }

    /** EMF's words for an unresolved href name Java objects; this names the href. */
    private static String structuralMessage(org.eclipse.emf.common.util.Diagnostic diagnostic) {
        if (diagnostic.getCode() == EObjectValidator.EOBJECT__EVERY_PROXY_RESOLVES && diagnostic.getData().size() >= 3
                && diagnostic.getData().get(1) instanceof EStructuralFeature feature && diagnostic.getData().get(2) instanceof EObject proxy) {
            return "The reference '" + feature.getName() + "' points to " + EcoreUtil.getURI(proxy)
                    + ", which none of the given files defines: give the file that defines it, or correct the href.";
        }
        return diagnostic.getMessage();
    }

    /** The element a finding is about, as the XMI names it. */
    private static String where(org.eclipse.emf.common.util.Diagnostic diagnostic) {
        return diagnostic.getData().stream().filter(EObject.class::isInstance).map(EObject.class::cast).findFirst()
                .filter(o -> o.eResource() != null)
                .map(o -> " (at " + o.eResource().getURIFragment(o) + ")").orElse("");
    }

    private static Problem problem(Path file, Resource.Diagnostic diagnostic) {
        int line = diagnostic instanceof XMIException x ? x.getLine() : diagnostic.getLine();
        int column = diagnostic instanceof XMIException x ? x.getColumn() : diagnostic.getColumn();
        return new Problem(file, Math.max(line, 0), Math.max(column, 0), -1, 0, Problem.Severity.ERROR,
                "org.mexe.studio.generator.invalidXmi", diagnostic.getMessage());
    }

    private static Problem problem(Path file, Throwable e, String what) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Problem(file, 0, 0, -1, 0, Problem.Severity.ERROR, "org.mexe.studio.generator.invalidXmi",
                "The file " + what + ": " + detail);
    }

    private static Path sourceOf(Map<Path, Resource> xmi, Path base, String relativeProv) {
        return xmi.keySet().stream()
                .filter(p -> slashes(Path.of(relativeName(base, p, XMI_EXTENSION, ProvisioningPipeline.FILE_EXTENSION))).equals(relativeProv))
                .findFirst().orElse(base.resolve(relativeProv));
    }

    // ---- Files -------------------------------------------------------------------------------

    /** Files with the extension, and those under folders, sorted so that every run reads them in the same order. */
    static List<Path> expand(List<Path> paths, String extension) throws GenerationException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                try (Stream<Path> walk = Files.walk(absolute)) {
                    walk.filter(p -> p.toString().endsWith(extension) && Files.isRegularFile(p)).forEach(files::add);
                } catch (IOException e) {
                    throw new GenerationException("Cannot read the folder " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(absolute) && absolute.toString().endsWith(extension)) {
                files.add(absolute);
            } else {
                throw new GenerationException(GenerationException.Reason.INVALID_INPUT, path
                        + (Files.exists(absolute) ? " is not a " + extension + " file." : " does not exist: give a " + extension
                                + " file or a folder that holds some."));
            }
        }
        if (files.isEmpty()) {
            throw new GenerationException(GenerationException.Reason.INVALID_INPUT, "No " + extension + " files found in " + paths + ".");
        }
        return List.copyOf(files);
    }

    /** The deepest folder that holds all the files: their paths below it are kept in the output. */
    static Path commonFolder(Collection<Path> files) {
        Path common = null;
        for (Path file : files) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = folder;
            } else {
                while (!folder.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common;
    }

    private static String relativeName(Path base, Path file, String from, String to) {
        String relative = slashes(base.relativize(file.toAbsolutePath().normalize()));
        return relative.substring(0, relative.length() - from.length()) + to;
    }

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

}

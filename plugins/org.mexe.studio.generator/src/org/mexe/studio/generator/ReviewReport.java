package org.mexe.studio.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.mexe.studio.diagram.DiagramLayout;
import org.mexe.studio.diagram.ProvisioningDiagrams;
import org.mexe.studio.diagram.SvgWriter;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SigningIdentity;

/**
 * The review report: one static HTML page, readable offline and without JavaScript, for a
 * reviewer who never opens Eclipse. It shows each scenario as a flow diagram laid out by ELK
 * (SVG inline), the trust relations, every parameter set with {@code extends} resolved and where
 * each value comes from, the handsets and what they receive, the validation findings, and the
 * inventory of the artefacts a generation would write. Deterministic: the same inputs give the
 * same bytes. Secrets appear only as the place they are read from, never as values.
 */
public final class ReviewReport {

    public static final String PAGE = "index.html";

    private final ProvisioningPipeline pipeline;

    public ReviewReport(ProvisioningPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What was written: the folder, and the counts the front door prints. */
    public record Result(Path outputDir, int scenarios, int findings, int errors, int artefacts) {
    }

    /**
     * Writes the report of {@code inputs} into {@code outputDir} (atomically: the old report or the
     * new one), which {@link OutputFolder} must allow under {@code permission} before any work starts.
     */
    public Result write(List<Path> inputs, Path outputDir, SecretResolver secrets, Optional<SigningIdentity> signer,
            OutputFolder.Permission permission) throws GenerationException {
        ProvisioningPipeline.LoadedInputs loaded = pipeline.load(inputs, secrets);
        OutputFolder folder = OutputFolder.claim(outputDir, OutputFolder.inputsOf(loaded), permission);
        List<Problem> problems = pipeline.validate(loaded);
        Path root = commonRoot(loaded.resources().keySet());
        Optional<ProvisioningPipeline.Produced> produced = Optional.empty();
        String notProduced = "";
        if (problems.stream().noneMatch(Problem::isError)) {
            try {
                // A fixed random source: PINs made here are never used, and the page must not change between runs.
                produced = Optional.of(pipeline.produce(loaded, problems, secrets, signer, new SplittableRandom(1)));
            } catch (GenerationException e) {
                notProduced = e.getMessage() + " " + e.problems().stream().map(p -> p.format()).collect(Collectors.joining("; "));
            }
        } else {
            notProduced = "The input has errors (see Findings): nothing can be generated until they are mended.";
        }
        Page page = new Page(root, loaded, problems, produced, notProduced, signer);
        AtomicOutput output = new AtomicOutput();
        output.add(PAGE, page.html().getBytes(StandardCharsets.UTF_8));
        folder.replaceWith(output);
        int errors = (int) problems.stream().filter(Problem::isError).count();
        return new Result(outputDir, page.scenarios().size(), problems.size(), errors,
                produced.map(p -> p.artefacts().files().size()).orElse(0));
    }

    private static Path commonRoot(java.util.Collection<Path> files) {
        Path root = null;
        for (Path file : files) {
            Path folder = file.getParent();
            if (root == null) {
                root = folder;
            } else {
                while (!folder.startsWith(root)) {
                    root = root.getParent();
                }
            }
        }
        return root;
    }

    /** The page itself; kept apart from the writing so that it reads top to bottom like the report. */
    private record Page(Path root, ProvisioningPipeline.LoadedInputs loaded, List<Problem> problems,
            Optional<ProvisioningPipeline.Produced> produced, String notProduced, Optional<SigningIdentity> signer) {

        List<Scenario> scenarios() {
            return elements(Scenario.class);
        }

        <T> List<T> elements(Class<T> type) {
            return loaded.models().stream().flatMap(m -> m.getElements().stream()).filter(type::isInstance).map(type::cast).toList();
        }

        String place(EObject element) {
            if (element == null || element.eResource() == null) {
                return null;
            }
            Path file = Path.of(element.eResource().getURI().toFileString());
            ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
            return relative(file) + (node == null ? "" : ":" + node.getStartLine());
        }

        String relative(Path file) {
            return root.relativize(file).toString();
        }

        String html() {
            StringBuilder html = new StringBuilder();
            html.append("""
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                    <meta charset="utf-8">
                    <title>Provisioning review</title>
                    <style>
                    body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #202124; max-width: 1200px; }
                    h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
                    table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: .9em; }
                    th, td { border: 1px solid #ddd; padding: .25em .5em; text-align: left; vertical-align: top; }
                    th { background: #f1f3f4; } code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: .95em; }
                    figure { margin: 1em 0; overflow-x: auto; break-inside: avoid; } figcaption { font-size: .85em; color: #555; }
                    .error { color: #b00020; font-weight: bold; } .warning { color: #a05a00; } .info { color: #555; }
                    nav ul { columns: 2; } .muted { color: #666; }
                    @media print { body { margin: 0; } nav { display: none; } h2 { break-before: page; } svg { max-width: 100%; height: auto; } }
                    </style>
                    </head>
                    <body>
                    """);
            html.append("<h1>Provisioning review</h1>\n");
            html.append("<p>").append(loaded.resources().size()).append(" source file(s) under <code>").append(e(root.getFileName() == null
                    ? root.toString() : root.getFileName().toString())).append("</code>: ").append(scenarios().size())
                    .append(" scenario(s), ").append(elements(ParameterSet.class).size()).append(" parameter set(s), ")
                    .append(elements(HandsetProfile.class).size()).append(" handset(s); ").append(count(Problem.Severity.ERROR))
                    .append(" error(s), ").append(count(Problem.Severity.WARNING)).append(" warning(s), ")
                    .append(count(Problem.Severity.INFO)).append(" note(s).</p>\n");
            html.append("""
                    <nav><ul>
                    <li><a href="#scenarios">Scenarios</a></li>
                    <li><a href="#trust">Trust</a></li>
                    <li><a href="#parameters">Parameter sets</a></li>
                    <li><a href="#handsets">Handsets</a></li>
                    <li><a href="#findings">Findings</a></li>
                    <li><a href="#artefacts">Artefacts</a></li>
                    <li><a href="#sources">Sources</a></li>
                    </ul></nav>
                    """);
            scenariosSection(html);
            trustSection(html);
            parametersSection(html);
            handsetsSection(html);
            findingsSection(html);
            artefactsSection(html);
            sourcesSection(html);
            html.append("</body>\n</html>\n");
            return html.toString();
        }

        private long count(Problem.Severity severity) {
            return problems.stream().filter(p -> p.severity() == severity).count();
        }

        private void scenariosSection(StringBuilder html) {
            html.append("<h2 id=\"scenarios\">Scenarios</h2>\n");
            List<StageReport> reports = produced.map(p -> p.context().stageReports()).orElse(List.of());
            if (produced.isEmpty()) {
                html.append("<p class=\"muted\">").append(e(notProduced)).append("</p>\n");
            }
            for (Scenario scenario : scenarios()) {
                String name = GenerationContext.scenarioName(scenario);
                html.append("<h3 id=\"").append(e(anchor("scenario", name))).append("\">").append(e(name)).append("</h3>\n");
                html.append("<p class=\"muted\">").append(e(place(scenario))).append("; provider ")
                        .append(e(scenario.getProvider() == null ? "none" : scenario.getProvider().getName())).append("; handsets ")
                        .append(e(scenario.getHandsets().stream().map(Element::getName).collect(Collectors.joining(", "))))
                        .append("</p>\n");
                var diagram = ProvisioningDiagrams.scenarioFlow(scenario, stage -> produced(reports, name, stage), this::place);
                figure(html, SvgWriter.write(DiagramLayout.layout(diagram, true)), "The stages of " + name
                        + " in order, with what each one produced; below them the server, bootstrap and components they use.");
                html.append("<table><tr><th>stage</th><th>what generation produced</th></tr>\n");
                for (StageReport report : reports.stream().filter(r -> r.scenario().equals(name)).toList()) {
                    html.append("<tr><td>").append(report.stage()).append("</td><td>").append(e(report.summary()));
                    for (String written : report.written()) {
                        html.append("<br><code>").append(e(written)).append("</code>");
                    }
                    html.append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
        }

        private List<String> produced(List<StageReport> reports, String scenario, Stage stage) {
            int number = GenerationContext.stageNumber(stage);
            List<StageReport> mine = reports.stream().filter(r -> r.scenario().equals(scenario) && r.stage() == number).toList();
            if (mine.size() > 1) {
                return List.of("→ " + mine.size() + " messages, " + mine.get(0).summary().replaceAll(" MAC=\\S+", ""));
            }
            return mine.stream().map(r -> "→ " + r.summary().replaceAll(" MAC=\\S+", "")).toList();
        }

        private void trustSection(StringBuilder html) {
            html.append("<h2 id=\"trust\">Trust</h2>\n");
            var diagram = ProvisioningDiagrams.trust(loaded.models(), this::place);
            if (diagram.nodes().isEmpty()) {
                html.append("<p class=\"muted\">No parties, certificates or security domains are declared.</p>\n");
                return;
            }
            figure(html, SvgWriter.write(DiagramLayout.layout(diagram, true)),
                    "Parties own certificates; security domains have roots; handsets trust domains; applications run in a domain and are signed by a certificate.");
        }

        private void parametersSection(StringBuilder html) {
            html.append("<h2 id=\"parameters\">Parameter sets</h2>\n");
            html.append("<p>Every value a set delivers once <code>extends</code> is resolved, and the set it comes from."
                    + " Secrets show where they are read from, never their value.</p>\n");
            for (ParameterSet set : elements(ParameterSet.class)) {
                String name = ProvisioningDiagrams.qualifiedName(set);
                html.append("<h3 id=\"").append(e(anchor("parameters", name))).append("\">").append(e(name)).append("</h3>\n");
                EffectiveParameters effective;
                try {
                    effective = EffectiveParameters.of(set);
                } catch (IllegalArgumentException unresolved) {
                    html.append("<p class=\"error\">").append(e(unresolved.getMessage())).append("</p>\n");
                    continue;
                }
                html.append("<p class=\"muted\">").append(e(place(set))).append("; chain ")
                        .append(e(effective.chain().stream().map(Element::getName).collect(Collectors.joining(" → ")))).append("</p>\n");
                html.append("<table><tr><th>parameter</th><th>value</th><th>from</th></tr>\n");
                for (String[] row : rows(effective)) {
                    html.append("<tr><td><code>").append(e(row[0])).append("</code></td><td class=\"mono\">").append(e(row[1]))
                            .append("</td><td>").append(e(row[2])).append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
        }

        /** Rows of (path, value, origin set) over the merged set, in the metamodel's feature order. */
        private List<String[]> rows(EffectiveParameters effective) {
            List<String[]> rows = new ArrayList<>();
            walk(effective, effective.merged(), "", List.of(), rows);
            return rows;
        }

        private void walk(EffectiveParameters effective, EObject object, String prefix, List<EStructuralFeature> path,
                List<String[]> rows) {
            for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
                if (feature == ProvisioningPackage.Literals.PARAMETER_SET__BASE
                        || feature == ProvisioningPackage.Literals.ELEMENT__NAME || !object.eIsSet(feature)) {
                    continue;
                }
                String here = prefix.isEmpty() ? feature.getName() : prefix + "." + feature.getName();
                List<EStructuralFeature> featurePath = new ArrayList<>(path);
                featurePath.add(feature);
                Object value = object.eGet(feature);
                if (feature instanceof EReference reference && reference.isContainment()) {
                    List<EObject> children = reference.isMany() ? (List<EObject>) value : List.of((EObject) value);
                    int index = 0;
                    for (EObject child : children) {
                        if (child instanceof SecretRef secret) {
                            rows.add(new String[] { here, "secret from " + secret.getSource().getName().toLowerCase(java.util.Locale.ROOT)
                                    + " \"" + secret.getLocation() + "\"", origin(effective, featurePath) });
                        } else {
                            walk(effective, child, reference.isMany() ? here + "[" + index + "]" : here, featurePath, rows);
                        }
                        index++;
                    }
                } else {
                    rows.add(new String[] { here, text(value), origin(effective, featurePath) });
                }
            }
        }

        /** The first set of the chain that writes this feature itself. */
        private String origin(EffectiveParameters effective, List<EStructuralFeature> path) {
            for (ParameterSet set : effective.chain()) {
                if (writes(set, path, 0)) {
                    return set.getName() + " (" + place(set) + ")";
                }
            }
            return "";
        }

        private static boolean writes(EObject object, List<EStructuralFeature> path, int index) {
            EStructuralFeature feature = path.get(index);
            if (!object.eIsSet(feature)) {
                return false;
            }
            if (index == path.size() - 1) {
                return true;
            }
            Object value = object.eGet(feature);
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(child -> child instanceof EObject e && writes(e, path, index + 1));
            }
            return value instanceof EObject child && writes(child, path, index + 1);
        }

        private static String text(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(Page::text).collect(Collectors.joining(", "));
            }
            if (value instanceof Element element) {
                return ProvisioningDiagrams.qualifiedName(element);
            }
            if (value instanceof Enumerator literal) {
                return literal.getLiteral();
            }
            return String.valueOf(value);
        }

        private void handsetsSection(StringBuilder html) {
            html.append("<h2 id=\"handsets\">Handsets</h2>\n");
            html.append("<table><tr><th>handset</th><th>classmarks</th><th>formats</th><th>SMS segment limit</th>"
                    + "<th>trusted domains</th><th>receives</th></tr>\n");
            List<DeliverySummary> deliveries = produced.map(p -> p.context().deliveries()).orElse(List.of());
            for (HandsetProfile handset : elements(HandsetProfile.class)) {
                int limit = DeliveryPayload.segmentLimit(handset);
                List<String> receives = new ArrayList<>();
                for (Scenario scenario : scenarios()) {
                    if (!scenario.getHandsets().contains(handset)) {
                        continue;
                    }
                    String name = GenerationContext.scenarioName(scenario);
                    for (Stage stage : scenario.getStages()) {
                        if (stage instanceof ParameterDelivery) {
                            int number = GenerationContext.stageNumber(stage);
                            List<DeliverySummary> mine = deliveries.stream()
                                    .filter(d -> d.scenario().equals(name) && d.stage() == number).toList();
                            int most = mine.stream().mapToInt(DeliverySummary::smsCount).max().orElse(0);
                            receives.add(name + " stage " + number + ": " + (mine.isEmpty() ? "not generated"
                                    : most + " SMS of " + limit + (most > limit ? " — OVER THE LIMIT" : "")));
                        } else {
                            receives.add(name + " stage " + GenerationContext.stageNumber(stage) + ": " + stage.eClass().getName());
                        }
                    }
                }
                html.append("<tr><td id=\"").append(e(anchor("handset", ProvisioningDiagrams.qualifiedName(handset)))).append("\">")
                        .append(e(handset.getName())).append("<br><span class=\"muted\">").append(e(place(handset)))
                        .append("</span></td><td>").append(e(text(handset.getClassmarks()))).append("</td><td>")
                        .append(e(text(handset.getFormats()))).append("</td><td>").append(limit).append("</td><td>")
                        .append(e(text(handset.getTrustedDomains()))).append("</td><td>")
                        .append(receives.stream().map(Page::e).collect(Collectors.joining("<br>"))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        private void findingsSection(StringBuilder html) {
            html.append("<h2 id=\"findings\">Findings</h2>\n");
            if (problems.isEmpty()) {
                html.append("<p>No errors, warnings or notes.</p>\n");
                return;
            }
            html.append("<table><tr><th>severity</th><th>code</th><th>where</th><th>message</th></tr>\n");
            for (Problem problem : problems) {
                String severity = problem.severity().name().toLowerCase(java.util.Locale.ROOT);
                html.append("<tr><td class=\"").append(severity).append("\">").append(severity).append("</td><td><code>")
                        .append(e(String.valueOf(problem.code()))).append("</code></td><td>").append(e(relative(problem.file())))
                        .append(':').append(problem.line()).append(':').append(problem.column()).append("</td><td>")
                        .append(e(problem.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        private void artefactsSection(StringBuilder html) {
            html.append("<h2 id=\"artefacts\">Artefacts</h2>\n");
            if (produced.isEmpty()) {
                html.append("<p class=\"muted\">").append(e(notProduced)).append("</p>\n");
                return;
            }
            Map<String, byte[]> files = produced.get().artefacts().files();
            html.append("<p>").append(files.size()).append(" file(s), ").append(files.values().stream().mapToLong(b -> b.length).sum())
                    .append(" bytes, as <code>prov generate</code> writes them for these sources. Manifest: ")
                    .append(e(signer.map(s -> "signed (CMS) by " + s.certificate().getSubjectX500Principal().getName())
                            .orElse("not signed: generate with a signing keystore to sign it")))
                    .append(".</p>\n");
            html.append("<table><tr><th>file</th><th>bytes</th><th>SHA-256</th></tr>\n");
            files.forEach((path, bytes) -> {
                boolean pins = path.equals(ProvisioningPipeline.USER_PINS);
                html.append("<tr><td><code>").append(e(path)).append("</code>").append(pins ? " (generated PINs: owner-only, not shown)" : "")
                        .append("</td><td>").append(bytes.length).append("</td><td class=\"mono\">")
                        .append(pins ? "" : sha256(bytes)).append("</td></tr>\n");
            });
            html.append("</table>\n");
        }

        private void sourcesSection(StringBuilder html) {
            html.append("<h2 id=\"sources\">Sources</h2>\n<ul>\n");
            for (var entry : loaded.resources().entrySet()) {
                ProvisioningModel model = entry.getValue().getContents().isEmpty() ? null
                        : (ProvisioningModel) entry.getValue().getContents().get(0);
                html.append("<li><code>").append(e(relative(entry.getKey()))).append("</code>")
                        .append(model == null ? "" : " — namespace " + e(model.getName())).append("</li>\n");
            }
            html.append("</ul>\n");
        }

        private static void figure(StringBuilder html, String svg, String caption) {
            html.append("<figure>\n").append(svg).append("<figcaption>").append(e(caption)).append("</figcaption>\n</figure>\n");
        }

        private static String anchor(String kind, String name) {
            return kind + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
        }

        private static String e(String text) {
            return text == null ? "" : SvgWriter.escape(text);
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

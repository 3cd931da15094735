package org.mexe.studio.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mexe.studio.bootstrap.MidletSuiteBuilder;
import org.mexe.studio.bootstrap.ToolchainException;
import org.mexe.studio.generator.bootstrap.BootstrapFlow;
import org.mexe.studio.generator.bootstrap.CliStub;
import org.mexe.studio.generator.bootstrap.MidletSource;
import org.mexe.studio.generator.bootstrap.WmlDeck;
import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapAction;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.CollectInformation;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.HostedContent;
import org.mexe.studio.model.provisioning.MexeComponent;
import org.mexe.studio.model.provisioning.OfferChoices;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.Permission;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.UpdatePhoneParameters;
import org.mexe.studio.model.provisioning.UpdateSimParameters;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.MidletSuiteSigner;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SigningIdentity;

/**
 * The bootstrap applications and components, per classmark: for classmark 3 a MIDlet (source,
 * preverified JAR, signed JAD) built with {@link MidletSuiteBuilder}; for classmark 1 a WML deck
 * and its WMLC; for classmark 4 a C# source stub; classmark 2 is reported as not generated. Every
 * build goes to {@code applications/<Name>/classmark-N/}; every application a server hosts also
 * goes to {@code servers/<Server>/htdocs/<path>} with a JAD whose {@code MIDlet-Jar-URL} and
 * {@code MIDlet-Install-Notify} point at that server. Reports the {@code download}, {@code run}
 * and {@code install} stages. Runs before the server contributor, which serves what is here.
 */
final class BootstrapContributor implements ArtefactContributor {

    static final String APPLICATIONS = "applications";
    static final String SERVERS = "servers";
    static final String HTDOCS = "htdocs";
    static final String INSTALL_NOTIFY = "install-notify";
    static final String CODE = "org.mexe.studio.generator.bootstrap";

    /** The suite version in every JAD and manifest: the model has none, and it must not change between runs. */
    static final String SUITE_VERSION = "1.0.0";

    /** What was built for one application. */
    private record Built(Application application, Map<Integer, String> byClassmark, Map<Integer, String> notBuilt,
            List<String> files, Map<String, String> hostedJads, int jarSize, String signer) {
    }

    @Override
    public void contribute(GenerationContext context, AtomicOutput output) throws GenerationException {
        List<Application> applications = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        for (ProvisioningModel model : context.models()) {
            for (var element : model.getElements()) {
                switch (element) {
                    case Application application -> applications.add(application);
                    case Scenario scenario -> scenarios.add(scenario);
                    case Server server -> servers.add(server);
                    default -> {
                    }
                }
            }
        }
        Map<Application, Built> built = new LinkedHashMap<>();
        for (Application application : applications) {
            built.put(application, build(context, output, application, scenarios, servers));
        }
        for (Scenario scenario : scenarios) {
            for (Stage stage : scenario.getStages()) {
                switch (stage) {
                    case BootstrapDownload download -> reportDownload(context, scenario, download, built);
                    case BootstrapActions run -> reportRun(context, run, built);
                    case ComponentDownload install -> reportInstall(context, install, built);
                    default -> {
                    }
                }
            }
        }
    }

    // ---- Building ------------------------------------------------------------------------------

    private Built build(GenerationContext context, AtomicOutput output, Application application, List<Scenario> scenarios,
            List<Server> servers) throws GenerationException {
        Map<Integer, String> byClassmark = new LinkedHashMap<>();
        Map<Integer, String> notBuilt = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        Map<String, String> hostedJads = new LinkedHashMap<>();
        int jarSize = 0;
        String signerName = "";
        List<BootstrapFlow> flows = flows(application, scenarios, servers);
        List<Hosting> hostings = hostings(application, servers);
        for (int classmark : classmarks(application, scenarios)) {
            String folder = APPLICATIONS + "/" + application.getName() + "/classmark-" + classmark;
            switch (classmark) {
                case 3 -> {
                    Suite suite = midlet(context, application, flows, hostings, folder, output, files, hostedJads);
                    jarSize = suite.jarSize();
                    signerName = suite.signer();
                    byClassmark.put(3, "MIDlet " + suite.className() + ", " + suite.jarSize() + "-byte JAR, " + suite.signer());
                }
                case 1 -> {
                    int wmlcBytes = 0;
                    List<BootstrapFlow> named = flows.isEmpty() ? List.of(BootstrapFlow.empty(application.getName())) : flows;
                    for (int i = 0; i < named.size(); i++) {
                        // One deck per scenario that runs the application, named as its JADs are.
                        String suffix = i == 0 ? "" : "-" + named.get(i).name();
                        String midletJad = classmarks(application, scenarios).contains(3) && !hostings.isEmpty()
                                ? hostings.get(0).jadUrlFor(suffix) : "";
                        WmlDeck.Deck deck = WmlDeck.generate(application.getName(), kind(application), named.get(i), midletJad,
                                hostings.isEmpty() ? "" : hostings.get(0).statusUrl());
                        String stem = folder + "/" + application.getName() + suffix;
                        add(output, files, stem + ".wml", deck.wml().getBytes(StandardCharsets.UTF_8));
                        add(output, files, stem + ".wmlc", deck.wmlc());
                        for (Hosting hosting : hostings) {
                            add(output, files, hosting.htdocsStem() + suffix + ".wml", deck.wml().getBytes(StandardCharsets.UTF_8));
                            add(output, files, hosting.htdocsStem() + suffix + ".wmlc", deck.wmlc());
                        }
                        wmlcBytes = Math.max(wmlcBytes, deck.wmlc().length);
                    }
                    byClassmark.put(1, "WML deck" + (named.size() > 1 ? "s" : "") + ", up to " + wmlcBytes + " WMLC bytes");
                }
                case 4 -> {
                    String source = CliStub.generate(application.getName(), kind(application), originOf(application), flows,
                            hostings.isEmpty() ? "" : hostings.get(0).statusUrl());
                    add(output, files, folder + "/" + application.getName() + ".cs", source.getBytes(StandardCharsets.UTF_8));
                    byClassmark.put(4, "C# source stub (CLI), compile with mcs or csc");
                }
                case 2 -> notBuilt.put(2, "classmark 2 (PersonalJava) not generated: no PersonalJava API jars exist on Maven Central"
                        + " or in Debian to compile and check a stub against, and an unchecked stub would mislead");
                default -> notBuilt.put(classmark, "classmark " + classmark + " is not a MExE classmark (1 to 4)");
            }
        }
        return new Built(application, byClassmark, notBuilt, files, hostedJads, jarSize, signerName);
    }

    /** One place a server hosts the application: URLs on the server and the htdocs path. */
    record Hosting(Server server, String path) {

        String jadPath() {
            String trimmed = path.strip().replaceFirst("^/+", "");
            return trimmed.endsWith(".jad") ? trimmed : trimmed + ".jad";
        }

        String jarPath() {
            return jadPath().substring(0, jadPath().length() - ".jad".length()) + ".jar";
        }

        String baseUrl() {
            String base = server.getBaseUrl() == null ? "" : server.getBaseUrl().strip();
            return base.endsWith("/") ? base : base + "/";
        }

        String jadUrl() {
            return baseUrl() + jadPath();
        }

        /** The JAD of one flow: the hosted path for the first, {@code <stem>-<Flow>.jad} for the others. */
        String jadUrlFor(String suffix) {
            return suffix.isEmpty() ? jadUrl() : baseUrl() + jadPath().replaceFirst("\\.jad$", "") + suffix + ".jad";
        }

        String jarUrl() {
            return baseUrl() + jarPath();
        }

        /** As the server contributor and {@code prov serve} expect: the hosted path followed by /install-notify. */
        String statusUrl() {
            return jadUrl() + "/" + INSTALL_NOTIFY;
        }

        String htdocs() {
            return SERVERS + "/" + server.getName() + "/" + HTDOCS + "/";
        }

        String htdocsStem() {
            return htdocs() + jadPath().substring(0, jadPath().length() - ".jad".length());
        }
    }

    private record Suite(String className, int jarSize, String signer) {
    }

    private Suite midlet(GenerationContext context, Application application, List<BootstrapFlow> flows, List<Hosting> hostings,
            String folder, AtomicOutput output, List<String> files, Map<String, String> hostedJads) throws GenerationException {
        String namespace = ((ProvisioningModel) application.eContainer()).getName();
        String className = MidletSource.className(namespace, application.getName());
        String source = MidletSource.generate(className, application.getName(), kind(application), originOf(application), flows,
                hostings.isEmpty() ? "" : hostings.get(0).statusUrl());
        add(output, files, folder + "/src/" + MidletSource.sourcePath(className), source.getBytes(StandardCharsets.UTF_8));

        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("MIDlet-Name", application.getName());
        manifest.put("MIDlet-Vendor", vendor(application));
        manifest.put("MIDlet-Version", SUITE_VERSION);
        manifest.put("MIDlet-1", application.getName() + ", , " + className);
        manifest.put("MicroEdition-Profile", "MIDP-2.0");
        manifest.put("MicroEdition-Configuration", "CLDC-1.1");
        String permissions = permissions(application);
        if (!permissions.isEmpty()) {
            manifest.put("MIDlet-Permissions", permissions);
        }
        byte[] jar;
        try {
            jar = MidletSuiteBuilder.build(java.util.Map.of(MidletSource.sourcePath(className), source), manifest);
        } catch (ToolchainException e) {
            throw Locations.cannotGenerate(application, CODE, "The MIDlet of " + application.getName() + " cannot be built: "
                    + e.getMessage(), e);
        }
        checkJarSize(application, jar.length, hostings);
        Optional<SigningIdentity> signer = signer(context, application);
        String signedBy = signer.map(s -> "signed by " + s.certificate().getSubjectX500Principal().getName())
                .orElse("UNSIGNED (" + unsignedReason(application) + ")");

        String jarName = application.getName() + ".jar";
        add(output, files, folder + "/" + jarName, jar);
        add(output, files, folder + "/" + application.getName() + ".jad", jad(manifest, jarName, null, null, jar, signer));
        for (Hosting hosting : hostings) {
            add(output, files, hosting.htdocs() + hosting.jarPath(), jar);
            List<BootstrapFlow> named = flows.isEmpty() ? List.of(BootstrapFlow.empty(application.getName())) : flows;
            for (int i = 0; i < named.size(); i++) {
                // One JAD per scenario that runs the application: the JAD picks its flow, the JAR is shared.
                String suffix = i == 0 ? "" : "-" + named.get(i).name();
                String jadPath = hosting.jadPath().replaceFirst("\\.jad$", "") + suffix + ".jad";
                String flow = flows.isEmpty() ? null : named.get(i).name();
                add(output, files, hosting.htdocs() + jadPath, jad(manifest, hosting.jarUrl(), hosting.jadUrlFor(suffix) + "/" + INSTALL_NOTIFY,
                        flow, jar, signer));
                hostedJads.put(hosting.server().getName() + "/" + (flow == null ? "" : flow), hosting.baseUrl() + jadPath);
            }
        }
        return new Suite(className, jar.length, signedBy);
    }

    private static byte[] jad(Map<String, String> manifest, String jarUrl, String installNotify, String flow, byte[] jar,
            Optional<SigningIdentity> signer) throws GenerationException {
        Map<String, String> attributes = new LinkedHashMap<>(manifest);
        attributes.put("MIDlet-Jar-URL", jarUrl);
        attributes.put(MidletSuiteSigner.JAR_SIZE, Integer.toString(jar.length));
        if (installNotify != null) {
            attributes.put("MIDlet-Install-Notify", installNotify);
        }
        if (flow != null) {
            attributes.put(MidletSource.FLOW_ATTRIBUTE, flow);
        }
        MidletSuiteSigner.Jad jad = new MidletSuiteSigner.Jad(attributes);
        if (signer.isPresent()) {
            try {
                jad = MidletSuiteSigner.sign(jad, jar, signer.get());
            } catch (KeystoreException e) {
                throw new GenerationException(GenerationException.Reason.CANNOT_GENERATE, e.getMessage());
            }
        }
        return jad.bytes();
    }

    /** MIDP 2.0 permissions the MIDlet uses: HTTP for its reports, when its domain allows network access. */
    private static String permissions(Application application) {
        var domain = application.getDomain();
        boolean network = domain == null || domain.eIsProxy() || domain.getPermissions().isEmpty()
                || domain.getPermissions().contains(Permission.NETWORK_ACCESS);
        return network ? "javax.microedition.io.Connector.http" : "";
    }

    /** The signer's key from its keystore, the password from where the model says. Empty when the model gives none. */
    private static Optional<SigningIdentity> signer(GenerationContext context, Application application) throws GenerationException {
        Certificate certificate = application.getSigner();
        if (certificate == null || certificate.eIsProxy() || certificate.getKeystore() == null || certificate.getAlias() == null) {
            return Optional.empty();
        }
        var keystore = certificate.getKeystore();
        if (keystore.getPath() == null || keystore.getPassword() == null) {
            throw Locations.cannotGenerate(keystore, CODE, "The keystore " + keystore.getName() + " needs a 'file' and a 'password' to sign "
                    + application.getName() + ".", null);
        }
        Path file = Locations.file(keystore).getParent().resolve(keystore.getPath()).normalize();
        var ref = keystore.getPassword();
        SecretLocation password = switch (ref.getSource()) {
            case ENV -> new SecretLocation.Environment(ref.getLocation());
            case FILE -> new SecretLocation.File(Locations.file(ref).getParent().resolve(ref.getLocation()).normalize());
        };
        try {
            return Optional.of(Keystores.signingIdentity(file, certificate.getAlias(), password, context.secrets()));
        } catch (SecretUnavailableException e) {
            throw Locations.cannotGenerate(ref, GenerationException.UNAVAILABLE_SECRET, e.getMessage(), e);
        } catch (KeystoreException e) {
            throw Locations.cannotGenerate(application, GenerationException.UNUSABLE_SECRET, "The signer " + certificate.getName() + " of "
                    + application.getName() + " cannot sign: " + e.getMessage(), e);
        }
    }

    private static String unsignedReason(Application application) {
        Certificate certificate = application.getSigner();
        if (certificate == null) {
            return "no 'signed-by': the phone puts it in its untrusted domain";
        }
        return certificate.getName() + " is a certificate file without a key; its owner signs the suite with prov jad sign";
    }

    /** A JAR larger than a target handset installs is an error: the handset would refuse it after the download. */
    private static void checkJarSize(Application application, int size, List<Hosting> hostings) throws GenerationException {
        for (HandsetProfile handset : targetHandsets(application)) {
            if (handset.isSetMaxJarSize() && size > handset.getMaxJarSize()) {
                throw Locations.cannotGenerate(application, CODE, "The MIDlet JAR of " + application.getName() + " has " + size
                        + " bytes, more than the " + handset.getMaxJarSize() + " bytes the handset " + handset.getName()
                        + " installs ('max-jar'): make the application smaller or leave " + handset.getName() + " out of its scenarios.", null);
            }
        }
    }

    // ---- Reading the model ---------------------------------------------------------------------

    /**
     * The classmarks to build: the application's own and, for a bootstrap application, every
     * classmark of the handsets of the scenarios that download or run it (a multi-classmark
     * handset gets each form, and its default classmark says which is sent first).
     */
    static Set<Integer> classmarks(Application application, List<Scenario> scenarios) {
        Set<Integer> classmarks = new TreeSet<>();
        if (application.getClassmark() >= 1 && application.getClassmark() <= 4) {
            classmarks.add(application.getClassmark());
        }
        if (application instanceof BootstrapApplication) {
            for (HandsetProfile handset : targetHandsets(application)) {
                classmarks.addAll(handset.getClassmarks());
            }
        }
        if (classmarks.isEmpty()) {
            classmarks.add(3); // a bootstrap with no classmark and no handsets: MIDP is what MExE bootstraps are
        }
        return classmarks;
    }

    /** The handsets of every scenario that downloads, runs, orders or installs the application. */
    static Set<HandsetProfile> targetHandsets(Application application) {
        Set<HandsetProfile> handsets = new LinkedHashSet<>();
        ProvisioningModel model = (ProvisioningModel) application.eContainer();
        var resourceSet = model.eResource() == null ? null : model.eResource().getResourceSet();
        List<Scenario> scenarios = new ArrayList<>();
        if (resourceSet != null) {
            resourceSet.getResources().forEach(r -> r.getContents().stream().filter(ProvisioningModel.class::isInstance)
                    .flatMap(m -> ((ProvisioningModel) m).getElements().stream()).filter(Scenario.class::isInstance)
                    .forEach(s -> scenarios.add((Scenario) s)));
        }
        for (Scenario scenario : scenarios) {
            if (uses(scenario, application)) {
                scenario.getHandsets().stream().filter(h -> !h.eIsProxy()).forEach(handsets::add);
            }
        }
        return handsets;
    }

    private static boolean uses(Scenario scenario, Application application) {
        for (Stage stage : scenario.getStages()) {
            boolean uses = switch (stage) {
                case BootstrapDownload d -> d.getApplication() == application;
                case BootstrapActions r -> r.getApplication() == application || r.getActions().stream()
                        .anyMatch(a -> a instanceof OrderComponents o && o.getComponents().contains(application));
                case ComponentDownload i -> i.getComponents().contains(application);
                default -> false;
            };
            if (uses) {
                return true;
            }
        }
        return false;
    }

    private static List<Hosting> hostings(Application application, List<Server> servers) {
        List<Hosting> hostings = new ArrayList<>();
        for (Server server : servers) {
            for (HostedContent content : server.getContent()) {
                if (content.getApplication() == application && content.getPath() != null) {
                    hostings.add(new Hosting(server, content.getPath()));
                }
            }
        }
        return hostings;
    }

    /** The run stages of a bootstrap application, one flow per scenario; a component has none. */
    private static List<BootstrapFlow> flows(Application application, List<Scenario> scenarios, List<Server> servers) {
        List<BootstrapFlow> flows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (Stage stage : scenario.getStages()) {
                if (stage instanceof BootstrapActions run && run.getApplication() == application) {
                    flows.add(flow(scenario.getName(), run, servers));
                }
            }
        }
        return flows;
    }

    private static BootstrapFlow flow(String name, BootstrapActions run, List<Server> servers) {
        List<String> choices = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> phone = new ArrayList<>();
        List<String> sim = new ArrayList<>();
        List<BootstrapFlow.Component> components = new ArrayList<>();
        for (BootstrapAction action : run.getActions()) {
            switch (action) {
                case OfferChoices offer -> choices.addAll(offer.getChoices());
                case CollectInformation collect -> fields.addAll(collect.getItems());
                case UpdatePhoneParameters update -> update.getParameterSets().forEach(p -> phone.add(p.getName()));
                case UpdateSimParameters update -> update.getParameterSets().forEach(p -> sim.add(p.getName()));
                case OrderComponents order -> order.getComponents().forEach(c -> components.add(new BootstrapFlow.Component(c.getName(),
                        hostings(c, servers).stream().findFirst().map(Hosting::jadUrl).orElse(""))));
                default -> {
                }
            }
        }
        return new BootstrapFlow(name, choices, fields, phone, sim, components);
    }

    /**
     * The classmark a multi-classmark handset gets first: the {@code default-classmark} of the
     * parameter sets the scenario sends it (delivered or set by the bootstrap), else the
     * application's own.
     */
    static Optional<Integer> defaultClassmark(Scenario scenario) {
        List<ParameterSet> sets = new ArrayList<>();
        for (Stage stage : scenario.getStages()) {
            if (stage instanceof ParameterDelivery delivery) {
                sets.addAll(delivery.getParameterSets());
            } else if (stage instanceof BootstrapActions run) {
                run.getActions().stream().filter(UpdatePhoneParameters.class::isInstance)
                        .forEach(a -> sets.addAll(((UpdatePhoneParameters) a).getParameterSets()));
            }
        }
        Optional<Integer> found = Optional.empty();
        for (ParameterSet set : sets) {
            if (set.eIsProxy()) {
                continue;
            }
            ParameterSet merged = EffectiveParameters.of(set).merged();
            if (merged.isSetDefaultClassmark()) {
                found = Optional.of(merged.getDefaultClassmark()); // the last one the handset receives wins
            }
        }
        return found;
    }

    private static String vendor(Application application) {
        var vendor = application.getVendor();
        if (vendor == null || vendor.eIsProxy()) {
            return ((ProvisioningModel) application.eContainer()).getName();
        }
        return vendor.getDisplayName() != null ? vendor.getDisplayName() : vendor.getName();
    }

    private static String kind(Application application) {
        return application instanceof MexeComponent ? "component" : "bootstrap application";
    }

    private static String originOf(Application application) {
        return ((ProvisioningModel) application.eContainer()).getName() + "." + application.getName() + " in "
                + Locations.file(application).getFileName();
    }

    private static void add(AtomicOutput output, List<String> files, String path, byte[] content) {
        output.add(path, content);
        files.add(path);
    }

    // ---- Stage reports -------------------------------------------------------------------------

    private static void reportDownload(GenerationContext context, Scenario scenario, BootstrapDownload download, Map<Application, Built> built) {
        Built app = built.get(download.getApplication());
        if (app == null) {
            context.report(download, "nothing generated: the bootstrap application is not resolved", List.of());
            return;
        }
        StringBuilder summary = new StringBuilder(app.application().getName()).append(": ");
        summary.append(app.byClassmark().entrySet().stream().map(e -> "classmark " + e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; ")));
        app.notBuilt().values().forEach(reason -> summary.append("; ").append(reason));
        Optional<Integer> preferred = defaultClassmark(scenario);
        for (HandsetProfile handset : scenario.getHandsets()) {
            if (!handset.eIsProxy() && handset.getClassmarks().size() > 1) {
                int first = preferred.filter(handset.getClassmarks()::contains).orElse(app.application().getClassmark());
                summary.append("; ").append(handset.getName()).append(" has classmarks ")
                        .append(handset.getClassmarks().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .append(": default classmark ").append(first)
                        .append(preferred.isPresent() ? "" : " (the application's own; no delivered set gives default-classmark)")
                        .append(" sends ").append(first == 1 ? "the WML deck" : first == 3 ? "the MIDlet" : "classmark " + first).append(" first");
            }
        }
        String flow = scenario.getName();
        List<String> urls = app.hostedJads().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + flow) || e.getKey().endsWith("/")).map(Map.Entry::getValue).distinct().toList();
        if (!urls.isEmpty()) {
            summary.append("; the handset fetches ").append(String.join(", ", urls));
        }
        context.report(download, summary.toString(), app.files().stream().filter(f -> !f.contains("/src/")).toList());
    }

    private static void reportRun(GenerationContext context, BootstrapActions run, Map<Application, Built> built) {
        Built app = built.get(run.getApplication());
        if (app == null) {
            context.report(run, "nothing generated: the bootstrap application is not resolved", List.of());
            return;
        }
        List<String> actions = new ArrayList<>();
        for (BootstrapAction action : run.getActions()) {
            actions.add(switch (action) {
                case OfferChoices offer -> "offers " + offer.getChoices().size() + " choices";
                case CollectInformation collect -> "collects " + String.join(", ", collect.getItems());
                case UpdatePhoneParameters update -> "asks the server for the phone settings "
                        + update.getParameterSets().stream().map(ParameterSet::getName).collect(Collectors.joining(", "));
                case UpdateSimParameters update -> "asks the server for the SIM update "
                        + update.getParameterSets().stream().map(ParameterSet::getName).collect(Collectors.joining(", "))
                        + " (the SIM OTA packets: see the stage's SIM update line)";
                case OrderComponents order -> "orders "
                        + order.getComponents().stream().map(Application::getName).collect(Collectors.joining(", ")) + " by platformRequest";
                default -> action.eClass().getName();
            });
        }
        String summary = run.getApplication().getName() + " flow " + ((Scenario) run.eContainer()).getName() + " ("
                + actions.size() + " action" + (actions.size() == 1 ? "" : "s") + "): " + String.join("; ", actions)
                + "; reports its status to the install-notify URL";
        context.report(run, summary, app.files().stream().filter(f -> f.contains("/src/") || f.endsWith(".wml") || f.endsWith(".cs"))
                .filter(f -> f.startsWith(APPLICATIONS)).toList());
    }

    private static void reportInstall(GenerationContext context, ComponentDownload install, Map<Application, Built> built) {
        List<String> parts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (MexeComponent component : install.getComponents()) {
            Built app = built.get(component);
            if (app == null) {
                continue;
            }
            parts.add(component.getName() + ": " + app.byClassmark().entrySet().stream().map(e -> "classmark " + e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("; ")) + (app.hostedJads().isEmpty() ? ", hosted by no server"
                            : ", at " + String.join(", ", new LinkedHashSet<>(app.hostedJads().values()))));
            app.files().stream().filter(f -> f.startsWith(SERVERS)).forEach(files::add);
        }
        boolean http = !install.isSetProtocol() || install.getProtocol() == org.mexe.studio.model.provisioning.TransferProtocol.HTTP;
        String protocol = install.isSetProtocol() ? install.getProtocol().getName().toLowerCase(java.util.Locale.ROOT) : "http";
        if (parts.isEmpty()) {
            context.report(install, "nothing generated: no component resolved", List.of());
        } else if (!http) {
            context.report(install, String.join("; ", parts) + "; over " + protocol + ": MIDP 2.0 installs over HTTP only, so the files"
                    + " are the same and the operator's " + protocol + " server must serve them", files);
        } else {
            context.report(install, String.join("; ", parts), files);
        }
    }
}

package org.mexe.studio.generator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.TextSubmitCodec;
import org.mexe.studio.dsl.validation.ServerUrls;
import org.mexe.studio.generator.ArtefactContributor;
import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.generator.DeliverySummary;
import org.mexe.studio.generator.GenerationContext;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Locations;
import org.mexe.studio.generator.StageReport;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.HostedContent;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.RequestKind;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;

/**
 * The provisioning servers and the stages that lead to them: for every {@code server}, its folder
 * {@code servers/<Name>/} with the pages the handsets open (WML and XHTML Mobile Profile, see
 * {@link ServerPages}), an nginx configuration ({@link NginxConfig}) and the SMS side as a Kannel
 * configuration ({@link KannelConfig}); the {@code trust} stages' certificate exports
 * ({@link TrustExport}); the {@code request} stages (a Kannel sms-service, and for a SIM Toolkit
 * request the MO SMS the toolkit sends); the {@code connect} stages. It runs after the bootstrap
 * applications' contributor and serves whatever that one put in htdocs.
 */
public final class ServerContributor implements ArtefactContributor {

    @Override
    public void contribute(GenerationContext context, AtomicOutput output) throws GenerationException {
        List<Server> servers = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (ProvisioningModel model : context.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Server server) {
                    servers.add(server);
                } else if (element instanceof Scenario scenario) {
                    scenarios.add(scenario);
                }
            }
        }
        Map<String, Server> byName = new LinkedHashMap<>();
        for (Server server : servers) {
            Server other = byName.putIfAbsent(server.getName(), server);
            if (other != null) {
                throw Locations.cannotGenerate(server, GenerationException.UNSUPPORTED, "Two servers are named " + server.getName()
                        + " (" + qualifiedName(other) + " and " + qualifiedName(server) + "), and each gets the folder "
                        + ServerLayout.folder(server) + ": rename one of them.", null);
            }
        }
        Map<Server, ServerFolder> folders = new LinkedHashMap<>();
        for (Server server : servers) {
            folders.put(server, writeServer(context, output, server, scenariosOf(server, scenarios, servers)));
        }
        for (Scenario scenario : scenarios) {
            Optional<Server> server = serverOf(scenario, servers);
            for (Stage stage : scenario.getStages()) {
                switch (stage) {
                    case TrustSetup trust -> TrustExport.export(context, output, trust);
                    case ProvisioningRequest request -> request(context, output, request, server.map(folders::get));
                    case Connect connect -> connect(context, output, connect, servers, folders);
                    case BootstrapDownload download when !reported(context, download) -> download(context, output, download, servers);
                    default -> {
                    }
                }
            }
        }
    }

    /** What was written for one server, for the stage reports. */
    private record ServerFolder(Server server, List<String> pages, List<String> forms, List<String> configs, boolean hasKannelRequests) {
    }

    private static ServerFolder writeServer(GenerationContext context, AtomicOutput output, Server server, List<Scenario> scenarios) {
        String folder = ServerLayout.folder(server);
        String htdocs = ServerLayout.htdocs(server);
        Set<HandsetProfile> handsets = new LinkedHashSet<>();
        scenarios.forEach(s -> s.getHandsets().stream().filter(h -> !h.eIsProxy()).forEach(handsets::add));
        boolean wml = handsets.stream().anyMatch(h -> h.getClassmarks().contains(1));
        boolean xhtml = handsets.isEmpty() || handsets.stream().anyMatch(h -> h.getClassmarks().isEmpty()
                || h.getClassmarks().stream().anyMatch(c -> c != 1));
        List<String> forms = new ArrayList<>();
        if (xhtml) {
            forms.add("XHTML MP");
        }
        if (wml) {
            forms.add("WML");
        }

        List<String> pages = new ArrayList<>(List.of(""));
        ServerLayout.pathOn(server, server.getHomePage()).ifPresent(pages::add);
        for (Scenario scenario : scenarios) {
            for (Stage stage : scenario.getStages()) {
                if (stage instanceof Connect connect) {
                    ServerUrls.deliveredUrls(scenario, connect).forEach(url -> ServerLayout.pathOn(server, url).ifPresent(pages::add));
                    if (connect.getUrl() != null) {
                        ServerLayout.pathOn(server, connect.getUrl()).ifPresent(pages::add);
                    }
                }
            }
        }
        List<String> distinctPages = pages.stream().distinct().toList();
        String homePage = ServerLayout.pathOn(server, server.getHomePage()).orElse("");
        String title = scenarios.stream().map(Scenario::getProvider).filter(p -> p != null && !p.eIsProxy())
                .map(p -> p.getDisplayName() != null ? p.getDisplayName() : p.getName()).findFirst().orElse(server.getName());
        List<ServerPages.Link> bootstraps = new ArrayList<>();
        List<ServerPages.Link> components = new ArrayList<>();
        for (HostedContent content : server.getContent()) {
            Application application = content.getApplication();
            if (application == null || application.eIsProxy() || content.getPath() == null) {
                continue;
            }
            ServerPages.Link link = new ServerPages.Link(application.getName(), ServerLayout.hostedPath(content.getPath()));
            (application instanceof BootstrapApplication ? bootstraps : components).add(link);
        }
        Map<String, List<Scenario>> landings = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            landingPage(scenario, server).ifPresent(page -> landings.computeIfAbsent(page, p -> new ArrayList<>()).add(scenario));
        }
        List<String> written = new ArrayList<>();
        for (String page : distinctPages) {
            List<ServerPages.Section> sections = new ArrayList<>();
            if (!bootstraps.isEmpty()) {
                List<ServerPages.Link> links = new ArrayList<>();
                for (ServerPages.Link bootstrap : bootstraps) {
                    links.add(flowLink(context, output, server, bootstrap, landings.getOrDefault(page, List.of()), page));
                }
                sections.add(new ServerPages.Section("Set up your phone", links));
            }
            if (!components.isEmpty()) {
                sections.add(new ServerPages.Section("Applications", components));
            }
            // Another scenario's landing page would lead to its flow: pages link the start and home pages only.
            List<ServerPages.Link> others = distinctPages.stream().filter(p -> !p.equals(page))
                    .filter(p -> p.isEmpty() || p.equals(homePage) || !landings.containsKey(p))
                    .map(p -> new ServerPages.Link(p.isEmpty() ? "Start page" : p.equals(homePage) ? "Home page" : "Set-up page", p)).toList();
            if (!others.isEmpty()) {
                sections.add(new ServerPages.Section("More", others));
            }
            ServerPages.Page content = new ServerPages.Page(title, sections.isEmpty() ? "Nothing to install here yet."
                    : "Install the set-up application to finish setting up your phone.", sections);
            for (String file : pageFiles(page, xhtml, wml)) {
                String path = htdocs + "/" + file;
                if (output.files().containsKey(path)) {
                    continue; // the bootstrap generator's file at the same path wins
                }
                String text = file.endsWith(ServerLayout.WML) ? ServerPages.wml(content, file) : ServerPages.xhtml(content, file);
                output.add(path, text.getBytes(StandardCharsets.UTF_8));
                written.add(file);
            }
        }
        output.add(folder + "/" + NginxConfig.FILE, NginxConfig.config(server, qualifiedName(server)).getBytes(StandardCharsets.UTF_8));
        output.add(folder + "/" + NginxConfig.MIME_TYPES, NginxConfig.mimeTypes().getBytes(StandardCharsets.UTF_8));

        List<KannelConfig.Request> requests = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Scenario scenario : scenarios) {
            for (Stage stage : scenario.getStages()) {
                if (stage instanceof ProvisioningRequest request && request.getKind() != RequestKind.CALL && request.getNumber() != null) {
                    String key = (request.getKeyword() == null ? "" : request.getKeyword().toLowerCase(java.util.Locale.ROOT)) + "\n"
                            + request.getNumber();
                    if (seen.add(key)) {
                        requests.add(new KannelConfig.Request(request.getKeyword(), request.getNumber(), GenerationContext.scenarioName(scenario)));
                    }
                }
            }
        }
        Optional<DeliverySummary> largest = context.deliveries().stream().max(java.util.Comparator.comparingInt(DeliverySummary::smsCount));
        int maxMessages = Math.max(1, largest.map(DeliverySummary::smsCount).orElse(1));
        String largestPayload = largest.map(d -> d.scenario() + " stage " + d.stage()).orElse("no payload was generated");
        output.add(folder + "/" + KannelConfig.FILE, KannelConfig.config(server.getName(), qualifiedName(server), maxMessages, largestPayload,
                requests).getBytes(StandardCharsets.UTF_8));
        return new ServerFolder(server, written, forms, List.of(NginxConfig.FILE, NginxConfig.MIME_TYPES, KannelConfig.FILE), !requests.isEmpty());
    }

    /** The generator's finding when two scenarios that run different flows lead handsets to one page. */
    public static final String SHARED_LANDING_PAGE = "org.mexe.studio.generator.sharedLandingPage";

    /**
     * The page of {@code server} a scenario's handset lands on after its delivery: the server's home
     * page when the delivered settings name it, else the first delivered URL on the server, as a
     * user opens the link the settings gave them.
     */
    static Optional<String> landingPage(Scenario scenario, Server server) {
        for (Stage stage : scenario.getStages()) {
            if (stage instanceof Connect connect && serverOf(scenario, List.of(server)).isPresent()) {
                List<String> delivered = ServerUrls.deliveredUrls(scenario, connect);
                Optional<String> home = delivered.stream().filter(u -> u.equals(server.getHomePage())).findFirst();
                return home.or(() -> delivered.stream().filter(u -> ServerLayout.pathOn(server, u).isPresent()).findFirst())
                        .flatMap(u -> ServerLayout.pathOn(server, u));
            }
        }
        return Optional.empty();
    }

    /**
     * The link to a bootstrap on a page: the JAD of the flow of the scenario that lands there (the
     * bootstrap generator writes one JAD per flow, each naming it in Prov-Flow), else the hosted JAD.
     * Two scenarios that land on one page with different flows cannot both be served: the first
     * wins, with a warning.
     */
    private static ServerPages.Link flowLink(GenerationContext context, AtomicOutput output, Server server, ServerPages.Link bootstrap,
            List<Scenario> landing, String page) {
        String htdocs = ServerLayout.htdocs(server) + "/";
        String stem = bootstrap.target().replaceFirst("\\.jad$", "");
        Map<String, Scenario> jads = new LinkedHashMap<>();
        for (Scenario scenario : landing) {
            String flowLine = "\n" + org.mexe.studio.generator.bootstrap.MidletSource.FLOW_ATTRIBUTE + ": " + scenario.getName() + "\n";
            output.files().entrySet().stream()
                    .filter(f -> f.getKey().startsWith(htdocs + stem) && f.getKey().endsWith(".jad")
                            && new String(f.getValue(), StandardCharsets.UTF_8).contains(flowLine))
                    .findFirst().ifPresent(f -> jads.putIfAbsent(f.getKey().substring(htdocs.length()), scenario));
        }
        if (jads.isEmpty()) {
            return bootstrap;
        }
        if (jads.size() > 1) {
            List<Scenario> flows = List.copyOf(jads.values());
            Scenario later = flows.get(1);
            context.warn(Locations.at(later, org.mexe.studio.model.provisioning.ProvisioningPackage.Literals.ELEMENT__NAME, -1, org.mexe.studio.generator.Problem.Severity.WARNING, SHARED_LANDING_PAGE,
                    "The scenarios " + flows.stream().map(Scenario::getName).collect(java.util.stream.Collectors.joining(" and "))
                            + " lead their handsets to the same page /" + page + " of " + server.getName() + ", but run different flows of "
                            + bootstrap.text() + ": the page links the flow of " + flows.get(0).getName() + ", so the handsets of "
                            + later.getName() + " run that one. Give the settings " + later.getName() + " delivers a 'setup-url' of"
                            + " its own on " + ServerLayout.baseUrl(server) + "."));
        }
        return new ServerPages.Link(bootstrap.text(), jads.keySet().iterator().next());
    }

    /** The files of a page: {@code welcome.xhtml} and {@code welcome.wml}, {@code index.*} for a folder, as it is for a named file. */
    private static List<String> pageFiles(String page, boolean xhtml, boolean wml) {
        if (page.endsWith(ServerLayout.WML) || page.endsWith(ServerLayout.XHTML)) {
            return List.of(page);
        }
        String stem = page.isEmpty() || page.endsWith("/") ? page + "index" : page;
        List<String> files = new ArrayList<>();
        if (xhtml) {
            files.add(stem + ServerLayout.XHTML);
        }
        if (wml) {
            files.add(stem + ServerLayout.WML);
        }
        return files;
    }

    private static void request(GenerationContext context, AtomicOutput output, ProvisioningRequest request, Optional<ServerFolder> server)
            throws GenerationException {
        String what = switch (request.getKind()) {
            case CALL -> "a call to " + request.getNumber();
            case SMS -> (request.getKeyword() == null ? "any SMS" : "SMS \"" + request.getKeyword() + "\"") + " to " + request.getNumber();
            case SIM_TOOLKIT -> "SIM Toolkit menu \"" + (request.getMenuItem() == null ? "" : request.getMenuItem()) + "\" sends "
                    + (request.getKeyword() == null ? "an empty SMS" : "\"" + request.getKeyword() + "\"") + " to " + request.getNumber();
        };
        if (request.getKind() == RequestKind.CALL) {
            context.report(request, what + " is answered by people at the service centre: nothing to generate", List.of());
            return;
        }
        List<String> written = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (request.getKind() == RequestKind.SIM_TOOLKIT) {
            String folder = stageFolder(request, "request");
            String text = request.getKeyword() == null ? "" : request.getKeyword();
            byte[] tpdu;
            try {
                tpdu = TextSubmitCodec.encode(0, SmsAddress.parse(request.getNumber()), text);
            } catch (IllegalArgumentException e) {
                throw Locations.cannotGenerate(request, GenerationException.UNSUPPORTED, "The SIM Toolkit request cannot be written as one"
                        + " SMS: " + e.getMessage() + ". Use a keyword of GSM characters, at most 160, and a number of digits.", e);
            }
            output.add(folder + "/mo-sms-submit.hex", (Hex.encode(tpdu) + "\n").getBytes(StandardCharsets.US_ASCII));
            written.add(folder + "/ mo-sms-submit.hex");
            parts.add("the toolkit's MO SMS-SUBMIT (GSM 7-bit, 1 SMS)");
        }
        if (server.isPresent()) {
            String kannel = ServerLayout.folder(server.get().server()) + "/" + KannelConfig.FILE;
            parts.add("Kannel sms-service "
                    + (request.getKeyword() == null ? "'default'" : "'" + request.getKeyword().toLowerCase(java.util.Locale.ROOT) + "'")
                    + " for " + request.getNumber() + " (SMSC and passwords are CHANGE-ME placeholders)");
            written.add(kannel);
        } else {
            parts.add("no Kannel sms-service: the scenario connects to no server of this project");
        }
        context.report(request, what + ": " + String.join("; ", parts), written);
    }

    private static void connect(GenerationContext context, AtomicOutput output, Connect connect, List<Server> servers, Map<Server, ServerFolder> folders) {
        Scenario scenario = (Scenario) connect.eContainer();
        Optional<Server> server = connect.getServer() != null && !connect.getServer().eIsProxy() ? Optional.of(connect.getServer())
                : servers.stream().filter(s -> ServerLayout.pathOn(s, connect.getUrl()).isPresent()).findFirst();
        if (server.isEmpty()) {
            context.report(connect, "the handset opens " + connect.getUrl() + ", which no server of this project serves: nothing to"
                    + " generate (the operator's site at that address must answer it)", List.of());
            return;
        }
        ServerFolder folder = folders.get(server.get());
        String opens = connect.getUrl() != null ? connect.getUrl()
                : ServerUrls.deliveredUrls(scenario, connect).stream().filter(u -> ServerLayout.pathOn(server.get(), u).isPresent()).findFirst()
                        .orElse(server.get().getHomePage() != null ? server.get().getHomePage() : ServerLayout.baseUrl(server.get()));
        List<String> written = new ArrayList<>();
        written.add(ServerLayout.folder(server.get()) + "/ " + String.join(" ", folder.configs()));
        String htdocs = ServerLayout.htdocs(server.get()) + "/";
        List<String> served = output.files().keySet().stream().filter(f -> f.startsWith(htdocs)).map(f -> f.substring(htdocs.length())).toList();
        if (!served.isEmpty()) {
            written.add(htdocs + " " + String.join(" ", served));
        }
        context.report(connect, "the handset opens " + opens + " on " + server.get().getName() + ": " + folder.pages().size() + " page(s) as "
                + String.join(" and ", folder.forms()) + ", nginx and Kannel configurations (deploy: docs/deploy.md)", written);
    }

    /** A download no bootstrap generator reported: say where the server serves it from, or that nothing is there yet. */
    private static void download(GenerationContext context, AtomicOutput output, BootstrapDownload download, List<Server> servers) {
        BootstrapApplication application = download.getApplication();
        for (Server server : servers) {
            for (HostedContent content : server.getContent()) {
                if (content.getApplication() == application && content.getPath() != null) {
                    String path = ServerLayout.htdocs(server) + "/" + ServerLayout.hostedPath(content.getPath());
                    String url = ServerLayout.urlOf(server, content.getPath());
                    if (output.files().containsKey(path)) {
                        context.report(download, application.getName() + " is served at " + url, List.of(path));
                    } else {
                        context.report(download, "nothing generated: " + application.getName() + " is hosted at " + url
                                + ", but no generator wrote it into " + ServerLayout.htdocs(server), List.of());
                    }
                    return;
                }
            }
        }
        context.report(download, "nothing generated: no server of this project hosts " + application.getName(), List.of());
    }

    private static boolean reported(GenerationContext context, Stage stage) {
        String scenario = GenerationContext.scenarioName((Scenario) stage.eContainer());
        int number = GenerationContext.stageNumber(stage);
        return context.stageReports().stream().anyMatch((StageReport r) -> r.scenario().equals(scenario) && r.stage() == number);
    }

    /** The scenarios that lead handsets to {@code server}. */
    private static List<Scenario> scenariosOf(Server server, List<Scenario> scenarios, List<Server> servers) {
        return scenarios.stream().filter(s -> serverOf(s, servers).orElse(null) == server).toList();
    }

    /** The server a scenario's first connect stage goes to: named, or the one whose base URL its URL is under. */
    static Optional<Server> serverOf(Scenario scenario, List<Server> servers) {
        for (Stage stage : scenario.getStages()) {
            if (stage instanceof Connect connect) {
                if (connect.getServer() != null && !connect.getServer().eIsProxy()) {
                    return Optional.of(connect.getServer());
                }
                Optional<Server> byUrl = servers.stream().filter(s -> ServerLayout.pathOn(s, connect.getUrl()).isPresent()).findFirst();
                if (byUrl.isPresent()) {
                    return byUrl;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code <scenario>/NN-<kind>}, as the deliver stages' folders are named. */
    static String stageFolder(Stage stage, String kind) {
        return GenerationContext.scenarioName((Scenario) stage.eContainer()) + "/" + String.format("%02d", GenerationContext.stageNumber(stage))
                + "-" + kind;
    }

    static String qualifiedName(Server server) {
        return ((ProvisioningModel) server.eContainer()).getName() + "." + server.getName();
    }
}

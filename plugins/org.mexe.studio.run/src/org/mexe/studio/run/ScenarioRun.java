package org.mexe.studio.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.sms.TextSubmitCodec;
import org.mexe.studio.generator.GenerationContext;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.PerSubscriberDeliveries;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.mexe.studio.generator.server.ServerLayout;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.HostedContent;
import org.mexe.studio.model.provisioning.MexeComponent;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.RequestKind;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityDomain;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;
import org.mexe.studio.run.TraceEvent.Outcome;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.server.ProvisioningServer;
import org.mexe.studio.server.SmsRequest;
import org.mexe.studio.smpp.LoopbackSmsc;
import org.mexe.studio.smpp.Submission;

/**
 * Runs scenarios end to end on loopback: generates the artefacts in memory, writes them to a
 * private temporary folder, starts an SMSC ({@link LoopbackSmsc}, SMPP 3.4) and the provisioning
 * servers ({@link ProvisioningServer}), then for each scenario and each handset profile it targets
 * attaches a {@link SimulatedHandset} and walks the stages: the ESME side submits the generated
 * TPDUs over SMPP exactly as a campaign does, and the handset takes what arrives. Every step is a
 * {@link TraceEvent}. Everything binds to 127.0.0.1 on ports the system picks, and everything is
 * stopped and the temporary folder removed when the run ends, however it ends.
 */
public final class ScenarioRun {

    /** The password simulated handsets bind with; the SMSC exists only for the run. */
    static final String HANDSET_PASSWORD = "handset";
    private static final String ESME_SYSTEM_ID = "prov-run";
    private static final String ESME_PASSWORD = "run";
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>", Pattern.CASE_INSENSITIVE);

    /** What a run came to: every event, in order. */
    public record Result(List<TraceEvent> events) {

        public Result {
            events = List.copyOf(events);
        }

        public boolean succeeded() {
            return events.stream().noneMatch(e -> e.outcome() == Outcome.FAILED);
        }

        public long failed() {
            return events.stream().filter(e -> e.outcome() == Outcome.FAILED).count();
        }
    }

    private final ProvisioningPipeline pipeline;
    private final SecretResolver secrets;
    private final RunOptions options;
    private final Consumer<TraceEvent> listener;
    private final List<TraceEvent> events = new ArrayList<>();
    private final long started = System.nanoTime();
    private final Map<Server, ProvisioningServer> servers = new LinkedHashMap<>();
    private final Map<Server, InetSocketAddress> serverAddresses = new LinkedHashMap<>();
    private final HttpClient operatorSide = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LoadedInputs loaded;
    private Path work;
    private SortedMap<String, byte[]> artefacts;
    private LoopbackSmsc smsc;
    private SimulatedNetwork network;

    private ScenarioRun(ProvisioningPipeline pipeline, SecretResolver secrets, RunOptions options, Consumer<TraceEvent> listener) {
        this.pipeline = pipeline;
        this.secrets = secrets;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Runs the scenarios of {@code loaded} that {@code options} selects; {@code listener} sees each
     * event as it happens (it must not block for long).
     *
     * @throws GenerationException when the model has errors: nothing runs
     * @throws RunException when the scenario asked for does not exist or the network cannot start
     */
    public static Result run(ProvisioningPipeline pipeline, LoadedInputs loaded, SecretResolver secrets, RunOptions options,
            Consumer<TraceEvent> listener) throws GenerationException, RunException, InterruptedException {
        ScenarioRun run = new ScenarioRun(pipeline, secrets, options, listener);
        run.loaded = loaded;
        // Ctrl-C or a kill: the servers, the SMSC and the temporary folder go with the process.
        Thread cleanUp = new Thread(run::stop, "prov-run-stop");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            try {
                run.work = Files.createTempDirectory("prov-run-"); // owner-only: the artefacts carry credentials
            } catch (IOException e) {
                throw new RunException("The run's temporary folder cannot be made: " + e.getMessage(), e);
            }
            // Errors first: a scenario the parser could not read must not read as a missing one. The SIM
            // updates take counters from a store of the run's own, as the simulated cards start at zero.
            var produced = pipeline.withOtaCounters(run.work.resolve("ota-counters")).produce(loaded, pipeline.validate(loaded), secrets,
                    Optional.empty(), new SecureRandom());
            List<Scenario> scenarios = selected(loaded, options);
            run.artefacts = produced.artefacts().files();
            run.start();
            for (Scenario scenario : scenarios) {
                List<HandsetProfile> handsets = scenario.getHandsets().isEmpty() ? List.of(anyHandset()) : List.copyOf(scenario.getHandsets());
                for (int i = 0; i < handsets.size(); i++) {
                    run.runOn(scenario, handsets.get(i), i);
                }
            }
        } catch (IOException e) {
            throw new RunException("The simulated network cannot start: " + e.getMessage(), e);
        } finally {
            run.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, and finds everything stopped
            }
        }
        return new Result(run.events);
    }

    /**
     * The handset of a scenario that names none: what the generator assumes then, a MIDP 2.0
     * phone (classmark 3) that reads OMA CP and Nokia OTA and reassembles any number of segments,
     * with no security domain of its own.
     */
    private static HandsetProfile anyHandset() {
        HandsetProfile profile = org.mexe.studio.model.provisioning.ProvisioningFactory.eINSTANCE.createHandsetProfile();
        profile.setName("AnyHandset");
        profile.getClassmarks().add(3);
        profile.setConcatenatedSms(true);
        profile.getFormats().add(org.mexe.studio.model.provisioning.DeliveryFormat.OMA_CP);
        profile.getFormats().add(org.mexe.studio.model.provisioning.DeliveryFormat.NOKIA_OTA);
        return profile;
    }

    private static List<Scenario> selected(LoadedInputs loaded, RunOptions options) throws RunException {
        List<Scenario> all = loaded.models().stream().flatMap(m -> m.getElements().stream()).filter(Scenario.class::isInstance)
                .map(Scenario.class::cast).toList();
        if (options.scenario().isEmpty()) {
            if (all.isEmpty()) {
                throw new RunException("The input has no scenario to run: write a 'scenario NAME { ... }'.", null);
            }
            return all;
        }
        String wanted = options.scenario().get();
        List<Scenario> matching = all.stream().filter(s -> s.getName().equals(wanted) || GenerationContext.scenarioName(s).equals(wanted))
                .toList();
        if (matching.isEmpty()) {
            throw new RunException("No scenario " + wanted + " in the input; there are: "
                    + all.stream().map(GenerationContext::scenarioName).collect(Collectors.joining(", ")) + ".", null);
        }
        return matching;
    }

    private void start() throws IOException {
        for (Map.Entry<String, byte[]> file : artefacts.entrySet()) {
            Path target = work.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        smsc = new LoopbackSmsc(ESME_SYSTEM_ID, ESME_PASSWORD, false).routeToHandsets(HANDSET_PASSWORD);
        network = new SimulatedNetwork(options.patience());
        for (ProvisioningModel model : loaded.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Server server && server.getBaseUrl() != null) {
                    Path folder = work.resolve(ServerLayout.SERVERS).resolve(server.getName());
                    InetSocketAddress address;
                    if (options.has(Fault.SERVER_DOWN)) {
                        // A port that was free a moment ago and has nobody listening: connections are refused.
                        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                            address = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), probe.getLocalPort());
                        }
                    } else {
                        ProvisioningServer running = ProvisioningServer.start(folder, line -> {
                        });
                        servers.put(server, running);
                        address = running.address();
                    }
                    serverAddresses.put(server, address);
                    Optional.ofNullable(URI.create(server.getBaseUrl()).getHost()).ifPresent(host -> network.route(host, address));
                }
            }
        }
        emit("-", "-", 0, "run", new Step().ok("simulated network up on loopback")
                .fact("SMSC", "SMPP 3.4 on 127.0.0.1:" + smsc.port())
                .fact("servers", serverAddresses.entrySet().stream()
                        .map(e -> e.getKey().getName() + " (" + e.getKey().getBaseUrl() + ") on " + e.getValue().getHostString() + ":"
                                + e.getValue().getPort() + (servers.containsKey(e.getKey()) ? "" : ", DOWN on purpose (fault server-down)"))
                        .collect(Collectors.joining("; ")))
                .fact("artefacts", artefacts.size() + " files generated for the run"));
    }

    private boolean stopped;

    /** Stops everything the run started and removes its folder; once, from the run or from the shutdown hook. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        servers.values().forEach(ProvisioningServer::close);
        if (network != null) {
            network.close();
        }
        if (smsc != null) {
            try {
                smsc.close();
            } catch (IOException ignored) {
                // the SMSC's port closes with the process at the latest
            }
        }
        operatorSide.close();
        if (work != null) {
            // Only the files this run wrote are there: the folder is its own.
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // a file left in the system's temporary folder is removed with it
            }
        }
    }

    private void emit(String scenario, String handset, int stage, String kind, Step step) {
        TraceEvent event = new TraceEvent((System.nanoTime() - started) / 1_000_000, scenario, handset, stage, kind, step.outcome,
                step.summary, step.facts);
        events.add(event);
        listener.accept(event);
    }

    // ---------------------------------------------------------------------------------------------
    // One scenario on one handset

    private void runOn(Scenario scenario, HandsetProfile profile, int index) throws InterruptedException {
        String scenarioName = GenerationContext.scenarioName(scenario);
        Optional<ParameterDelivery> delivery = scenario.getStages().stream().filter(ParameterDelivery.class::isInstance)
                .map(ParameterDelivery.class::cast).findFirst();
        Identity identity;
        try {
            identity = identity(scenario, delivery, index);
        } catch (GenerationException e) {
            emit(scenarioName, profile.getName(), 0, "handset", new Step().failed("the handset has no identity: " + e.getMessage()));
            return;
        }
        try (SimulatedHandset handset = new SimulatedHandset(profile, identity.msisdn(), identity.imsi(), identity.pin())) {
            try {
                handset.attach(smsc.port(), HANDSET_PASSWORD);
            } catch (IOException e) {
                emit(scenarioName, profile.getName(), 0, "handset", new Step().failed(e.getMessage()));
                return;
            }
            emit(scenarioName, profile.getName(), 0, "handset", new Step().ok(profile.getName() + " switched on and attached")
                    .fact("MSISDN", identity.msisdn()).fact("IMSI", identity.imsi())
                    .fact("classmarks", profile.getClassmarks().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .fact("segment limit", handset.segmentLimit())
                    .fact("formats", profile.getFormats().isEmpty() ? "oma-cp" : profile.getFormats().stream().map(org.mexe.studio.model.constraints.Keywords::of)
                            .collect(Collectors.joining(", ")))
                    .fact("PIN", identity.pin().isPresent() ? "the user was told one (" + identity.pinSource() + ")" : "none"));
            Map<Application, OtaInstaller.Installed> installed = new LinkedHashMap<>();
            int failedAt = 0;
            for (Stage stage : scenario.getStages()) {
                int number = GenerationContext.stageNumber(stage);
                String kind = kind(stage);
                if (failedAt > 0) {
                    emit(scenarioName, profile.getName(), number, kind, new Step().skipped("not reached: stage " + failedAt + " failed"));
                    continue;
                }
                Step step = switch (stage) {
                    case TrustSetup trust -> trust(scenario, number, handset);
                    case ProvisioningRequest request -> request(scenario, number, request, handset);
                    case ParameterDelivery d -> deliver(scenario, number, d, handset);
                    case Connect connect -> connect(connect, handset, delivery.isPresent());
                    case BootstrapDownload download -> download(download.getApplication(), handset, installed);
                    case BootstrapActions actions -> bootstrap(scenario, actions, handset, installed);
                    case ComponentDownload components -> components(components, handset, installed);
                    default -> new Step().skipped("no simulation for " + stage.eClass().getName() + " stages");
                };
                emit(scenarioName, profile.getName(), number, kind, step);
                if (step.isFailed()) {
                    failedAt = number;
                }
            }
        }
    }

    private static String kind(Stage stage) {
        return switch (stage) {
            case TrustSetup t -> "trust";
            case ProvisioningRequest r -> "request";
            case ParameterDelivery d -> "deliver";
            case Connect c -> "connect";
            case BootstrapDownload d -> "download";
            case BootstrapActions a -> "run";
            case ComponentDownload c -> "install";
            default -> stage.eClass().getName();
        };
    }

    /** Who the handset is: its number and IMSI, and the PIN its user was told, if any. */
    private record Identity(String msisdn, String imsi, Optional<String> pin, String pinSource) {
    }

    private Identity identity(Scenario scenario, Optional<ParameterDelivery> delivery, int index) throws GenerationException {
        String msisdn = "+447700900999";
        Optional<String> imsi = Optional.empty();
        if (delivery.isPresent() && delivery.get().isToSubscribers() && scenario.getSubscribers() != null) {
            var subscribers = PerSubscriberDeliveries.firstSubscribers(scenario.getSubscribers(), index + 1);
            if (!subscribers.isEmpty()) {
                var subscriber = subscribers.get(Math.min(index, subscribers.size() - 1));
                msisdn = subscriber.msisdn();
                imsi = subscriber.imsi();
            }
        } else if (delivery.isPresent() && delivery.get().getDestination() != null) {
            msisdn = delivery.get().getDestination();
        }
        if (imsi.isEmpty() && delivery.isPresent() && delivery.get().getImsi() != null) {
            imsi = Optional.of(delivery.get().getImsi());
        }
        String digits = msisdn.replaceAll("\\D", "");
        // The test network (MCC 001, MNC 01) and the MSISDN's last nine digits: an IMSI no real card has.
        String imsiValue = imsi.orElse("00101" + "0".repeat(Math.max(0, 10 - Math.min(10, digits.length())))
                + digits.substring(Math.max(0, digits.length() - 10)));
        if (options.userPin().isPresent()) {
            return new Identity(msisdn, imsiValue, options.userPin(), "--user-pin");
        }
        if (delivery.isPresent() && delivery.get().getPin() != null) {
            return new Identity(msisdn, imsiValue, Optional.of(PerSubscriberDeliveries.readSecret(secrets, delivery.get().getPin())),
                    "the delivery's pin");
        }
        if (delivery.isPresent() && delivery.get().isGeneratedPin()) {
            Optional<String> generated = generatedPin(msisdn);
            return new Identity(msisdn, imsiValue, generated, "the generated " + ProvisioningPipeline.USER_PINS);
        }
        return new Identity(msisdn, imsiValue, Optional.empty(), "");
    }

    private Optional<String> generatedPin(String msisdn) {
        byte[] pins = artefacts.get(ProvisioningPipeline.USER_PINS);
        if (pins == null) {
            return Optional.empty();
        }
        for (String line : new String(pins, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(",");
            if (fields.length >= 2 && fields[0].strip().equals(msisdn)) {
                return Optional.of(fields[fields.length - 1].strip());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // The stages

    private Step trust(Scenario scenario, int number, SimulatedHandset handset) {
        Step step = new Step();
        String folder = GenerationContext.scenarioName(scenario) + "/" + String.format(Locale.ROOT, "%02d-trust/", number);
        String maker = handset.profile.getManufacturer() == null ? "" : handset.profile.getManufacturer().getName();
        Set<SecurityDomain> distrusted = new HashSet<>();
        if (options.has(Fault.UNTRUSTED_SIGNER)) {
            applications(scenario).stream().map(Application::getDomain).filter(java.util.Objects::nonNull).forEach(distrusted::add);
        }
        Map<String, SecurityDomain> domainOfRoot = new LinkedHashMap<>();
        for (SecurityDomain domain : handset.profile.getTrustedDomains()) {
            if (!distrusted.contains(domain)) {
                for (Certificate root : domain.getRoots()) {
                    domainOfRoot.putIfAbsent(root.getName(), domain);
                }
            }
        }
        List<String> loaded = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : artefacts.entrySet()) {
            String path = file.getKey();
            boolean mine = path.startsWith(folder + "handset/" + maker + "/") || path.startsWith(folder + "sim/");
            if (!mine || !path.endsWith(".der")) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".der".length());
            String where = path.startsWith(folder + "sim/") ? "SIM" : "handset";
            X509Certificate certificate;
            try {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(file.getValue()));
            } catch (CertificateException e) {
                return step.failed(path + " is not a DER certificate the handset can load: " + e.getMessage());
            }
            SecurityDomain domain = domainOfRoot.get(name);
            if (domain == null) {
                unused.add(name + " (" + where + ")");
                continue;
            }
            handset.roots.put(name, certificate);
            handset.domainOfRoot.put(name, domain.getName());
            loaded.add(name + " (" + where + ", domain " + domain.getName() + ")");
        }
        step.fact("roots", loaded.isEmpty() ? "none" : String.join(", ", loaded));
        if (!unused.isEmpty()) {
            step.fact("not trusted", String.join(", ", unused) + ": in no security domain " + handset.name() + " trusts"
                    + (distrusted.isEmpty() ? "" : " (fault " + Fault.UNTRUSTED_SIGNER.option() + " removed "
                            + distrusted.stream().map(SecurityDomain::getName).sorted().collect(Collectors.joining(", ")) + ")"));
        }
        return step.ok(loaded.size() + " root(s) loaded from the trust stage's artefacts");
    }

    private static List<Application> applications(Scenario scenario) {
        List<Application> applications = new ArrayList<>();
        for (Stage stage : scenario.getStages()) {
            switch (stage) {
                case BootstrapDownload download -> applications.add(download.getApplication());
                case ComponentDownload components -> applications.addAll(components.getComponents());
                default -> {
                }
            }
        }
        return applications;
    }

    private Step request(Scenario scenario, int number, ProvisioningRequest request, SimulatedHandset handset) {
        Step step = new Step();
        if (request.getKind() == RequestKind.CALL) {
            return step.skipped("a phone call to " + request.getNumber() + ": an agent starts the delivery; there is nothing to simulate");
        }
        String keyword = request.getKeyword() == null ? "" : request.getKeyword();
        if (request.getKind() == RequestKind.SIM_TOOLKIT) {
            String file = GenerationContext.scenarioName(scenario) + "/" + String.format(Locale.ROOT, "%02d-request/", number)
                    + "mo-sms-submit.hex";
            byte[] hex = artefacts.get(file);
            if (hex == null) {
                return step.failed("no MO SMS was generated for the SIM Toolkit (" + file + ")");
            }
            try {
                var sent = TextSubmitCodec.decode(Hex.decode(new String(hex, StandardCharsets.US_ASCII).strip()));
                step.fact("SIM Toolkit", "menu \"" + request.getMenuItem() + "\" sends the MO SMS of " + file + ": \"" + sent.text()
                        + "\" to " + sent.destination());
                if (!sent.text().strip().equalsIgnoreCase(keyword)) {
                    return step.failed("the SIM Toolkit sends \"" + sent.text() + "\", not the keyword " + keyword);
                }
            } catch (CodecException | IllegalArgumentException e) {
                return step.failed("the SIM Toolkit's MO SMS " + file + " does not decode: " + e.getMessage());
            }
        } else {
            step.fact("MO SMS", "\"" + keyword + "\" to " + request.getNumber());
        }
        // The operator's SMS gateway takes the MO SMS: the generated kannel.conf says where it goes.
        for (Map.Entry<Server, InetSocketAddress> server : serverAddresses.entrySet()) {
            byte[] config = artefacts.get(ServerLayout.SERVERS + "/" + server.getKey().getName() + "/kannel.conf");
            if (config == null) {
                continue;
            }
            Optional<String> getUrl = KannelConf.getUrlFor(new String(config, StandardCharsets.UTF_8), keyword, request.getNumber());
            if (getUrl.isEmpty()) {
                continue;
            }
            URI uri = URI.create(getUrl.get().replace("%p", URLEncoder.encode(handset.msisdn, StandardCharsets.UTF_8))
                    .replace("%P", URLEncoder.encode(request.getNumber(), StandardCharsets.UTF_8)));
            URI local = URI.create("http://127.0.0.1:" + server.getValue().getPort() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            step.fact("sms-service", "keyword " + keyword.toLowerCase(Locale.ROOT) + " in servers/" + server.getKey().getName()
                    + "/kannel.conf: get-url " + uri + " (the server listens on " + local.getAuthority() + " in this run)");
            try {
                HttpResponse<String> response = operatorSide.send(HttpRequest.newBuilder(local).timeout(options.patience()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                ProvisioningServer running = servers.get(server.getKey());
                List<SmsRequest> received = running == null ? List.of() : running.smsRequests();
                boolean arrived = received.stream().anyMatch(r -> r.keyword().equalsIgnoreCase(keyword) && r.from().equals(handset.msisdn));
                if (response.statusCode() != 200 || !arrived) {
                    return step.failed("the provisioning server answered " + response.statusCode() + " to the request"
                            + (arrived ? "" : " and did not record it"), "nothing: no settings come");
                }
                return step.ok("the server " + server.getKey().getName() + " received the request " + keyword + " from " + handset.msisdn);
            } catch (IOException e) {
                return step.failed("the provisioning server " + server.getKey().getName() + " does not answer Kannel's get-url: "
                        + describe(e), "nothing: the SMS was sent; no settings come");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return step.failed("interrupted");
            }
        }
        return step.failed("no generated kannel.conf has an sms-service for the keyword \"" + keyword + "\" to " + request.getNumber()
                + ": the gateway would answer with its default text", "the default reply of the SMS gateway");
    }

    private Step deliver(Scenario scenario, int number, ParameterDelivery delivery, SimulatedHandset handset) throws InterruptedException {
        Step step = new Step();
        String folder = PerSubscriberDeliveries.deliveryFolder(GenerationContext.scenarioName(scenario), number, delivery);
        if (delivery.isToSubscribers()) {
            folder = PerSubscriberDeliveries.subscriberFolder(folder, handset.msisdn);
        }
        byte[] hex = artefacts.get(folder + "/sms-submit.hex");
        if (hex == null) {
            return step.failed("no SMS was generated for " + handset.msisdn + " (" + folder + "/sms-submit.hex)");
        }
        List<byte[]> tpdus = tpdus(hex);
        String source = scenario.getStages().stream().filter(ProvisioningRequest.class::isInstance).map(ProvisioningRequest.class::cast)
                .map(ProvisioningRequest::getNumber).findFirst().orElse("Operator");
        try {
            List<String> ids = submit(tpdus, handset.msisdn, source);
            step.fact("SMPP", tpdus.size() + " submit_sm from " + folder + "/sms-submit.hex accepted by the SMSC (message ids "
                    + String.join(", ", ids) + ")");
        } catch (Exception e) {
            return step.failed("the SMSC did not take the SMS: " + describe(e));
        }
        Step received = handset.receiveSettings(tpdus.size(), options.patience(), options.faults());
        step.facts.putAll(received.facts);
        step.outcome = received.outcome;
        step.summary = received.summary;
        return step;
    }

    /** The ESME's side: binds as a transmitter, submits each TPDU to {@code msisdn} as a campaign does, unbinds; the message ids. */
    private List<String> submit(List<byte[]> tpdus, String msisdn, String source) throws Exception {
        SMPPSession esme = new SMPPSession();
        try {
            esme.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, ESME_SYSTEM_ID, ESME_PASSWORD, "prov",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
            List<String> ids = new ArrayList<>();
            for (byte[] tpdu : tpdus) {
                ids.add(Submission.of(tpdu, msisdn).submit(esme, source, false));
            }
            return ids;
        } finally {
            esme.unbindAndClose();
        }
    }

    private static List<byte[]> tpdus(byte[] hex) {
        return new String(hex, StandardCharsets.US_ASCII).lines().map(String::strip).filter(l -> !l.isEmpty()).map(Hex::decode).toList();
    }

    private Step connect(Connect connect, SimulatedHandset handset, boolean delivered) {
        Step step = new Step();
        URI target;
        if (connect.getServer() != null) {
            Server server = connect.getServer();
            target = URI.create(server.getHomePage() != null ? server.getHomePage() : server.getBaseUrl());
        } else {
            target = URI.create(connect.getUrl());
        }
        URI uri = target;
        if (delivered) {
            Optional<SimulatedHandset.Link> link = handset.settings.stream().filter(l -> l.uri().equals(target)).findFirst()
                    .or(() -> handset.settings.stream().filter(l -> target.getHost() != null && target.getHost().equalsIgnoreCase(l.uri().getHost()))
                            .findFirst());
            if (link.isEmpty()) {
                return step.failed("the delivered settings name no URL on " + target.getHost() + " (" + handset.settings.size()
                        + " URL(s) delivered): the user has nothing that leads to " + target, "nothing to open");
            }
            uri = link.get().uri();
            step.fact("URL", uri + " (\"" + link.get().name() + "\", from the delivered settings)");
        } else {
            step.fact("URL", uri + " (no settings were delivered in this scenario: the user types it)");
        }
        if (!network.knows(uri)) {
            return step.skipped(uri.getHost() + " is outside the simulated network: no server of the model hosts it, so it is not fetched");
        }
        String accept = accept(handset);
        try {
            SimulatedNetwork.Response response = network.get(uri, accept);
            step.fact("response", response.status() + ", " + response.contentType() + ", " + response.body().length + " bytes");
            if (response.status() != 200) {
                return step.failed("the server answers " + response.status() + " for " + uri, "Page not found");
            }
            handset.page = response;
            step.fact(TraceEvent.SCREEN, title(response.text()).orElse(uri.toString()));
            return step.ok("the browser opened " + uri);
        } catch (IOException e) {
            return step.failed("the server at " + uri.getHost() + " does not answer: " + describe(e), "Server not responding");
        }
    }

    /** A classmark 3 handset's browser reads XHTML Mobile Profile; a WAP-only one WML. */
    private static String accept(SimulatedHandset handset) {
        return handset.profile.getClassmarks().stream().anyMatch(c -> c >= 2)
                ? "application/vnd.wap.xhtml+xml, application/xhtml+xml, text/html;q=0.5"
                : "text/vnd.wap.wml, application/vnd.wap.wmlc";
    }

    private static Optional<String> title(String page) {
        Matcher matcher = Pattern.compile("<title>([^<]*)</title>|<card[^>]*title=\"([^\"]*)\"").matcher(page);
        return matcher.find() ? Optional.ofNullable(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : Optional.empty();
    }

    private Step download(Application application, SimulatedHandset handset, Map<Application, OtaInstaller.Installed> installed) {
        Step step = new Step();
        int classmark = application.getClassmark() == 0 ? 3 : application.getClassmark();
        if (!handset.profile.getClassmarks().contains(classmark)) {
            return step.failed(handset.name() + " has no classmark " + classmark + " for " + application.getName(), "nothing");
        }
        Optional<URI> jad = linkTo(application, handset, step);
        if (jad.isEmpty()) {
            return step.failed("neither the page the handset is on nor any server of the model leads to " + application.getName());
        }
        Optional<OtaInstaller.Installed> suite = OtaInstaller.install(handset, network, jad.get(), step);
        suite.ifPresent(s -> installed.put(application, s));
        return step;
    }

    /** The JAD of {@code application}: the link on the current page with its name, else where a server of the model hosts it. */
    private Optional<URI> linkTo(Application application, SimulatedHandset handset, Step step) {
        if (handset.page != null) {
            Matcher matcher = LINK.matcher(handset.page.text());
            while (matcher.find()) {
                if (matcher.group(2).strip().equals(application.getName())) {
                    URI uri = handset.page.uri().resolve(matcher.group(1));
                    step.fact("link", "\"" + application.getName() + "\" on " + handset.page.uri());
                    return Optional.of(uri);
                }
            }
        }
        for (Server server : serverAddresses.keySet()) {
            for (HostedContent content : server.getContent()) {
                if (content.getApplication() == application) {
                    step.fact("link", "none on the current page; the user opens the URL the server " + server.getName() + " hosts it at");
                    return Optional.of(URI.create(server.getBaseUrl()).resolve(content.getPath()));
                }
            }
        }
        return Optional.empty();
    }

    private Step bootstrap(Scenario scenario, BootstrapActions actions, SimulatedHandset handset,
            Map<Application, OtaInstaller.Installed> installed) throws InterruptedException {
        Step step = new Step();
        OtaInstaller.Installed suite = installed.get(actions.getApplication());
        if (suite == null) {
            return step.failed(actions.getApplication().getName() + " is not installed on " + handset.name() + ": download it first");
        }
        Optional<InetSocketAddress> gateway = network.addressOf(suite.jad());
        Optional<ProvisioningServer> server = servers.entrySet().stream()
                .filter(e -> gateway.isPresent() && e.getValue().address().equals(gateway.get())).map(Map.Entry::getValue).findFirst();
        if (gateway.isEmpty() || server.isEmpty()) {
            return step.failed("the server of " + suite.jad() + " is not running");
        }
        Optional<Path> emulator = MidletRunner.emulator(options.emulator());
        if (emulator.isEmpty()) {
            return step.skipped("MicroEmulator is not installed beside prov (" + MidletRunner.JAR + ") nor named by -D"
                    + MidletRunner.EMULATOR_PROPERTY + "=JAR: the MIDlet is not started");
        }
        Path folder;
        try {
            folder = Files.createDirectories(work.resolve("handsets").resolve(handset.name() + "-" + GenerationContext.scenarioName(scenario)));
        } catch (IOException e) {
            return step.failed("cannot prepare the emulator: " + e.getMessage());
        }
        MidletRunner.Outcome outcome = MidletRunner.run(emulator.get(), suite.jad(), suite.descriptor(), gateway.get(), server.get(),
                options.answers(), scenario.getName(), options.patience(), folder);
        step.facts.putAll(outcome.facts());
        if (!outcome.started()) {
            return step.failed(outcome.summary(), "the application does not start");
        }
        step.ok(outcome.summary());
        for (var action : actions.getActions()) {
            if (action instanceof org.mexe.studio.model.provisioning.UpdateSimParameters update) {
                simUpdate(scenario, actions, update, handset, step);
                if (step.isFailed()) {
                    return step;
                }
            }
        }
        return step;
    }

    /**
     * The SIM update the bootstrap asked the server for: the operator sends the generated SMS-PP
     * packets over SMPP, the handset passes them to its card, the card checks and applies them.
     */
    private void simUpdate(Scenario scenario, BootstrapActions actions, org.mexe.studio.model.provisioning.UpdateSimParameters update,
            SimulatedHandset handset, Step step) throws InterruptedException {
        String sets = update.getParameterSets().stream().map(org.mexe.studio.model.provisioning.ParameterSet::getName)
                .collect(Collectors.joining(", "));
        String asked = step.facts.getOrDefault("report answered", "");
        if (!asked.contains("Prov-Sim-Update: " + sets)) {
            step.failed("the bootstrap did not ask for the SIM update " + sets + " (its report: " + asked + ")");
            return;
        }
        String file = GenerationContext.scenarioName(scenario) + "/"
                + String.format(Locale.ROOT, "%02d-sim-update/", GenerationContext.stageNumber(actions)) + "sms-submit.hex";
        byte[] hex = artefacts.get(file);
        if (hex == null || update.getOta() == null) {
            step.fact("SIM update " + sets, "no SIM OTA packets were generated for it (see the generation summary): nothing to apply");
            return;
        }
        SimCard card;
        try {
            card = new SimCard(org.mexe.studio.generator.SimUpdateContributor.cardKeys(update.getOta(), secrets));
        } catch (GenerationException e) {
            step.failed("the card's keys cannot be read: " + e.getMessage());
            return;
        }
        List<byte[]> packets = tpdus(hex);
        try {
            submit(packets, handset.msisdn, "Operator");
        } catch (Exception e) {
            step.failed("the SMSC did not take the SIM update: " + describe(e));
            return;
        }
        var arrived = handset.receive(packets.size(), options.patience());
        if (arrived.size() < packets.size()) {
            step.failed("the SIM update arrived in " + arrived.size() + " of " + packets.size() + " SMS", "nothing");
            return;
        }
        step.fact("SIM update " + sets, packets.size() + " SMS-PP (U)SIM data download from " + file);
        if (!card.apply(arrived, step).isFailed()) {
            step.summary += "; the card applied the SIM update " + sets;
        }
    }

    private Step components(ComponentDownload components, SimulatedHandset handset, Map<Application, OtaInstaller.Installed> installed) {
        Step total = new Step();
        List<String> done = new ArrayList<>();
        for (MexeComponent component : components.getComponents()) {
            Step one = download(component, handset, installed);
            one.facts.forEach((name, value) -> total.fact(component.getName() + " " + name, value));
            if (one.isFailed()) {
                return total.failed(component.getName() + ": " + one.summary);
            }
            done.add(component.getName());
        }
        return total.ok(String.join(", ", done) + " installed");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException || message == null) {
            return "connection refused";
        }
        return message;
    }
}

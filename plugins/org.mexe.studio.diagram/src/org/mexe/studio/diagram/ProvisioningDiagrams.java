package org.mexe.studio.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.CollectInformation;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.OfferChoices;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.Party;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityDomain;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;
import org.mexe.studio.model.provisioning.UpdatePhoneParameters;
import org.mexe.studio.model.provisioning.UpdateSimParameters;

/**
 * The diagrams of a provisioning model: a scenario's stages in order, with what each one uses and
 * produces, and the trust relations between parties, certificates, security domains, handsets and
 * applications. Built from the EMF model only, so the report and the IDE draw the same thing.
 */
public final class ProvisioningDiagrams {

    private ProvisioningDiagrams() {
    }

    /** Where an element was written, e.g. {@code brief/scenario.prov:12}; supplied by the caller, who knows the files. */
    public interface Places extends Function<EObject, String> {
    }

    /**
     * The stages of {@code scenario}, left to right, each with its details and the lines that
     * {@code produced} gives for it (what generation wrote, or a run's outcome); the server, the
     * bootstrap and the components the stages name hang below them.
     */
    public static Diagram scenarioFlow(Scenario scenario, Function<Stage, List<String>> produced, Places places) {
        String prefix = qualifiedName(scenario);
        List<Diagram.Node> nodes = new ArrayList<>();
        List<Diagram.Edge> edges = new ArrayList<>();
        Map<String, Diagram.Node> sideNodes = new LinkedHashMap<>();
        String previous = null;
        int number = 0;
        for (Stage stage : scenario.getStages()) {
            number++;
            String id = prefix + "#" + number;
            List<String> lines = new ArrayList<>(details(stage));
            lines.addAll(produced.apply(stage));
            nodes.add(new Diagram.Node(id, Diagram.Kind.STAGE, number + ". " + title(stage), lines, places.apply(stage)));
            if (previous != null) {
                edges.add(new Diagram.Edge(previous, id, ""));
            }
            previous = id;
            for (Element used : uses(stage)) {
                String usedId = qualifiedName(used);
                sideNodes.computeIfAbsent(usedId, key -> new Diagram.Node(key, kind(used), used.getName(), describe(used),
                        places.apply(used)));
                edges.add(new Diagram.Edge(id, usedId, relation(stage)));
            }
        }
        nodes.addAll(sideNodes.values());
        return new Diagram("Scenario " + prefix, nodes, edges);
    }

    /**
     * Who trusts whom across {@code models}: certificates and the parties that own them, the roots
     * of each security domain, the domains each handset trusts, and the domain and signer of each
     * application.
     */
    public static Diagram trust(List<ProvisioningModel> models, Places places) {
        Map<String, Diagram.Node> nodes = new LinkedHashMap<>();
        List<Diagram.Edge> edges = new ArrayList<>();
        for (ProvisioningModel model : models) {
            for (Element element : model.getElements()) {
                switch (element) {
                    case Party party -> add(nodes, party, places);
                    case Certificate certificate -> {
                        add(nodes, certificate, places);
                        if (resolved(certificate.getOwner())) {
                            add(nodes, certificate.getOwner(), places);
                            edges.add(new Diagram.Edge(qualifiedName(certificate.getOwner()), qualifiedName(certificate), "owns"));
                        }
                    }
                    case SecurityDomain domain -> {
                        add(nodes, domain, places);
                        for (Certificate root : domain.getRoots()) {
                            if (resolved(root)) {
                                add(nodes, root, places);
                                edges.add(new Diagram.Edge(qualifiedName(domain), qualifiedName(root), "root"));
                            }
                        }
                    }
                    case HandsetProfile handset -> {
                        add(nodes, handset, places);
                        for (SecurityDomain domain : handset.getTrustedDomains()) {
                            if (resolved(domain)) {
                                add(nodes, domain, places);
                                edges.add(new Diagram.Edge(qualifiedName(handset), qualifiedName(domain), "trusts"));
                            }
                        }
                    }
                    case Application application -> {
                        add(nodes, application, places);
                        if (resolved(application.getDomain())) {
                            add(nodes, application.getDomain(), places);
                            edges.add(new Diagram.Edge(qualifiedName(application), qualifiedName(application.getDomain()), "runs in"));
                        }
                        if (resolved(application.getSigner())) {
                            add(nodes, application.getSigner(), places);
                            edges.add(new Diagram.Edge(qualifiedName(application), qualifiedName(application.getSigner()), "signed by"));
                        }
                    }
                    default -> { }
                }
            }
        }
        return new Diagram("Trust", List.copyOf(nodes.values()), edges);
    }

    private static void add(Map<String, Diagram.Node> nodes, Element element, Places places) {
        nodes.computeIfAbsent(qualifiedName(element), id -> new Diagram.Node(id, kind(element), element.getName(), describe(element),
                places.apply(element)));
    }

    private static boolean resolved(EObject element) {
        return element != null && !element.eIsProxy();
    }

    /** {@code namespace.Name}, the name other files refer to the element by. */
    public static String qualifiedName(Element element) {
        EObject container = element.eContainer();
        return container instanceof ProvisioningModel model ? model.getName() + "." + element.getName() : element.getName();
    }

    private static Diagram.Kind kind(Element element) {
        return switch (element) {
            case Party party -> Diagram.Kind.PARTY;
            case Certificate certificate -> Diagram.Kind.CERTIFICATE;
            case SecurityDomain domain -> Diagram.Kind.DOMAIN;
            case HandsetProfile handset -> Diagram.Kind.HANDSET;
            case Application application -> Diagram.Kind.APPLICATION;
            case Server server -> Diagram.Kind.SERVER;
            case ParameterSet set -> Diagram.Kind.PARAMETERS;
            default -> Diagram.Kind.STAGE;
        };
    }

    private static List<String> describe(Element element) {
        return switch (element) {
            case Party party -> List.of(lower(party.getRole().getName()));
            case Certificate certificate -> List.of(certificate.getFile() != null ? "file " + certificate.getFile()
                    : "alias " + certificate.getAlias(), "stored on " + lower(certificate.getStoredOn().getName()));
            case SecurityDomain domain -> List.of(lower(domain.getKind().getName()) + " domain");
            case HandsetProfile handset -> List.of("classmarks " + handset.getClassmarks().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
            case Application application -> List.of((application instanceof org.mexe.studio.model.provisioning.BootstrapApplication
                    ? "bootstrap" : "component") + ", classmark " + application.getClassmark());
            case Server server -> server.getBaseUrl() == null ? List.of() : List.of(server.getBaseUrl());
            default -> List.of();
        };
    }

    private static String title(Stage stage) {
        return switch (stage) {
            case TrustSetup trust -> "trust";
            case ProvisioningRequest request -> "request by " + lower(request.getKind().getName());
            case ParameterDelivery delivery -> "deliver " + delivery.getParameterSets().stream().map(ParameterSet::getName)
                    .collect(Collectors.joining(" + "));
            case Connect connect -> "connect";
            case BootstrapDownload download -> "download " + name(download.getApplication());
            case BootstrapActions run -> "run " + name(run.getApplication());
            case ComponentDownload install -> "install components";
            default -> stage.eClass().getName();
        };
    }

    private static List<String> details(Stage stage) {
        List<String> lines = new ArrayList<>();
        switch (stage) {
            case TrustSetup trust -> trust.getCertificates().forEach(c -> lines.add("certificate " + name(c)));
            case ProvisioningRequest request -> {
                if (request.getNumber() != null) {
                    lines.add("to " + request.getNumber());
                }
                if (request.getKeyword() != null) {
                    lines.add("keyword " + request.getKeyword());
                }
                if (request.getMenuItem() != null) {
                    lines.add("menu item " + request.getMenuItem());
                }
            }
            case ParameterDelivery delivery -> {
                lines.add(delivery.isToSubscribers() ? "to every subscriber" : "to " + delivery.getDestination());
                lines.add("security " + lower(delivery.getSecurity().getName()) + ", format " + lower(delivery.getFormat().getName()));
            }
            case Connect connect -> lines.add(connect.getUrl() != null ? connect.getUrl()
                    : resolved(connect.getServer()) && connect.getServer().getHomePage() != null ? connect.getServer().getHomePage()
                            : "server " + name(connect.getServer()));
            case BootstrapDownload download -> {
                if (download.isSetProtocol()) {
                    lines.add("over " + lower(download.getProtocol().getName()));
                }
            }
            case BootstrapActions run -> run.getActions().forEach(action -> lines.add(switch (action) {
                case OfferChoices offer -> "offer " + String.join(", ", offer.getChoices());
                case CollectInformation collect -> "collect " + String.join(", ", collect.getItems());
                case UpdatePhoneParameters phone -> "update phone: " + phone.getParameterSets().stream().map(ProvisioningDiagrams::name)
                        .collect(Collectors.joining(", "));
                case UpdateSimParameters sim -> "update SIM: " + sim.getParameterSets().stream().map(ProvisioningDiagrams::name)
                        .collect(Collectors.joining(", "));
                case OrderComponents order -> "order " + order.getComponents().stream().map(ProvisioningDiagrams::name)
                        .collect(Collectors.joining(", "));
                default -> action.eClass().getName();
            }));
            case ComponentDownload install -> lines.add(install.getComponents().stream().map(ProvisioningDiagrams::name)
                    .collect(Collectors.joining(", ")));
            default -> { }
        }
        return lines;
    }

    private static List<Element> uses(Stage stage) {
        List<Element> used = new ArrayList<>();
        switch (stage) {
            case Connect connect -> used.add(connect.getServer());
            case BootstrapDownload download -> used.add(download.getApplication());
            case ComponentDownload install -> used.addAll(install.getComponents());
            default -> { }
        }
        used.removeIf(element -> !resolved(element));
        return used;
    }

    private static String relation(Stage stage) {
        return switch (stage) {
            case Connect connect -> "connects to";
            case BootstrapDownload download -> "downloads";
            default -> "installs";
        };
    }

    private static String name(EObject element) {
        if (element == null) {
            return "?";
        }
        if (element.eIsProxy()) {
            return EcoreUtil.getURI(element).fragment();
        }
        return element instanceof Element named ? named.getName() : element.eClass().getName();
    }

    private static String lower(String literal) {
        return literal.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

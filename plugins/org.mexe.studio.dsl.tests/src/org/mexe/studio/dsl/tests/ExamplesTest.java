package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.dsl.formatting2.ProvFormatting;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.CertificateStore;
import org.mexe.studio.model.provisioning.CollectInformation;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.DomainKind;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.OfferChoices;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.RequestKind;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityDomain;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.SubscriberColumn;
import org.mexe.studio.model.provisioning.SubscriberSource;
import org.mexe.studio.model.provisioning.TrustSetup;
import org.mexe.studio.model.provisioning.UpdatePhoneParameters;
import org.mexe.studio.model.provisioning.UpdateSimParameters;

/**
 * The bundled examples, loaded as {@code prov validate examples} loads them: every .prov file
 * under examples/ in one resource set, from disk, so that references cross files and folders
 * and relative paths (certificates, keystores, PINs, subscriber files) resolve as for a user.
 * They validate without a single issue, are in the formatter's layout, survive the serializer
 * and XMI, cover the brief, and use only documentation numbers and names.
 */
class ExamplesTest {

    /** The tests run in the module's folder. */
    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples")).toAbsolutePath().normalize();

    private final Map<Path, XtextResource> examples = load(ProvFiles.INJECTOR.getInstance(XtextResourceSet.class));

    @TempDir
    Path xmiFolder;

    private static List<Path> provFiles() {
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            return walk.filter(p -> p.toString().endsWith(".prov") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("Cannot list the examples in " + EXAMPLES + ": " + e.getMessage(), e);
        }
    }

    /** Every example file in {@code resourceSet}, linked. */
    private static Map<Path, XtextResource> load(XtextResourceSet resourceSet) {
        Map<Path, XtextResource> loaded = new LinkedHashMap<>();
        for (Path file : provFiles()) {
            loaded.put(file, (XtextResource) resourceSet.getResource(org.eclipse.emf.common.util.URI.createFileURI(file.toString()), true));
        }
        EcoreUtil.resolveAll(resourceSet);
        return loaded;
    }

    private List<ProvisioningModel> models() {
        return examples.values().stream().map(r -> (ProvisioningModel) r.getContents().get(0)).toList();
    }

    private <T extends EObject> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (XtextResource resource : examples.values()) {
            resource.getAllContents().forEachRemaining(o -> {
                if (type.isInstance(o)) {
                    found.add(type.cast(o));
                }
            });
        }
        return found;
    }

    private List<Stage> stages() {
        return all(Scenario.class).stream().flatMap(s -> s.getStages().stream()).toList();
    }

    private static String relative(Path file) {
        return EXAMPLES.relativize(file).toString();
    }

    // ---- Clean ------------------------------------------------------------------------------

    @Test
    void theExamplesAreFoundInSeveralFoldersAndNamespaces() {
        assertTrue(examples.size() >= 10, "too few example files in " + EXAMPLES + ": " + examples.keySet());
        Set<Path> folders = examples.keySet().stream().map(Path::getParent).collect(Collectors.toSet());
        assertTrue(folders.size() >= 3, "the examples should span folders: " + folders);
        Set<String> namespaces = models().stream().map(ProvisioningModel::getName).collect(Collectors.toSet());
        assertTrue(namespaces.size() >= 6, "the examples should span namespaces: " + namespaces);
    }

    @Test
    void everyExampleValidatesWithoutAnyIssue() {
        IResourceValidator validator = ProvFiles.INJECTOR.getInstance(IResourceValidator.class);
        List<String> issues = new ArrayList<>();
        examples.forEach((file, resource) -> {
            for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
                issues.add(relative(file) + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": " + issue.getSeverity() + " "
                        + issue.getCode() + ": " + issue.getMessage());
            }
        });
        assertEquals(List.of(), issues, "the examples must validate cleanly; " + issues.size() + " issue(s)");
    }

    // ---- Round trips ------------------------------------------------------------------------

    @Test
    void everyExampleIsInTheFormattersLayout() throws IOException {
        ProvFormatting formatting = ProvFiles.INJECTOR.getInstance(ProvFormatting.class);
        for (var example : examples.entrySet()) {
            String text = Files.readString(example.getKey(), StandardCharsets.UTF_8);
            assertEquals(text, formatting.format(example.getValue()), relative(example.getKey()) + " is not formatted: run prov format on it");
        }
    }

    /** Model to text to model: each file serialized, then parsed again beside the other files as they are on disk. */
    @Test
    void everyExampleSurvivesTheSerializer() {
        ISerializer serializer = ProvFiles.INJECTOR.getInstance(ISerializer.class);
        for (var example : examples.entrySet()) {
            EObject model = example.getValue().getContents().get(0);
            String text = serializer.serialize(model, SaveOptions.newBuilder().format().getOptions());

            XtextResourceSet fresh = ProvFiles.INJECTOR.getInstance(XtextResourceSet.class);
            org.eclipse.emf.common.util.URI uri = example.getValue().getURI();
            XtextResource reparsed = (XtextResource) fresh.createResource(uri);
            try {
                reparsed.load(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            for (Path other : provFiles()) {
                if (!other.equals(example.getKey())) {
                    fresh.getResource(org.eclipse.emf.common.util.URI.createFileURI(other.toString()), true);
                }
            }
            EcoreUtil.resolveAll(fresh);
            assertTrue(reparsed.getErrors().isEmpty(), () -> relative(example.getKey()) + " serialized to text with errors: "
                    + reparsed.getErrors() + "\n" + text);
            assertTrue(EcoreUtil.equals(model, reparsed.getContents().get(0)),
                    () -> relative(example.getKey()) + " is another model after serializing:\n" + text);
        }
    }

    /** Exported to XMI, one file per example with references between them, and imported again. */
    @Test
    void theExamplesSurviveXmiExportAndImport() throws IOException {
        List<EObject> originals = examples.values().stream().map(r -> r.getContents().get(0)).toList();
        EcoreUtil.Copier copier = new EcoreUtil.Copier();
        Collection<EObject> copies = copier.copyAll(originals);
        copier.copyReferences();

        ResourceSet export = new ResourceSetImpl();
        export.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        List<org.eclipse.emf.common.util.URI> uris = new ArrayList<>();
        int i = 0;
        for (EObject copy : copies) {
            org.eclipse.emf.common.util.URI uri = org.eclipse.emf.common.util.URI
                    .createFileURI(xmiFolder.resolve(String.format("%02d-%s.xmi", i++, ((ProvisioningModel) copy).getName())).toString());
            export.createResource(uri).getContents().add(copy);
            uris.add(uri);
        }
        for (Resource resource : export.getResources()) {
            resource.save(null);
        }

        ResourceSet imported = new ResourceSetImpl();
        imported.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        List<EObject> loaded = uris.stream().map(uri -> imported.getResource(uri, true).getContents().get(0)).toList();
        EcoreUtil.resolveAll(imported);

        assertTrue(imported.getResources().stream().allMatch(r -> r.getErrors().isEmpty()), "the XMI files load without errors");
        assertTrue(EcoreUtil.equals(originals, loaded), "the examples are other models after XMI export and import");
        assertFalse(all(Certificate.class).isEmpty(), "the comparison covers cross-file references");
    }

    // ---- The brief --------------------------------------------------------------------------

    @Test
    void theBriefsScenarioRunsEndToEndInTheBriefsOrder() {
        List<Class<?>> briefOrder = List.of(TrustSetup.class, ProvisioningRequest.class, ParameterDelivery.class,
                Connect.class, BootstrapDownload.class, BootstrapActions.class, ComponentDownload.class);
        Scenario endToEnd = all(Scenario.class).stream()
                .filter(s -> s.getStages().stream().map(stage -> stage.eClass().getInstanceClass()).toList().equals(briefOrder))
                .findFirst().orElseThrow(() -> new AssertionError("no scenario has exactly the brief's stages in its order " + briefOrder));

        TrustSetup trust = (TrustSetup) endToEnd.getStages().get(0);
        assertTrue(trust.getCertificates().stream().anyMatch(c -> c.getStoredOn() == CertificateStore.HANDSET
                && c.getOwner() != null && c.getOwner().getRole() == org.mexe.studio.model.provisioning.PartyRole.MANUFACTURER),
                "manufacturer roots preloaded on the handset");
        assertTrue(trust.getCertificates().stream().anyMatch(c -> c.getStoredOn() == CertificateStore.SIM
                && c.getOwner() != null && c.getOwner().getRole() == org.mexe.studio.model.provisioning.PartyRole.OPERATOR),
                "the operator's certificate on the SIM");

        ProvisioningRequest request = (ProvisioningRequest) endToEnd.getStages().get(1);
        assertEquals(RequestKind.SMS, request.getKind());
        assertTrue(request.getKeyword() != null, "an SMS with a keyword to a special address");

        ParameterDelivery delivery = (ParameterDelivery) endToEnd.getStages().get(2);
        assertEquals(org.mexe.studio.model.provisioning.Bearer.CONCATENATED_SMS, delivery.getBearer());
        assertEquals(DeliveryFormat.OMA_CP, delivery.getFormat());

        BootstrapActions actions = (BootstrapActions) endToEnd.getStages().get(5);
        Set<Class<?>> kinds = actions.getActions().stream().map(a -> (Class<?>) a.eClass().getInstanceClass()).collect(Collectors.toSet());
        assertEquals(Set.of(OfferChoices.class, CollectInformation.class, UpdatePhoneParameters.class, UpdateSimParameters.class,
                OrderComponents.class), kinds, "the bootstrap offers choices, collects information, updates phone and SIM, orders components");
        assertTrue(actions.getActions().stream().filter(CollectInformation.class::isInstance).map(CollectInformation.class::cast)
                .anyMatch(c -> c.getItems().contains("credit card")), "the brief's example of user information");
        assertEquals(((BootstrapDownload) endToEnd.getStages().get(4)).getApplication(), actions.getApplication());
        assertEquals(org.mexe.studio.model.provisioning.TransferProtocol.HTTP,
                ((BootstrapDownload) endToEnd.getStages().get(4)).getProtocol());
    }

    /** GSM, GPRS, WAP, WWW, public keys, IPv4, IPv6 and the default classmark, as the brief lists them. */
    @Test
    void theBriefsWholeParameterListIsProvisioned() {
        Set<ParameterSet> provisioned = new java.util.HashSet<>();
        for (Stage stage : stages()) {
            if (stage instanceof ParameterDelivery delivery) {
                provisioned.addAll(delivery.getParameterSets());
            } else if (stage instanceof BootstrapActions actions) {
                actions.getActions().forEach(a -> {
                    if (a instanceof UpdatePhoneParameters phone) {
                        provisioned.addAll(phone.getParameterSets());
                    } else if (a instanceof UpdateSimParameters sim) {
                        provisioned.addAll(sim.getParameterSets());
                    }
                });
            }
        }
        // Each set with what it inherits.
        List<ParameterSet> effective = provisioned.stream().flatMap(ExamplesTest::chain).toList();
        Map<String, Predicate<ParameterSet>> parameters = new LinkedHashMap<>();
        parameters.put("GSM RAS number", p -> p.getGsmCsd() != null && p.getGsmCsd().getNumber() != null);
        parameters.put("GPRS APN", p -> p.getGprs() != null && p.getGprs().getApn() != null);
        parameters.put("WAP gateway", p -> p.getWap() != null && p.getWap().getGateway() != null);
        parameters.put("WAP setup URL", p -> p.getWap() != null && p.getWap().getSetupUrl() != null);
        parameters.put("WAP home page", p -> p.getWap() != null && p.getWap().getHomePage() != null);
        parameters.put("WAP favourites", p -> p.getWap() != null && !p.getWap().getBookmarks().isEmpty());
        parameters.put("WWW HTTP proxy", p -> p.getWww() != null && p.getWww().getProxy() != null);
        parameters.put("WWW setup URL", p -> p.getWww() != null && p.getWww().getSetupUrl() != null);
        parameters.put("WWW home page", p -> p.getWww() != null && p.getWww().getHomePage() != null);
        parameters.put("WWW favourites", p -> p.getWww() != null && !p.getWww().getBookmarks().isEmpty());
        parameters.put("SMTP address", p -> p.getMail() != null && p.getMail().getSmtp() != null);
        parameters.put("POP3 address", p -> p.getMail() != null && p.getMail().getPop3() != null);
        parameters.put("public keys", p -> !p.getPublicKeys().isEmpty());
        parameters.put("IPv4 enabled", p -> p.getIpv4() != null && p.getIpv4().isSetEnabled());
        parameters.put("IPv4 addresses", p -> p.getIpv4() != null && !p.getIpv4().getAddresses().isEmpty());
        parameters.put("IPv6 enabled", p -> p.getIpv6() != null && p.getIpv6().isSetEnabled());
        parameters.put("IPv6 addresses", p -> p.getIpv6() != null && !p.getIpv6().getAddresses().isEmpty());
        parameters.put("IPv6 6-to-4", p -> p.getIpv6() != null && p.getIpv6().isSetSixToFour());
        parameters.put("default classmark", ParameterSet::isSetDefaultClassmark);
        List<String> missing = parameters.entrySet().stream().filter(e -> effective.stream().noneMatch(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "parameters of the brief that no scenario delivers or has the bootstrap set");
    }

    private static Stream<ParameterSet> chain(ParameterSet set) {
        List<ParameterSet> chain = new ArrayList<>();
        for (ParameterSet s = set; s != null && !chain.contains(s); s = s.getBase()) {
            chain.add(s);
        }
        return chain.stream();
    }

    @Test
    void theVariantsOfTheIssueAreThere() {
        List<ProvisioningRequest> requests = stages().stream().filter(ProvisioningRequest.class::isInstance)
                .map(ProvisioningRequest.class::cast).toList();
        assertTrue(requests.stream().anyMatch(r -> r.getKind() == RequestKind.SIM_TOOLKIT), "a request by SIM Toolkit");
        assertTrue(requests.stream().anyMatch(r -> r.getKind() == RequestKind.CALL), "a call to a service centre");

        List<ParameterDelivery> deliveries = stages().stream().filter(ParameterDelivery.class::isInstance)
                .map(ParameterDelivery.class::cast).toList();
        assertTrue(deliveries.stream().anyMatch(d -> d.getFormat() == DeliveryFormat.NOKIA_OTA && d.getSecurity() == SecurityMethod.NONE),
                "Nokia OTA for older handsets, unsigned");
        assertTrue(deliveries.stream().anyMatch(d -> d.isToSubscribers() && d.getSecurity() == SecurityMethod.NETWPIN
                && EcoreUtil2.getContainerOfType(d, Scenario.class).getSubscribers() != null), "per-subscriber NETWPIN from a subscriber file");

        assertTrue(all(HandsetProfile.class).stream().anyMatch(h -> h.getClassmarks().size() > 1), "a multi-classmark handset");
        assertTrue(all(ParameterSet.class).stream().anyMatch(p -> p.getBase() != null && p.eResource() != p.getBase().eResource()),
                "a regional set that overrides a national set of another file");
        assertEquals(Set.of(DomainKind.values()), all(SecurityDomain.class).stream().map(SecurityDomain::getKind).collect(Collectors.toSet()),
                "the three MExE security domains");
    }

    /** The subscribers file is CSV with the columns the model names, in the test ranges. */
    @Test
    void theSubscriberFileHoldsTestNumbersOnly() throws IOException {
        List<SubscriberSource> sources = all(SubscriberSource.class);
        assertFalse(sources.isEmpty(), "an example of per-subscriber generation");
        for (SubscriberSource source : sources) {
            assertEquals(List.of(SubscriberColumn.MSISDN, SubscriberColumn.IMSI), source.getColumns());
            Path file = Path.of(source.eResource().getURI().toFileString()).getParent().resolve(source.getFile());
            List<String> rows = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertEquals("msisdn,imsi", rows.get(0), "a header that names the columns");
            assertTrue(rows.size() > 2, "several subscribers");
            for (String row : rows.subList(1, rows.size())) {
                String[] fields = row.split(",");
                assertTrue(DRAMA_NUMBER.matcher(fields[0]).matches(), row + ": the MSISDN is from Ofcom's drama range +447700900xxx");
                assertTrue(TEST_IMSI.matcher(fields[1]).matches(), row + ": the IMSI is of the test network MCC 001 MNC 01");
            }
        }
    }

    // ---- Only documentation values ----------------------------------------------------------

    /**
     * The walking skeleton's demo, kept byte for byte because its output is asserted elsewhere; its
     * proxy is in a private network (RFC 1918), which no public route reaches either.
     */
    private static final Path FROZEN_DEMO = EXAMPLES.resolve("demo-operator");

    private static final Pattern DRAMA_NUMBER = Pattern.compile("\\+447700900[0-9]{3}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,6}");
    private static final Pattern TEST_IMSI = Pattern.compile("00101[0-9]{10}");
    /** RFC 5737 documentation networks. */
    private static final Pattern DOCUMENTATION_IPV4 = Pattern.compile("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.[0-9]{1,3}");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /**
     * Every address, number and name in the examples belongs to a range reserved for documentation
     * (RFC 5737, RFC 3849, RFC 2606, Ofcom's drama numbers), so that no example reaches a real network.
     */
    @Test
    void everyValueIsFromADocumentationRange() {
        List<String> real = new ArrayList<>();
        for (var example : examples.entrySet()) {
            if (example.getKey().startsWith(FROZEN_DEMO)) {
                continue;
            }
            XtextResource resource = example.getValue();
            resource.getAllContents().forEachRemaining(object -> {
                for (EAttribute attribute : object.eClass().getEAllAttributes()) {
                    if (attribute.getEAttributeType().getInstanceClass() != String.class || object instanceof ProvisioningModel) {
                        continue;
                    }
                    Object value = object.eGet(attribute);
                    List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
                    for (Object v : values) {
                        String problem = notForDocumentation(attribute.getName(), (String) v);
                        if (problem != null) {
                            real.add(relative(Path.of(resource.getURI().toFileString())) + ": " + object.eClass().getName() + "."
                                    + attribute.getName() + " \"" + v + "\" " + problem);
                        }
                    }
                }
            });
        }
        assertEquals(List.of(), real);
    }

    private static String notForDocumentation(String attribute, String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            try {
                return documentationHost(new URI(value).getHost());
            } catch (URISyntaxException e) {
                return "is not a URL";
            }
        }
        if (value.startsWith("+")) {
            return DRAMA_NUMBER.matcher(value).matches() ? null : "is not an Ofcom drama number +447700900xxx";
        }
        if (attribute.equals("number") || attribute.equals("destination")) {
            return SHORT_CODE.matcher(value).matches() ? null : "is neither a drama number nor a short code";
        }
        if (attribute.equals("imsi")) {
            return TEST_IMSI.matcher(value).matches() ? null : "is not an IMSI of the test network 001 01";
        }
        if (value.contains(":") && value.matches("[0-9A-Fa-f:.]+")) {
            return value.toLowerCase(java.util.Locale.ROOT).startsWith("2001:db8:") ? null : "is not in the IPv6 documentation prefix 2001:db8::/32";
        }
        if (IPV4.matcher(value).matches()) {
            return DOCUMENTATION_IPV4.matcher(value).matches() ? null : "is not in an RFC 5737 documentation network";
        }
        if (value.contains("@")) {
            return documentationHost(value.substring(value.indexOf('@') + 1));
        }
        if (HOST_NAME.matcher(value).matches() && !value.endsWith(".prov") && !value.endsWith(".pem") && !value.endsWith(".p12")
                && !value.endsWith(".txt") && !value.endsWith(".csv") && !value.endsWith(".jad")) {
            return documentationHost(value);
        }
        return null;
    }

    private static String documentationHost(String host) {
        if (host == null) {
            return "has no host";
        }
        if (IPV4.matcher(host).matches()) {
            return DOCUMENTATION_IPV4.matcher(host).matches() ? null : "is not in an RFC 5737 documentation network";
        }
        return host.endsWith(".example") || host.endsWith(".invalid") ? null : "is not under .example or .invalid (RFC 2606)";
    }
}

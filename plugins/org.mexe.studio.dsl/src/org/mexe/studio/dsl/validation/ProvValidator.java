package org.mexe.studio.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.BidiTreeIterator;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;
import org.mexe.studio.model.constraints.Places;
import org.mexe.studio.model.constraints.ValueConstraints;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapAction;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.SubscriberColumn;
import org.mexe.studio.model.provisioning.SubscriberSource;
import org.mexe.studio.model.provisioning.TrustSetup;

import com.google.inject.Inject;

/**
 * Checks that need cross-references, several objects or the text. Rules about one object's own
 * values are invariants of the metamodel ({@code org.mexe.studio.model.constraints}), which EMF's
 * Diagnostician runs for the language and for XMI alike; {@link ProvDiagnosticConverter} gives
 * them their issue codes.
 */
@ComposedChecks(validators = { PayloadValidator.class, TrustValidator.class, BootstrapValidator.class })
public class ProvValidator extends AbstractProvValidator {

    private static final String PREFIX = "org.mexe.studio.dsl.";

    // Codes of the first release; rules that moved into the metamodel keep theirs (ProvDiagnosticConverter).
    public static final String MISSING_PIN = PREFIX + "missingPin";
    public static final String MISSING_IMSI = PREFIX + "missingImsi";
    public static final String INVALID_IMSI = PREFIX + "invalidImsi";
    public static final String INVALID_DESTINATION = PREFIX + "invalidDestination";
    public static final String INVALID_PORT = PREFIX + "invalidPort";
    public static final String INVALID_HOME_PAGE = PREFIX + "invalidHomePage";
    public static final String EMPTY_PARAMETER_SET = PREFIX + "emptyParameterSet";

    public static final String MISSING_SECURITY = PREFIX + "missingSecurity";
    public static final String MISSING_DESTINATION = PREFIX + "missingDestination";
    public static final String NO_SUBSCRIBER_SOURCE = PREFIX + "noSubscriberSource";
    public static final String UNAUTHENTICATED_DELIVERY = PREFIX + "unauthenticatedDelivery";
    public static final String NOKIA_OTA_SECURITY = PREFIX + "nokiaOtaSecurity";
    public static final String UNSUPPORTED_CLASSMARK = PREFIX + "unsupportedClassmark";
    public static final String UNSUPPORTED_FORMAT = PREFIX + "unsupportedFormat";
    public static final String CONNECT_BEFORE_PARAMETERS = PREFIX + "connectBeforeParameters";
    public static final String DOWNLOAD_BEFORE_CONNECT = PREFIX + "downloadBeforeConnect";
    public static final String RUN_BEFORE_DOWNLOAD = PREFIX + "runBeforeDownload";
    public static final String COMPONENT_BEFORE_CONNECT = PREFIX + "componentBeforeConnect";
    public static final String TRUST_AFTER_DOWNLOAD = PREFIX + "trustAfterDownload";
    public static final String UNUSED_PARAMETER_SET = PREFIX + "unusedParameterSet";
    public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
    public static final String DUPLICATE_STATEMENT = PREFIX + "duplicateStatement";
    public static final String EXTENDS_CYCLE = PREFIX + "extendsCycle";

    /** The references through which a parameter set is used. */
    private static final Set<EReference> USES_OF_SETS = Set.of(Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
            Literals.UPDATE_PHONE_PARAMETERS__PARAMETER_SETS, Literals.UPDATE_SIM_PARAMETERS__PARAMETER_SETS,
            Literals.PARAMETER_SET__BASE);

    /** Features written with the same keyword: 'pin env ...' and 'pin generated' are one statement, as are the two 'to's. */
    private static final Map<EStructuralFeature, EStructuralFeature> STATEMENT_OF = Map.of(
            Literals.PARAMETER_DELIVERY__GENERATED_PIN, Literals.PARAMETER_DELIVERY__PIN,
            Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS, Literals.PARAMETER_DELIVERY__DESTINATION);

    private static final Map<EStructuralFeature, String> STATEMENT_KEYWORDS = Map.of(
            Literals.PARAMETER_DELIVERY__PIN, "pin", Literals.PARAMETER_DELIVERY__DESTINATION, "to");

    private static final String USED_SETS_KEY = ProvValidator.class.getName() + ".usedParameterSets";

    @Inject
    private ResourceDescriptionsProvider resourceDescriptions;

    @Inject
    private IQualifiedNameProvider qualifiedNames;

    // ---- Deliveries -------------------------------------------------------------------------

    @Check
    public void deliveryIsComplete(ParameterDelivery delivery) {
        String which = stageName(delivery);
        if (!delivery.isSetSecurity()) {
            error("'" + which + "' says nothing about security: add 'security userpin', 'netwpin', 'usernetwpin' or 'userpinmac'"
                    + " (or 'security none' to send it unauthenticated).", Literals.PARAMETER_DELIVERY__PARAMETER_SETS, MISSING_SECURITY);
        }
        if (delivery.getDestination() == null && !delivery.isToSubscribers()) {
            error("'" + which + "' says nowhere whom it goes to: add 'to \"+447700900123\"' for one phone or 'to subscribers'"
                    + " for every subscriber of the scenario's subscriber file.", Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
                    MISSING_DESTINATION);
        }
        if (delivery.isToSubscribers()) {
            SubscriberSource subscribers = subscribers(delivery);
            if (subscribers == null) {
                error("'" + which + "' goes 'to subscribers', but " + scenarioName(delivery) + " names no subscriber file: add"
                        + " 'subscribers S' to the scenario, with S a 'subscribers S { file \"...\" columns msisdn, ... }'.",
                        Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS, NO_SUBSCRIBER_SOURCE);
            } else if (!subscribers.eIsProxy() && !subscribers.getColumns().contains(SubscriberColumn.MSISDN)) {
                error("'" + which + "' goes 'to subscribers', but the subscriber file " + subscribers.getName() + " has no msisdn"
                        + " column to send to: add msisdn to its columns.", Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS,
                        NO_SUBSCRIBER_SOURCE);
            }
        }
    }

    @Check
    public void securityHasWhatItNeeds(ParameterDelivery delivery) {
        if (!delivery.isSetSecurity()) {
            return;
        }
        SecurityMethod method = delivery.getSecurity();
        String name = keyword(method);
        SubscriberSource subscribers = delivery.isToSubscribers() ? subscribers(delivery) : null;
        if (needsPin(method)) {
            boolean fromSubscribers = subscribers != null && (subscribers.eIsProxy() || subscribers.getColumns().contains(SubscriberColumn.PIN));
            if (delivery.getPin() == null && !delivery.isGeneratedPin() && !fromSubscribers) {
                error(name.toUpperCase() + " security needs a PIN: add 'pin env \"VARIABLE\"', 'pin file \"path\"' or 'pin generated'"
                        + (subscribers != null ? ", or a pin column in the subscriber file " + subscribers.getName() + "."
                                : ", or send 'to subscribers' from a subscriber file with a pin column."),
                        Literals.PARAMETER_DELIVERY__SECURITY, MISSING_PIN);
            }
        }
        if (needsImsi(method)) {
            boolean fromSubscribers = subscribers != null && (subscribers.eIsProxy() || subscribers.getColumns().contains(SubscriberColumn.IMSI));
            if (delivery.getImsi() == null && !fromSubscribers) {
                error(name.toUpperCase() + " security is keyed by the subscriber's IMSI: add 'imsi \"234150999999999\"'"
                        + (subscribers != null ? ", or an imsi column in the subscriber file " + subscribers.getName() + "."
                                : ", or send 'to subscribers' from a subscriber file with an imsi column."),
                        Literals.PARAMETER_DELIVERY__SECURITY, MISSING_IMSI);
            }
        }
    }

    @Check
    public void securityFitsTheFormat(ParameterDelivery delivery) {
        if (!delivery.isSetSecurity()) {
            return;
        }
        DeliveryFormat format = format(delivery);
        if (format == DeliveryFormat.NOKIA_OTA && delivery.getSecurity() != SecurityMethod.NONE) {
            error("Nokia OTA settings carry no MAC, so 'security " + keyword(delivery.getSecurity()) + "' cannot be sent with"
                    + " 'format nokia-ota': write 'security none', or use 'format oma-cp' for authenticated settings.",
                    Literals.PARAMETER_DELIVERY__SECURITY, NOKIA_OTA_SECURITY);
        } else if (format == DeliveryFormat.OMA_CP && delivery.getSecurity() == SecurityMethod.NONE) {
            warning("'security none' sends OMA Client Provisioning settings without a MAC: handsets show them as unauthenticated"
                    + " and many users reject them. Use 'security userpin' (or netwpin, usernetwpin, userpinmac).",
                    Literals.PARAMETER_DELIVERY__SECURITY, UNAUTHENTICATED_DELIVERY);
        }
    }

    private static boolean needsPin(SecurityMethod method) {
        return method == SecurityMethod.USERPIN || method == SecurityMethod.USERNETWPIN || method == SecurityMethod.USERPINMAC;
    }

    private static boolean needsImsi(SecurityMethod method) {
        return method == SecurityMethod.NETWPIN || method == SecurityMethod.USERNETWPIN;
    }

    /** The format a delivery is sent in: OMA Client Provisioning unless it says otherwise. */
    private static DeliveryFormat format(ParameterDelivery delivery) {
        return delivery.isSetFormat() ? delivery.getFormat() : DeliveryFormat.OMA_CP;
    }

    private static SubscriberSource subscribers(ParameterDelivery delivery) {
        return delivery.eContainer() instanceof Scenario scenario ? scenario.getSubscribers() : null;
    }

    // ---- Handsets of a scenario ---------------------------------------------------------------

    /** Every application the scenario downloads, runs, orders or installs runs on every target handset. */
    @Check
    public void applicationsFitTheHandsets(Scenario scenario) {
        List<HandsetProfile> handsets = scenario.getHandsets().stream()
                .filter(h -> !h.eIsProxy() && !h.getClassmarks().isEmpty()).toList();
        if (handsets.isEmpty()) {
            return;
        }
        Set<Application> checked = new HashSet<>();
        for (Stage stage : scenario.getStages()) {
            switch (stage) {
                case BootstrapDownload download -> classmark(handsets, checked, download.getApplication(), download,
                        Literals.BOOTSTRAP_DOWNLOAD__APPLICATION, INSIGNIFICANT_INDEX);
                case BootstrapActions run -> {
                    classmark(handsets, checked, run.getApplication(), run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, INSIGNIFICANT_INDEX);
                    for (BootstrapAction action : run.getActions()) {
                        if (action instanceof OrderComponents order) {
                            for (int i = 0; i < order.getComponents().size(); i++) {
                                classmark(handsets, checked, order.getComponents().get(i), order, Literals.ORDER_COMPONENTS__COMPONENTS, i);
                            }
                        }
                    }
                }
                case ComponentDownload install -> {
                    for (int i = 0; i < install.getComponents().size(); i++) {
                        classmark(handsets, checked, install.getComponents().get(i), install, Literals.COMPONENT_DOWNLOAD__COMPONENTS, i);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void classmark(List<HandsetProfile> handsets, Set<Application> checked, Application application, EObject at,
            EStructuralFeature feature, int index) {
        // One report per application: downloading and running it is one incompatibility.
        if (application == null || application.eIsProxy() || !ValueConstraints.isClassmark(application.getClassmark())
                || !checked.add(application)) {
            return;
        }
        List<HandsetProfile> lacking = handsets.stream().filter(h -> !h.getClassmarks().contains(application.getClassmark())).toList();
        if (!lacking.isEmpty()) {
            String which = lacking.stream().map(h -> h.getName() + " (classmarks "
                    + h.getClassmarks().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining(", "));
            error(Places.of(application) + " is classmark " + application.getClassmark() + ", which the handset"
                    + (lacking.size() > 1 ? "s " : " ") + which + " cannot run: give it a classmark every handset of the scenario"
                    + " supports, or move these handsets to a scenario of their own.", at, feature, index, UNSUPPORTED_CLASSMARK);
        }
    }

    /**
     * Every delivery reaches every target handset in a format it reads: a handset that does not
     * read this delivery's format must get the same parameter sets from another delivery.
     */
    @Check
    public void deliveriesFitTheHandsets(Scenario scenario) {
        List<HandsetProfile> handsets = scenario.getHandsets().stream().filter(h -> !h.eIsProxy() && !h.getFormats().isEmpty()).toList();
        List<ParameterDelivery> deliveries = scenario.getStages().stream().filter(ParameterDelivery.class::isInstance)
                .map(ParameterDelivery.class::cast).toList();
        for (ParameterDelivery delivery : deliveries) {
            DeliveryFormat format = format(delivery);
            List<HandsetProfile> lacking = handsets.stream()
                    .filter(h -> !h.getFormats().contains(format))
                    .filter(h -> deliveries.stream().noneMatch(other -> other != delivery && h.getFormats().contains(format(other))
                            && other.getParameterSets().containsAll(delivery.getParameterSets())))
                    .toList();
            if (!lacking.isEmpty()) {
                String which = lacking.stream().map(h -> h.getName() + " (reads "
                        + h.getFormats().stream().map(ProvValidator::keyword).collect(Collectors.joining(", ")) + ")")
                        .collect(Collectors.joining(", "));
                error("'" + stageName(delivery) + "' is sent as " + keyword(format) + ", which the handset"
                        + (lacking.size() > 1 ? "s " : " ") + which + " cannot read: give a 'format' every target handset reads,"
                        + " or add a delivery of the same sets in a format they read.", delivery,
                        delivery.isSetFormat() ? Literals.PARAMETER_DELIVERY__FORMAT : Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
                        INSIGNIFICANT_INDEX, UNSUPPORTED_FORMAT);
            }
        }
    }

    // ---- Order of stages --------------------------------------------------------------------

    /**
     * Stages may be reordered, varied or replaced, so only orders that cannot work are errors: a
     * stage whose prerequisite the scenario has, but only later (or, for running a bootstrap
     * application, not at all). A missing connect or trust set-up is a replacement (settings
     * already on the phone, roots preloaded), not a mistake.
     */
    @Check
    public void stagesAreInAnOrderThatWorks(Scenario scenario) {
        List<Stage> stages = scenario.getStages();
        int firstDelivery = first(stages, ParameterDelivery.class);
        int firstConnect = first(stages, Connect.class);
        int firstDownload = Math.min(first(stages, BootstrapDownload.class), first(stages, ComponentDownload.class));
        for (int index = 0; index < stages.size(); index++) {
            int i = index;
            switch (stages.get(i)) {
                case Connect connect when firstDelivery != NONE && firstDelivery > i ->
                    error(describe(stages, i) + " comes before the parameters are delivered (" + describe(stages, firstDelivery)
                            + "): the handset has no connection settings yet. Move the delivery before the connect.",
                            connect, null, CONNECT_BEFORE_PARAMETERS);
                case BootstrapDownload download when firstConnect != NONE && firstConnect > i ->
                    error(describe(stages, i) + " comes before the handset connects (" + describe(stages, firstConnect)
                            + "), so it has nowhere to download from: move the connect before it.",
                            download, null, DOWNLOAD_BEFORE_CONNECT);
                case BootstrapActions run -> {
                    runAfterDownload(stages, i, run);
                    if (firstConnect != NONE && firstConnect > i) {
                        run.getActions().stream().filter(OrderComponents.class::isInstance).forEach(order -> error(
                                describe(stages, i) + " orders components before the handset connects (" + describe(stages, firstConnect)
                                        + "): move the connect before it.", order, null, COMPONENT_BEFORE_CONNECT));
                    }
                }
                case ComponentDownload install when firstConnect != NONE && firstConnect > i ->
                    error(describe(stages, i) + " comes before the handset connects (" + describe(stages, firstConnect)
                            + "), so it has nowhere to download from: move the connect before it.",
                            install, null, COMPONENT_BEFORE_CONNECT);
                default -> {
                }
            }
        }
        int firstTrust = first(stages, TrustSetup.class);
        if (firstTrust != NONE && firstDownload != NONE && firstTrust > firstDownload) {
            error(describe(stages, firstTrust) + " comes after " + describe(stages, firstDownload) + ": the handset checks the"
                    + " signature of what it downloads against these certificates, so move the trust set-up before the first"
                    + " download.", stages.get(firstTrust), null, TRUST_AFTER_DOWNLOAD);
        }
    }

    private void runAfterDownload(List<Stage> stages, int index, BootstrapActions run) {
        BootstrapApplication application = run.getApplication();
        if (application == null || application.eIsProxy()) {
            return;
        }
        int download = NONE;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof BootstrapDownload d && d.getApplication() == application) {
                download = i;
                if (i < index) {
                    return;
                }
            }
        }
        String name = application.getName();
        if (download != NONE) {
            error(describe(stages, index) + " comes before " + describe(stages, download) + ": the handset cannot run what it has"
                    + " not downloaded. Move the download before it.", run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, RUN_BEFORE_DOWNLOAD);
        } else {
            error(describe(stages, index) + " runs " + name + ", which the scenario never downloads: add 'download " + name
                    + "' before it.", run, Literals.BOOTSTRAP_ACTIONS__APPLICATION, RUN_BEFORE_DOWNLOAD);
        }
    }

    private static final int NONE = Integer.MAX_VALUE;

    private static int first(List<Stage> stages, Class<? extends Stage> kind) {
        for (int i = 0; i < stages.size(); i++) {
            if (kind.isInstance(stages.get(i))) {
                return i;
            }
        }
        return NONE;
    }

    /** "stage 3, 'download Boot'". */
    private static String describe(List<Stage> stages, int index) {
        return "stage " + (index + 1) + ", '" + stageName(stages.get(index)) + "'";
    }

    /** The first words of a stage as written, for example "deliver National, London" or "connect ProvServer". */
    private static String stageName(Stage stage) {
        return switch (stage) {
            case TrustSetup trust -> "trust " + referenceText(trust, Literals.TRUST_SETUP__CERTIFICATES);
            case ProvisioningRequest request -> "request " + keyword(request.getKind());
            case ParameterDelivery delivery -> "deliver " + referenceText(delivery, Literals.PARAMETER_DELIVERY__PARAMETER_SETS);
            case Connect connect -> "connect " + (connect.getUrl() != null ? "\"" + connect.getUrl() + "\""
                    : referenceText(connect, Literals.CONNECT__SERVER));
            case BootstrapDownload download -> "download " + referenceText(download, Literals.BOOTSTRAP_DOWNLOAD__APPLICATION);
            case BootstrapActions run -> "run " + referenceText(run, Literals.BOOTSTRAP_ACTIONS__APPLICATION);
            case ComponentDownload install -> "install " + referenceText(install, Literals.COMPONENT_DOWNLOAD__COMPONENTS);
            default -> stage.eClass().getName();
        };
    }

    /** The names a reference is written with (also when they do not resolve), joined by commas. */
    private static String referenceText(EObject object, EReference reference) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
        if (!nodes.isEmpty()) {
            return nodes.stream().map(NodeModelUtils::getTokenText).collect(Collectors.joining(", "));
        }
        Object value = object.eGet(reference, false);
        List<?> targets = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        return targets.stream().map(t -> t instanceof Element e && e.getName() != null ? e.getName() : "?").collect(Collectors.joining(", "));
    }

    /** How the text writes an enum value: the grammar's keywords are the literals in lower case, with hyphens. */
    private static String keyword(Enumerator value) {
        return value.getName().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String scenarioName(EObject object) {
        return object.eContainer() instanceof Scenario scenario ? "the scenario " + scenario.getName() : "the scenario";
    }

    // ---- Parameter sets ---------------------------------------------------------------------

    @Check
    public void parameterSetNotEmpty(ParameterSet set) {
        if (set.getBase() == null && set.eContents().isEmpty() && set.getPublicKeys().isEmpty() && !set.isSetDefaultClassmark()) {
            warning("The parameter set '" + set.getName() + "' is empty: it would deliver nothing. Give it a block such as"
                    + " 'gprs { apn \"...\" }', or remove it.", Literals.ELEMENT__NAME, EMPTY_PARAMETER_SET);
        }
    }

    @Check
    public void extendsHasNoCycle(ParameterSet set) {
        List<String> chain = new ArrayList<>();
        chain.add(set.getName());
        Set<ParameterSet> seen = new HashSet<>();
        seen.add(set);
        for (ParameterSet base = set.getBase(); base != null && !base.eIsProxy(); base = base.getBase()) {
            chain.add(base.getName());
            if (base == set) {
                error("The parameter set '" + set.getName() + "' extends itself through " + String.join(" → ", chain)
                        + ", so none of their values can be inherited: remove one of these extends.",
                        Literals.PARAMETER_SET__BASE, EXTENDS_CYCLE);
                return;
            }
            if (!seen.add(base)) {
                return; // a cycle further up, reported at its own sets
            }
        }
    }

    /**
     * A parameter set that no delivery, update-phone, update-sim or extends uses, in any file the
     * index knows. Runs on save and in batch (NORMAL): it reads the references of every file.
     */
    @Check(CheckType.NORMAL)
    public void parameterSetIsUsed(ParameterSet set) {
        if (set.getName() == null || set.eResource() == null) {
            return;
        }
        if (!usedParameterSets(set.eResource()).contains(set.eResource().getURIFragment(set))) {
            warning("The parameter set '" + set.getName() + "' is never used: deliver it ('deliver " + set.getName()
                    + " { ... }'), send it from a bootstrap application ('update-phone " + set.getName() + "'), extend it, or remove it.",
                    Literals.ELEMENT__NAME, UNUSED_PARAMETER_SET);
        }
    }

    /** The URI fragments of the parameter sets of {@code resource} that something uses; computed once per validation. */
    @SuppressWarnings("unchecked")
    private Set<String> usedParameterSets(Resource resource) {
        Map<Object, Object> context = getContext();
        if (context != null && context.get(USED_SETS_KEY) instanceof Set<?> cached) {
            return (Set<String>) cached;
        }
        Set<String> used = new HashSet<>();
        // References inside the file: the index only records references to other files.
        resource.getAllContents().forEachRemaining(object -> {
            for (EReference reference : USES_OF_SETS) {
                if (reference.getEContainingClass().isInstance(object)) {
                    Object value = object.eGet(reference, false);
                    for (Object target : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                        if (target instanceof EObject eObject && !eObject.eIsProxy() && eObject.eResource() == resource) {
                            used.add(resource.getURIFragment(eObject));
                        }
                    }
                }
            }
        });
        used.addAll(crossFileIndex(resource).usedSetsOf(normalized(resource)));
        if (context != null) {
            context.put(USED_SETS_KEY, used);
        }
        return used;
    }

    // ---- Names and statements ----------------------------------------------------------------

    /** Element names are unique in a file; each duplicate after the first is an error that names the first. */
    @Check
    public void namesAreUniqueInTheFile(ProvisioningModel model) {
        Map<String, Element> first = new HashMap<>();
        for (Element element : model.getElements()) {
            if (element.getName() == null) {
                continue;
            }
            Element earlier = first.putIfAbsent(element.getName(), element);
            if (earlier != null) {
                error("The name '" + element.getName() + "' is already taken by " + Places.keyword(earlier) + " " + earlier.getName()
                        + line(earlier) + ": references to it would be ambiguous. Give this " + Places.keyword(element)
                        + " a name of its own.", element, Literals.ELEMENT__NAME, DUPLICATE_NAME);
            }
        }
    }

    /**
     * Element names are unique in their namespace across files: another file that declares the same
     * namespace must not declare the same name. Uses the index, so it runs on save and in batch.
     */
    @Check(CheckType.NORMAL)
    public void namesAreUniqueInTheNamespace(ProvisioningModel model) {
        Resource resource = model.eResource();
        if (resource == null) {
            return;
        }
        URI own = normalized(resource);
        CrossFileIndex index = crossFileIndex(resource);
        for (Element element : model.getElements()) {
            QualifiedName name = element.getName() == null ? null : qualifiedNames.getFullyQualifiedName(element);
            URI other = name == null ? null : index.otherDeclaration(name, own);
            if (other != null) {
                error("The name '" + element.getName() + "' is also declared in " + other.lastSegment() + ", in the same namespace "
                        + model.getName() + ": references to " + name + " would be ambiguous. Give one of them another name.",
                        element, Literals.ELEMENT__NAME, DUPLICATE_NAME);
            }
        }
    }

    /** The index of every file, looked up once per validation of a file. */
    private CrossFileIndex crossFileIndex(Resource resource) {
        Map<Object, Object> context = getContext();
        if (context != null && context.get(CrossFileIndex.class) instanceof CrossFileIndex index) {
            return index;
        }
        CrossFileIndex index = CrossFileIndex.of(resource, resourceDescriptions.getResourceDescriptions(resource), USES_OF_SETS);
        if (context != null) {
            context.put(CrossFileIndex.class, index);
        }
        return index;
    }

    /**
     * A block may give each single-valued statement once: the grammar's loops accept it twice and
     * the second would silently replace the first. Reported at the second.
     */
    @Check
    public void noStatementTwice(EObject object) {
        ICompositeNode root = NodeModelUtils.findActualNodeFor(object);
        if (root == null) {
            return;
        }
        // One walk over the object's own nodes (as NodeModelUtils.findNodesForFeature does for one feature).
        Map<EStructuralFeature, List<INode>> statements = new LinkedHashMap<>();
        BidiTreeIterator<INode> nodes = root.getAsTreeIterable().iterator();
        while (nodes.hasNext()) {
            INode node = nodes.next();
            EObject grammarElement = node == root ? null : node.getGrammarElement();
            if (grammarElement == null) {
                continue;
            }
            if (grammarElement instanceof Action) {
                // A child object whose rule starts with an action ('{Wap} ...'): the action's node wraps the
                // rule call, whose assignment names the feature.
                if (node.getSemanticElement() != object && node instanceof ICompositeNode action) {
                    INode call = action.getFirstChild();
                    while (call instanceof ICompositeNode inner && call.getGrammarElement() instanceof Action) {
                        call = inner.getFirstChild();
                    }
                    record(object, statements, call == null ? null : GrammarUtil.containingAssignment(call.getGrammarElement()), node);
                    nodes.prune();
                }
                continue;
            }
            Assignment assignment = GrammarUtil.containingAssignment(grammarElement);
            if (assignment != null && object.eClass().getEStructuralFeature(assignment.getFeature()) != null) {
                record(object, statements, assignment, node);
                nodes.prune();
            } else if (node.hasDirectSemanticElement() && node.getSemanticElement() != object) {
                nodes.prune();
            }
        }
        for (var statement : statements.entrySet()) {
            List<INode> given = statement.getValue();
            for (INode again : given.subList(1, given.size())) {
                EStructuralFeature feature = statement.getKey();
                ILeafNode keyword = keywordOf(object, feature, again);
                String label = STATEMENT_KEYWORDS.getOrDefault(feature, keyword != null ? keyword.getText() : feature.getName());
                int start = keyword != null ? keyword.getOffset() : again.getOffset();
                getMessageAcceptor().acceptError("'" + label + "' is given twice in " + Places.of(object) + " (first on line "
                        + given.get(0).getStartLine() + "): the second would silently replace the first. Keep one.",
                        object, start, again.getEndOffset() - start, DUPLICATE_STATEMENT);
            }
        }
    }

    private static void record(EObject object, Map<EStructuralFeature, List<INode>> statements, Assignment assignment, INode node) {
        EStructuralFeature feature = assignment == null ? null : object.eClass().getEStructuralFeature(assignment.getFeature());
        if (feature != null && !feature.isMany()) {
            statements.computeIfAbsent(STATEMENT_OF.getOrDefault(feature, feature), k -> new ArrayList<>()).add(node);
        }
    }

    /**
     * The keyword that starts the statement of {@code node}: a block's own keyword ('gprs {'), a
     * flag's keyword ('concatenated-sms'), or else the last keyword before the value ('apn "..."').
     */
    private static ILeafNode keywordOf(EObject object, EStructuralFeature feature, INode node) {
        if (!STATEMENT_KEYWORDS.containsKey(feature)) {
            if (node instanceof ILeafNode leaf && isKeyword(leaf)) {
                return leaf;
            }
            if (feature instanceof EReference reference && reference.isContainment()) {
                for (ILeafNode leaf : node.getLeafNodes()) {
                    if (!leaf.isHidden()) {
                        if (isKeyword(leaf)) {
                            return leaf;
                        }
                        break;
                    }
                }
            }
        }
        ILeafNode keyword = null;
        for (ILeafNode leaf : NodeModelUtils.getNode(object).getLeafNodes()) {
            if (leaf.getOffset() >= node.getOffset()) {
                break;
            }
            if (!leaf.isHidden() && isKeyword(leaf)) {
                keyword = leaf;
            }
        }
        return keyword;
    }

    /** A keyword of the language's statements, not a value such as an enum literal or yes/no. */
    private static boolean isKeyword(ILeafNode leaf) {
        return leaf.getGrammarElement() instanceof Keyword keyword && !(keyword.eContainer() instanceof EnumLiteralDeclaration)
                && !"YesNo".equals(GrammarUtil.containingRule(keyword).getName());
    }

    private static String line(EObject object) {
        INode node = NodeModelUtils.getNode(object);
        return node == null ? "" : " on line " + node.getStartLine();
    }

    private static URI normalized(Resource resource) {
        return resource.getResourceSet() == null ? resource.getURI()
                : resource.getResourceSet().getURIConverter().normalize(resource.getURI());
    }
}

package org.mexe.studio.dsl.validation;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.mexe.studio.dsl.validation.TrustMaterial.Failed;
import org.mexe.studio.dsl.validation.TrustMaterial.Loaded;
import org.mexe.studio.dsl.validation.TrustMaterial.Outcome;
import org.mexe.studio.dsl.validation.TrustMaterial.Unavailable;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.BootstrapAction;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.BootstrapDownload;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.CertificateStore;
import org.mexe.studio.model.provisioning.CollectInformation;
import org.mexe.studio.model.provisioning.ComponentDownload;
import org.mexe.studio.model.provisioning.DomainKind;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.Keystore;
import org.mexe.studio.model.provisioning.OrderComponents;
import org.mexe.studio.model.provisioning.Permission;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityDomain;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.TrustSetup;
import org.mexe.studio.model.provisioning.UpdatePhoneParameters;
import org.mexe.studio.model.provisioning.UpdateSimParameters;
import org.mexe.studio.security.ChainCheck;
import org.mexe.studio.security.TrustPolicy;

/**
 * Checks of trust: keystores and certificates, the MExE security domains and where their roots
 * live, and whether the handsets of a scenario will accept the code it downloads. Where key
 * material comes from (a keystore with file and password, a certificate from one place) is a
 * metamodel invariant ({@code KeyConstraints}); these checks open what it names. Checks that
 * read files (keystores, certificates, revocation lists) run at {@link CheckType#NORMAL} (on
 * save, and in every batch validation) and read each file once per resource set through
 * {@link TrustMaterial}; a model without trust elements reads nothing.
 */
public class TrustValidator extends ComposedValidator {

    private static final String PREFIX = "org.mexe.studio.dsl.";
    public static final String KEYSTORE_UNUSABLE = PREFIX + "keystoreUnusable";
    public static final String KEYSTORE_NOT_CHECKED = PREFIX + "keystoreNotChecked";
    public static final String CERTIFICATE_UNUSABLE = PREFIX + "certificateUnusable";
    public static final String TRUST_FILE_NOT_CHECKED = PREFIX + "trustFileNotChecked";
    public static final String DOMAIN_WITHOUT_ROOTS = PREFIX + "domainWithoutRoots";
    public static final String ROOT_MISPLACED = PREFIX + "rootMisplaced";
    public static final String REVOCATION_LIST_UNUSABLE = PREFIX + "revocationListUnusable";
    public static final String INCOMPLETE_SIGNATURE = PREFIX + "incompleteSignature";
    public static final String UNSIGNED_DOWNLOAD = PREFIX + "unsignedDownload";
    public static final String UNTRUSTED_DOMAIN = PREFIX + "untrustedDomain";
    public static final String MISSING_TRUST_STAGE = PREFIX + "missingTrustStage";
    public static final String SIGNER_NOT_CHECKED = PREFIX + "signerNotChecked";
    public static final String SIGNER_BROKEN_CHAIN = PREFIX + "signerBrokenChain";
    public static final String SIGNER_EXPIRED = PREFIX + "signerExpired";
    public static final String SIGNER_NOT_YET_VALID = PREFIX + "signerNotYetValid";
    public static final String SIGNER_NOT_CODE_SIGNING = PREFIX + "signerNotCodeSigning";
    public static final String SIGNER_ISSUER_NOT_CA = PREFIX + "signerIssuerNotCa";
    public static final String SIGNER_REVOKED = PREFIX + "signerRevoked";
    public static final String SIGNER_INVALID = PREFIX + "signerInvalid";
    public static final String PERMISSION_NOT_ALLOWED = PREFIX + "permissionNotAllowed";

    // ---- Keystores and certificates ---------------------------------------------------------

    @Check(CheckType.NORMAL)
    public void keystoreOpens(Keystore keystore) {
        if (keystore.getPath() == null || keystore.getPassword() == null) {
            return;
        }
        switch (material(keystore).keystore(keystore)) {
            case Failed<?> failed -> error("The keystore " + keystore.getName() + " cannot be used: " + failed.message() + " "
                    + failed.hint(), Literals.KEYSTORE__PATH, KEYSTORE_UNUSABLE);
            case Unavailable<?> unavailable -> info("The keystore " + keystore.getName() + " was not opened, so its certificates"
                    + " were not checked: " + unavailable.why() + " " + unavailable.hint(), Literals.KEYSTORE__PASSWORD, KEYSTORE_NOT_CHECKED);
            case Loaded<?> loaded -> {
            }
        }
    }

    @Check(CheckType.NORMAL)
    public void certificateReads(Certificate certificate) {
        boolean fromFile = certificate.getFile() != null && certificate.getKeystore() == null;
        boolean fromKeystore = certificate.getFile() == null && certificate.getKeystore() != null && certificate.getAlias() != null
                && !certificate.getKeystore().eIsProxy();
        if (!fromFile && !fromKeystore) {
            return;
        }
        if (fromKeystore && !(material(certificate).keystore(certificate.getKeystore()) instanceof Loaded<?>)) {
            return; // the keystore reports why it cannot be opened
        }
        EStructuralFeature at = fromFile ? Literals.CERTIFICATE__FILE : Literals.CERTIFICATE__ALIAS;
        switch (material(certificate).certificate(certificate)) {
            case Failed<?> failed -> error("The certificate " + certificate.getName() + " cannot be read: " + failed.message() + " "
                    + failed.hint(), at, CERTIFICATE_UNUSABLE);
            case Unavailable<?> unavailable -> info("The certificate " + certificate.getName() + " was not checked: "
                    + unavailable.why() + " " + unavailable.hint(), at, TRUST_FILE_NOT_CHECKED);
            case Loaded<?> loaded -> {
            }
        }
    }

    // ---- Security domains -------------------------------------------------------------------

    /** Manufacturer roots are preloaded on the handset, operator roots come on the (U)SIM (the MExE brief). */
    @Check
    public void rootsAreWhereHandsetsKeepThem(SecurityDomain domain) {
        if (domain.getRoots().isEmpty()) {
            warning("The security domain " + domain.getName() + " has no root certificates, so no signature in it can be checked:"
                    + " add 'roots C' with the certificate(s) that anchor it.", Literals.ELEMENT__NAME, DOMAIN_WITHOUT_ROOTS);
            return;
        }
        for (int i = 0; i < domain.getRoots().size(); i++) {
            Certificate root = domain.getRoots().get(i);
            if (root.eIsProxy()) {
                continue;
            }
            String where = "The root " + root.getName() + " of the " + domain.getKind().getName().toLowerCase().replace('_', '-')
                    + " domain " + domain.getName();
            String advice = switch (domain.getKind()) {
                case MANUFACTURER -> root.getStoredOn() == CertificateStore.HANDSET ? null
                        : where + " is " + stored(root) + ", but manufacturer roots are preloaded on the handset:"
                                + " write 'stored-on handset' in the certificate " + root.getName() + ".";
                case OPERATOR -> switch (root.getStoredOn()) {
                    case SIM -> null;
                    case NONE -> where + " is " + stored(root) + ", so no handset holds it and nothing signed in "
                            + domain.getName() + " can be trusted: operator roots live on the (U)SIM; write 'stored-on sim'"
                            + " in the certificate " + root.getName() + ".";
                    case HANDSET -> where + " is stored on the handset, but operators supply their roots on the (U)SIM,"
                            + " which follows the subscriber from handset to handset: write 'stored-on sim'.";
                };
                case THIRD_PARTY -> root.getStoredOn() != CertificateStore.NONE ? null
                        : where + " is " + stored(root) + ", so no handset holds it: write 'stored-on handset' or"
                                + " 'stored-on sim' in the certificate " + root.getName() + ".";
            };
            if (advice != null) {
                warning(advice, Literals.SECURITY_DOMAIN__ROOTS, i, ROOT_MISPLACED);
            }
        }
    }

    private static String stored(Certificate certificate) {
        return switch (certificate.getStoredOn()) {
            case NONE -> "not stored on the handset or the SIM (stored-on none, or not given)";
            case HANDSET -> "stored on the handset";
            case SIM -> "stored on the SIM";
        };
    }

    @Check(CheckType.NORMAL)
    public void revocationListsRead(SecurityDomain domain) {
        for (int i = 0; i < domain.getRevocationLists().size(); i++) {
            switch (material(domain).revocationList(domain, domain.getRevocationLists().get(i))) {
                case Failed<?> failed -> error("The revocation list of the domain " + domain.getName() + " cannot be read: "
                        + failed.message() + " " + failed.hint(), Literals.SECURITY_DOMAIN__REVOCATION_LISTS, i, REVOCATION_LIST_UNUSABLE);
                case Unavailable<?> unavailable -> info("The revocation list was not checked: " + unavailable.why()
                        + " " + unavailable.hint(), Literals.SECURITY_DOMAIN__REVOCATION_LISTS, i,
                        TRUST_FILE_NOT_CHECKED);
                case Loaded<?> loaded -> {
                }
            }
        }
    }

    // ---- Applications -----------------------------------------------------------------------

    @Check
    public void signatureIsComplete(Application application) {
        if (application.getSigner() != null && application.getDomain() == null) {
            error(application.getName() + " is signed by " + name(application.getSigner()) + " but names no security domain:"
                    + " add 'domain D' with the domain whose root issued the signer.", Literals.APPLICATION__SIGNER, INCOMPLETE_SIGNATURE);
        } else if (application.getDomain() != null && application.getSigner() == null) {
            error(application.getName() + " is placed in the domain " + name(application.getDomain()) + " but names no signer:"
                    + " add 'signed-by C' with its code-signing certificate.", Literals.APPLICATION__DOMAIN, INCOMPLETE_SIGNATURE);
        }
    }

    /** The signer must chain to a root of the domain, be valid, allowed to sign code, and not revoked. */
    @Check(CheckType.NORMAL)
    public void signerIsTrustedInItsDomain(Application application) {
        Certificate signer = application.getSigner();
        SecurityDomain domain = application.getDomain();
        if (signer == null || domain == null || signer.eIsProxy() || domain.eIsProxy() || domain.getRoots().isEmpty()
                || domain.getRoots().stream().anyMatch(EObject::eIsProxy)) {
            return;
        }
        TrustMaterial material = material(application);
        List<Outcome<?>> outcomes = new ArrayList<>();
        Outcome<List<X509Certificate>> chain = material.certificate(signer);
        outcomes.add(chain);
        List<X509Certificate> roots = new ArrayList<>();
        for (Certificate root : domain.getRoots()) {
            Outcome<List<X509Certificate>> read = material.certificate(root);
            outcomes.add(read);
            if (read instanceof Loaded<List<X509Certificate>>(List<X509Certificate> certificates)) {
                roots.add(certificates.get(0));
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (String location : domain.getRevocationLists()) {
            Outcome<List<X509CRL>> read = material.revocationList(domain, location);
            outcomes.add(read);
            if (read instanceof Loaded<List<X509CRL>>(List<X509CRL> lists)) {
                crls.addAll(lists);
            }
        }
        if (outcomes.stream().anyMatch(Failed.class::isInstance)) {
            return; // reported where the unreadable keystore, certificate or list is declared
        }
        if (outcomes.stream().filter(Unavailable.class::isInstance).findFirst().orElse(null) instanceof Unavailable<?> unavailable) {
            info("The signature chain of " + application.getName() + " (signer " + signer.getName() + ", domain " + domain.getName()
                    + ") was not checked: " + unavailable.why() + " " + unavailable.hint(), Literals.APPLICATION__SIGNER, SIGNER_NOT_CHECKED);
            return;
        }
        List<X509Certificate> signerChain = ((Loaded<List<X509Certificate>>) chain).value();
        if (new TrustPolicy(Set.copyOf(roots), crls).checkCodeSigner(signerChain, Instant.now())
                instanceof ChainCheck.Untrusted untrusted) {
            String rootNames = domain.getRoots().stream().map(Certificate::getName).collect(Collectors.joining(", "));
            String advice = switch (untrusted.problem()) {
                case BROKEN_CHAIN -> "Sign " + application.getName() + " with a certificate issued under a root of " + domain.getName()
                        + " (" + rootNames + "), give the intermediate certificates with the signer, or sign it into the domain"
                        + " whose root issued " + signer.getName() + ".";
                case EXPIRED -> "Renew the certificate and sign " + application.getName() + " again.";
                case NOT_YET_VALID -> "Use a certificate that is valid now (check its dates, and this computer's clock).";
                case NOT_FOR_CODE_SIGNING -> "Sign with a code-signing certificate (key usage digitalSignature, extended key usage"
                        + " codeSigning).";
                case NOT_A_CA -> "Have the signer issued by a CA certificate (basic constraints CA:true, key usage keyCertSign).";
                case REVOKED -> "Sign " + application.getName() + " with a certificate that is not revoked.";
                case INVALID -> "Check the chain with 'prov keys list' or 'openssl verify'.";
            };
            String code = switch (untrusted.problem()) {
                case BROKEN_CHAIN -> SIGNER_BROKEN_CHAIN;
                case EXPIRED -> SIGNER_EXPIRED;
                case NOT_YET_VALID -> SIGNER_NOT_YET_VALID;
                case NOT_FOR_CODE_SIGNING -> SIGNER_NOT_CODE_SIGNING;
                case NOT_A_CA -> SIGNER_ISSUER_NOT_CA;
                case REVOKED -> SIGNER_REVOKED;
                case INVALID -> SIGNER_INVALID;
            };
            error("The signer " + signer.getName() + " of " + application.getName() + " is not trusted in the domain "
                    + domain.getName() + ": " + untrusted.message() + ". " + advice, Literals.APPLICATION__SIGNER, code);
        }
    }

    // ---- Scenarios ----------------------------------------------------------------------------

    /**
     * Every application a scenario downloads, installs or orders must be signed in a domain that
     * each target handset trusts, and a root of that domain must be on the handset before the
     * download: preloaded (stored on the handset) or installed by an earlier trust stage.
     */
    @Check
    public void downloadsAreTrusted(Scenario scenario) {
        Set<Certificate> installed = new HashSet<>();
        Set<Application> checked = new HashSet<>();
        Set<Certificate> installedLater = new HashSet<>();
        scenario.getStages().stream().filter(TrustSetup.class::isInstance)
                .forEach(trust -> installedLater.addAll(((TrustSetup) trust).getCertificates()));
        // ProvValidator's stage order reports a first trust set-up after the first download.
        boolean trustAfterDownload = firstIndex(scenario, TrustSetup.class) > Math.min(firstIndex(scenario, BootstrapDownload.class),
                firstIndex(scenario, ComponentDownload.class));
        Downloads downloads = new Downloads(scenario, installed, installedLater, trustAfterDownload, checked);
        for (Stage stage : scenario.getStages()) {
            switch (stage) {
                case TrustSetup trust -> installed.addAll(trust.getCertificates());
                case BootstrapDownload download ->
                    checkDownload(downloads, download.getApplication(), download, Literals.BOOTSTRAP_DOWNLOAD__APPLICATION, INSIGNIFICANT_INDEX);
                case ComponentDownload install -> {
                    for (int i = 0; i < install.getComponents().size(); i++) {
                        checkDownload(downloads, install.getComponents().get(i), install, Literals.COMPONENT_DOWNLOAD__COMPONENTS, i);
                    }
                }
                case BootstrapActions actions -> actions.getActions().stream().filter(OrderComponents.class::isInstance)
                        .map(OrderComponents.class::cast).forEach(order -> {
                            for (int i = 0; i < order.getComponents().size(); i++) {
                                checkDownload(downloads, order.getComponents().get(i), order, Literals.ORDER_COMPONENTS__COMPONENTS, i);
                            }
                        });
                default -> {
                }
            }
        }
    }

    /**
     * What a bootstrap does on the handset needs its security domain's permission: the handset
     * refuses an action the domain does not allow. A domain without {@code allows} has the MExE
     * defaults of its kind (see {@link #defaultPermissions}).
     */
    @Check
    public void bootstrapActionsAreAllowed(BootstrapActions stage) {
        BootstrapApplication bootstrap = stage.getApplication();
        if (bootstrap == null || bootstrap.eIsProxy() || bootstrap.getDomain() == null || bootstrap.getDomain().eIsProxy()) {
            return; // an unsigned bootstrap is reported where it is downloaded
        }
        SecurityDomain domain = bootstrap.getDomain();
        Set<Permission> allowed = domain.getPermissions().isEmpty() ? defaultPermissions(domain.getKind())
                : Set.copyOf(domain.getPermissions());
        for (BootstrapAction action : stage.getActions()) {
            Optional<Permission> needed = switch (action) {
                case CollectInformation collect -> Optional.of(Permission.USER_DATA);
                case UpdatePhoneParameters phone -> Optional.of(Permission.PHONE_SETTINGS);
                case UpdateSimParameters sim -> Optional.of(Permission.SIM_SETTINGS);
                case OrderComponents order -> Optional.of(Permission.COMPONENT_DOWNLOAD);
                default -> Optional.empty();
            };
            if (needed.isPresent() && !allowed.contains(needed.get())) {
                // As the language writes it: SIM_SETTINGS is 'sim-settings'.
                String keyword = needed.get().getName().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                error(bootstrap.getName() + " is signed in the domain " + domain.getName() + ", which does not allow "
                        + keyword + ", so handsets refuse this action. Add '" + keyword
                        + "' to the domain's 'allows', or sign " + bootstrap.getName() + " in a domain that allows it.",
                        action, null, PERMISSION_NOT_ALLOWED);
            }
        }
    }

    /**
     * MExE's defaults when a domain lists no permissions: code of the manufacturer and operator
     * domains may do everything; third-party code may use the network, messaging, the user's
     * data (each with the user's consent) and fetch components, but not change phone or SIM settings.
     */
    static Set<Permission> defaultPermissions(DomainKind kind) {
        return switch (kind) {
            case MANUFACTURER, OPERATOR -> EnumSet.allOf(Permission.class);
            case THIRD_PARTY -> EnumSet.of(Permission.NETWORK_ACCESS, Permission.MESSAGING, Permission.USER_DATA,
                    Permission.COMPONENT_DOWNLOAD);
        };
    }

    /** What a scenario's stages have done so far, as its downloads are checked in stage order. */
    private record Downloads(Scenario scenario, Set<Certificate> installed, Set<Certificate> installedLater, boolean trustAfterDownload,
            Set<Application> checked) {
    }

    private static int firstIndex(Scenario scenario, Class<? extends Stage> kind) {
        for (int i = 0; i < scenario.getStages().size(); i++) {
            if (kind.isInstance(scenario.getStages().get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private void checkDownload(Downloads downloads, Application application, EObject reference, EStructuralFeature feature, int index) {
        Scenario scenario = downloads.scenario();
        // One report per application and scenario: ordering a component and installing it is one download.
        if (application == null || application.eIsProxy() || !downloads.checked().add(application)) {
            return;
        }
        SecurityDomain domain = application.getDomain();
        if (domain == null) {
            if (application.getSigner() == null) {
                warning(scenario.getName() + " downloads " + application.getName() + ", which is not signed: handsets run unsigned code"
                        + " as untrusted, asking the user before each network access or settings change, and refuse what only a"
                        + " domain may do. Sign it: 'signed-by C domain D' in " + application.getName() + ".",
                        reference, feature, index, UNSIGNED_DOWNLOAD);
            }
            return; // a signer without a domain is reported at the application
        }
        if (domain.eIsProxy()) {
            return;
        }
        for (HandsetProfile handset : scenario.getHandsets()) {
            if (!handset.eIsProxy() && !handset.getTrustedDomains().contains(domain)) {
                String trusts = handset.getTrustedDomains().isEmpty() ? "no domain"
                        : handset.getTrustedDomains().stream().map(TrustValidator::name).collect(Collectors.joining(", "));
                error("The handset " + handset.getName() + " does not trust the domain " + domain.getName() + " in which "
                        + application.getName() + " is signed, so it would refuse to install it: add 'trusts " + domain.getName()
                        + "' to the handset " + handset.getName() + ", or sign " + application.getName() + " in a domain it trusts ("
                        + handset.getName() + " trusts " + trusts + ").", reference, feature, index, UNTRUSTED_DOMAIN);
            }
        }
        List<Certificate> roots = domain.getRoots().stream().filter(r -> !r.eIsProxy()).toList();
        boolean onHandset = roots.stream().anyMatch(r -> r.getStoredOn() == CertificateStore.HANDSET || downloads.installed().contains(r));
        if (roots.isEmpty() || onHandset) {
            return;
        }
        String names = roots.stream().map(Certificate::getName).collect(Collectors.joining(", "));
        Certificate later = roots.stream().filter(downloads.installedLater()::contains).findFirst().orElse(null);
        if (later == null) {
            warning(scenario.getName() + " downloads " + application.getName() + ", signed in the domain " + domain.getName()
                    + ", but no trust stage installs a root of " + domain.getName() + " (" + names + ") and none is preloaded"
                    + " on the handset: add 'trust " + roots.get(0).getName() + "' before this stage, or preload the root"
                    + " ('stored-on handset').", reference, feature, index, MISSING_TRUST_STAGE);
        } else if (!downloads.trustAfterDownload()) {
            warning(scenario.getName() + " downloads " + application.getName() + ", signed in the domain " + domain.getName()
                    + ", before the trust stage that installs its root " + later.getName() + ": move 'trust " + later.getName()
                    + "' before this stage.", reference, feature, index, MISSING_TRUST_STAGE);
        }
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private TrustMaterial material(EObject object) {
        return TrustMaterial.of(object, getContext());
    }

    private static String name(EObject element) {
        return element instanceof org.mexe.studio.model.provisioning.Element named && named.getName() != null ? named.getName()
                : String.valueOf(element);
    }
}

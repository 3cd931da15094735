package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.dsl.tests.TestPki.Issued;
import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.dsl.validation.TrustValidator;
import org.mexe.studio.security.SecretResolver;

/**
 * The trust rules of the language: keystores and certificates, where domain roots live, which
 * domains the handsets trust, and the signer's chain, validity, usage and revocation. The
 * certificates are made for the run in a temporary folder.
 */
class TrustValidationTest {

    private static final String PASSWORD = "p12-test-password-4711";
    private static final Map<String, String> ENVIRONMENT = Map.of("P12_PASSWORD", PASSWORD);

    /** The codes of the trust rules: the positive tests assert that none of them is reported. */
    private static final Set<String> TRUST_CODES = Set.of(TrustValidator.KEYSTORE_UNUSABLE, TrustValidator.KEYSTORE_NOT_CHECKED,
            TrustValidator.CERTIFICATE_UNUSABLE, TrustValidator.TRUST_FILE_NOT_CHECKED, TrustValidator.DOMAIN_WITHOUT_ROOTS,
            TrustValidator.ROOT_MISPLACED, TrustValidator.REVOCATION_LIST_UNUSABLE, TrustValidator.INCOMPLETE_SIGNATURE,
            TrustValidator.UNSIGNED_DOWNLOAD, TrustValidator.UNTRUSTED_DOMAIN, TrustValidator.MISSING_TRUST_STAGE,
            TrustValidator.SIGNER_NOT_CHECKED, TrustValidator.SIGNER_BROKEN_CHAIN, TrustValidator.SIGNER_EXPIRED,
            TrustValidator.SIGNER_NOT_YET_VALID, TrustValidator.SIGNER_NOT_CODE_SIGNING, TrustValidator.SIGNER_ISSUER_NOT_CA,
            TrustValidator.SIGNER_REVOKED, TrustValidator.SIGNER_INVALID);

    /** An operator domain whose root is on the SIM, installed by a trust stage before the download. */
    private static final String TRUSTED = """
            namespace test.signing

            keystore OperatorKeys {
            	file "pki/operator.p12"
            	password env "P12_PASSWORD"
            }

            certificate OperatorRoot {
            	file "pki/root.pem"
            	stored-on sim
            }

            certificate Signing {
            	keystore OperatorKeys alias "signing"
            }

            domain Operator is operator {
            	roots OperatorRoot
            	allows network-access, component-download
            }

            handset Phone {
            	classmarks 3
            	trusts Operator
            }

            bootstrap-app Wallet {
            	classmark 3
            	signed-by Signing
            	domain Operator
            }

            scenario Setup {
            	handsets Phone
            	trust OperatorRoot
            	download Wallet over http
            }
            """;

    @TempDir
    static Path folder;
    static Issued root;
    static Issued signing;
    private static final AtomicInteger FILES = new AtomicInteger();

    @BeforeAll
    static void makeCertificates() throws Exception {
        Path pki = Files.createDirectories(folder.resolve("pki"));
        root = TestPki.root("Operator Root");
        signing = TestPki.codeSigner("Operator Code Signing", root);
        TestPki.pem(pki.resolve("root.pem"), root.certificate());
        TestPki.pem(pki.resolve("signing.pem"), signing.certificate(), root.certificate());
        TestPki.p12(pki.resolve("operator.p12"), PASSWORD, "signing", signing, signing.certificate(), root.certificate());
        Files.writeString(pki.resolve("p12-password.txt"), PASSWORD + "\n");

        Issued expired = TestPki.signer("Expired", root, TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(35)),
                KeyPurposeId.id_kp_codeSigning);
        TestPki.pem(pki.resolve("expired.pem"), expired.certificate());
        Issued notYetValid = TestPki.signer("Not Yet Valid", root, TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(30)),
                KeyPurposeId.id_kp_codeSigning);
        TestPki.pem(pki.resolve("not-yet-valid.pem"), notYetValid.certificate());
        Issued webServer = TestPki.signer("Web Server", root, TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(30)),
                KeyPurposeId.id_kp_serverAuth);
        TestPki.pem(pki.resolve("server-auth.pem"), webServer.certificate());
        Issued otherRoot = TestPki.root("Other Root");
        TestPki.pem(pki.resolve("other-root.pem"), otherRoot.certificate());
        TestPki.pem(pki.resolve("foreign.pem"), TestPki.codeSigner("Foreign Signing", otherRoot).certificate());
        Issued notACa = TestPki.intermediate("Not A CA", root, false);
        TestPki.pem(pki.resolve("via-not-ca.pem"), TestPki.codeSigner("Under Not A CA", notACa).certificate(), notACa.certificate());
        Issued subCa = TestPki.intermediate("Operator Sub CA", root, true);
        TestPki.pem(pki.resolve("via-sub-ca.pem"), TestPki.codeSigner("Under Sub CA", subCa).certificate(), subCa.certificate());
        TestPki.pem(pki.resolve("via-sub-ca-alone.pem"), TestPki.codeSigner("Under Sub CA Alone", subCa).certificate());
        Issued revoked = TestPki.codeSigner("Revoked", root);
        TestPki.pem(pki.resolve("revoked.pem"), revoked.certificate());
        TestPki.crl(pki.resolve("revokes-signer.crl"), root, revoked.certificate());
        TestPki.crl(pki.resolve("revokes-other.crl"), root, webServer.certificate());
        Files.writeString(pki.resolve("not-a-certificate.pem"), "this is not a certificate\n");
        TestPki.pem(pki.resolve("unknown-critical.pem"), TestPki.withUnknownCriticalExtension("Unknown Critical", root).certificate());
    }

    // ---- Running the validator ----------------------------------------------------------------

    /** What a validation run reported, and the material it read. */
    private record Run(String text, List<Issue> issues, TrustMaterial material) {

        List<Issue> withCode(String code) {
            return issues.stream().filter(i -> code.equals(i.getCode())).toList();
        }

        Issue only(String code) {
            List<Issue> found = withCode(code);
            assertEquals(1, found.size(), () -> "expected one " + code + " in " + issues);
            return found.get(0);
        }

        List<Issue> trustIssues() {
            return issues.stream().filter(i -> TRUST_CODES.contains(i.getCode())).toList();
        }

        /** The 1-based line of the first line of the text that contains {@code snippet}. */
        int lineOf(String snippet) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(snippet)) {
                    return i + 1;
                }
            }
            throw new AssertionError(snippet + " is not in the model");
        }
    }

    private static Run validate(String text) {
        return validate(text, ENVIRONMENT);
    }

    /** Writes {@code text} next to the pki folder, so that its relative paths resolve, and validates it. */
    private static Run validate(String text, Map<String, String> environment) {
        XtextResourceSet resourceSet = ProvFiles.INJECTOR.getInstance(XtextResourceSet.class);
        TrustMaterial.useSecrets(resourceSet, new SecretResolver(environment));
        Resource resource = resourceSet.getResource(URI.createFileURI(write(text).toString()), true);
        EcoreUtil.resolveAll(resourceSet);
        List<Issue> issues = validate(resource);
        assertTrue(issues.stream().noneMatch(i -> Diagnostic.SYNTAX_DIAGNOSTIC.equals(i.getCode()) || Diagnostic.LINKING_DIAGNOSTIC.equals(i.getCode())),
                () -> "the test model does not parse or link: " + issues);
        return new Run(text, issues, TrustMaterial.existing(resourceSet).orElse(null));
    }

    private static List<Issue> validate(Resource resource) {
        return ProvFiles.INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    private static Path write(String text) {
        try {
            return Files.writeString(folder.resolve("model-" + FILES.incrementAndGet() + ".prov"), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The model with Wallet signed by a certificate read from {@code pem}. */
    private static String signedByFile(String pem) {
        return TRUSTED.replace("signed-by Signing", "signed-by FileSigner")
                + "\ncertificate FileSigner {\n\tfile \"pki/" + pem + "\"\n}\n";
    }

    private static void assertNoTrustIssue(Run run) {
        assertEquals(List.of(), run.trustIssues());
    }

    private static void assertError(Issue issue, String... fragments) {
        assertEquals(Severity.ERROR, issue.getSeverity(), issue::toString);
        for (String fragment : fragments) {
            assertTrue(issue.getMessage().contains(fragment), () -> "'" + fragment + "' is not in: " + issue.getMessage());
        }
        assertFalse(issue.getMessage().contains(PASSWORD), "a message shows the keystore password");
    }

    // ---- A trusted model ----------------------------------------------------------------------

    @Test
    void aSignerFromTheKeystoreThatChainsToTheDomainRootIsTrusted() {
        Run run = validate(TRUSTED);
        assertNoTrustIssue(run);
        assertEquals(2, run.material().diskReads(), "the keystore and the root file, each read once");
    }

    @Test
    void theKeystorePasswordMayComeFromAFileNextToTheModel() {
        assertNoTrustIssue(validate(TRUSTED.replace("password env \"P12_PASSWORD\"", "password file \"pki/p12-password.txt\""), Map.of()));
    }

    @Test
    void signersFromFilesAreCheckedThroughTheirIntermediates() {
        assertNoTrustIssue(validate(signedByFile("signing.pem")));
        assertNoTrustIssue(validate(signedByFile("via-sub-ca.pem")));
    }

    @Test
    void aModelWithoutTrustElementsReadsNoFile() {
        XtextResourceSet resourceSet = ProvFiles.INJECTOR.getInstance(XtextResourceSet.class);
        Resource resource = resourceSet.getResource(URI.createFileURI(write("""
                namespace plain

                parameters Home {
                	www {
                		proxy "10.0.0.1"
                		port 8080
                	}
                }
                """).toString()), true);
        assertEquals(List.of(), validate(resource).stream().filter(i -> TRUST_CODES.contains(i.getCode())).toList());
        assertTrue(TrustMaterial.existing(resourceSet).isEmpty(), "a model without trust elements made the trust checks read files");
    }

    @Test
    void revalidatingReadsNothingAgainUntilAFileChanges() throws Exception {
        XtextResourceSet resourceSet = ProvFiles.INJECTOR.getInstance(XtextResourceSet.class);
        TrustMaterial.useSecrets(resourceSet, new SecretResolver(ENVIRONMENT));
        Path pem = TestPki.pem(folder.resolve("pki/changing.pem"), signing.certificate(), root.certificate());
        Resource resource = resourceSet.getResource(URI.createFileURI(write(signedByFile("changing.pem")).toString()), true);
        EcoreUtil.resolveAll(resourceSet);
        assertEquals(List.of(), validate(resource).stream().filter(i -> TRUST_CODES.contains(i.getCode())).toList());
        TrustMaterial material = TrustMaterial.existing(resourceSet).orElseThrow();
        int reads = material.diskReads();
        validate(resource);
        assertEquals(reads, material.diskReads());

        Files.writeString(pem, "replaced by something that is not a certificate\n");
        List<Issue> issues = validate(resource);
        assertEquals(reads + 1, material.diskReads());
        assertTrue(issues.stream().anyMatch(i -> TrustValidator.CERTIFICATE_UNUSABLE.equals(i.getCode())), issues::toString);
    }

    // ---- Keystores and certificates -----------------------------------------------------------

    /** Where key material comes from is a metamodel invariant: its error stands alone, the trust checks add none. */
    @Test
    void anIncompleteKeystoreOrCertificateIsReportedOnceByTheMetamodel() {
        for (String text : List.of(TRUSTED.replace("\tpassword env \"P12_PASSWORD\"\n", ""),
                TRUSTED.replace("\tfile \"pki/operator.p12\"\n", ""),
                TRUSTED.replace("keystore OperatorKeys alias \"signing\"", "keystore OperatorKeys alias \"signing\" file \"pki/signing.pem\""))) {
            Run run = validate(text);
            assertEquals(List.of(), run.trustIssues());
            assertEquals(1, run.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).count(), run.issues()::toString);
        }
    }

    @Test
    void aWrongKeystorePasswordIsAnErrorThatNamesTheFileButNotThePassword() {
        Run run = validate(TRUSTED, Map.of("P12_PASSWORD", "not-the-password"));
        Issue issue = run.only(TrustValidator.KEYSTORE_UNUSABLE);
        assertError(issue, "Wrong password", "operator.p12", "P12_PASSWORD");
        assertFalse(issue.getMessage().contains("not-the-password"));
        assertEquals(run.lineOf("file \"pki/operator.p12\""), issue.getLineNumber());
        assertEquals(List.of(issue), run.trustIssues(), "the certificates and signatures of the keystore add no error of their own");
    }

    @Test
    void aMissingKeystoreFileIsAnErrorThatNamesIt() {
        Run run = validate(TRUSTED.replace("pki/operator.p12", "pki/missing.p12"));
        assertError(run.only(TrustValidator.KEYSTORE_UNUSABLE), "missing.p12", "does not exist");
    }

    @Test
    void aMissingAliasIsAnErrorThatNamesTheFileTheAliasAndWhatExists() {
        Run run = validate(TRUSTED.replace("alias \"signing\"", "alias \"code-signing\""));
        Issue issue = run.only(TrustValidator.CERTIFICATE_UNUSABLE);
        assertError(issue, "operator.p12", "'code-signing'", "signing.");
        assertEquals(run.lineOf("alias \"code-signing\""), issue.getLineNumber());
    }

    @Test
    void aPasswordThatIsNotSetSkipsTheChecksWithAnInfo() {
        Run run = validate(TRUSTED, Map.of());
        assertEquals(List.of(), run.trustIssues().stream().filter(i -> i.getSeverity() != Severity.INFO).toList());
        Issue keystore = run.only(TrustValidator.KEYSTORE_NOT_CHECKED);
        assertEquals(Severity.INFO, keystore.getSeverity());
        assertTrue(keystore.getMessage().contains("P12_PASSWORD"), keystore.getMessage());
        Issue signer = run.only(TrustValidator.SIGNER_NOT_CHECKED);
        assertEquals(Severity.INFO, signer.getSeverity());
        assertTrue(signer.getMessage().contains("Wallet") && signer.getMessage().contains("was not checked"), signer.getMessage());
    }

    @Test
    void aModelThatIsNotOnDiskSkipsTheChecksOfRelativeFilesWithAnInfo() {
        List<Issue> issues = new ProvFiles().validate(TRUSTED);
        List<Issue> trust = issues.stream().filter(i -> TRUST_CODES.contains(i.getCode())).toList();
        assertTrue(trust.stream().allMatch(i -> i.getSeverity() == Severity.INFO), trust::toString);
        assertTrue(trust.stream().anyMatch(i -> TrustValidator.TRUST_FILE_NOT_CHECKED.equals(i.getCode())
                && i.getMessage().contains("pki/root.pem") && i.getMessage().contains("not on disk")), trust::toString);
        assertTrue(trust.stream().anyMatch(i -> TrustValidator.KEYSTORE_NOT_CHECKED.equals(i.getCode())), trust::toString);
    }

    @Test
    void aCertificateFileThatIsMissingOrNotACertificateIsAnError() {
        assertError(validate(TRUSTED.replace("pki/root.pem", "pki/absent.pem")).only(TrustValidator.CERTIFICATE_UNUSABLE),
                "OperatorRoot", "absent.pem", "does not exist");
        assertError(validate(TRUSTED.replace("pki/root.pem", "pki/not-a-certificate.pem")).only(TrustValidator.CERTIFICATE_UNUSABLE),
                "not-a-certificate.pem", "PEM or DER");
    }

    // ---- The signer's chain -------------------------------------------------------------------

    @Test
    void anExpiredSignerIsAnError() {
        Run run = validate(signedByFile("expired.pem"));
        Issue issue = run.only(TrustValidator.SIGNER_EXPIRED);
        assertError(issue, "FileSigner", "Wallet", "Operator", "expired on", "Renew");
        assertEquals(run.lineOf("signed-by FileSigner"), issue.getLineNumber());
    }

    @Test
    void aSignerThatIsNotYetValidIsAnError() {
        assertError(validate(signedByFile("not-yet-valid.pem")).only(TrustValidator.SIGNER_NOT_YET_VALID), "not valid before");
    }

    @Test
    void aSignerWithoutCodeSigningUsageIsAnError() {
        assertError(validate(signedByFile("server-auth.pem")).only(TrustValidator.SIGNER_NOT_CODE_SIGNING), "codeSigning");
    }

    @Test
    void aSignerUnderAnotherRootIsABrokenChain() {
        assertError(validate(signedByFile("foreign.pem")).only(TrustValidator.SIGNER_BROKEN_CHAIN), "Foreign Signing", "Other Root",
                "OperatorRoot");
        // The intermediate is missing: the chain stops at the sub CA's name.
        assertError(validate(signedByFile("via-sub-ca-alone.pem")).only(TrustValidator.SIGNER_BROKEN_CHAIN), "Operator Sub CA");
    }

    @Test
    void aSignerIssuedByACertificateThatIsNotACaIsAnError() {
        assertError(validate(signedByFile("via-not-ca.pem")).only(TrustValidator.SIGNER_ISSUER_NOT_CA), "Not A CA", "basic constraints");
    }

    @Test
    void aRevokedSignerIsAnErrorWhenTheDomainGivesARevocationList() {
        String revoked = signedByFile("revoked.pem");
        assertNoTrustIssue(validate(revoked));
        String withCrl = revoked.replace("allows network-access, component-download",
                "allows network-access, component-download\n\trevocation-list \"pki/revokes-signer.crl\"");
        assertError(validate(withCrl).only(TrustValidator.SIGNER_REVOKED), "Revoked", "revoked on", "KEY_COMPROMISE");
        assertNoTrustIssue(validate(withCrl.replace("revokes-signer.crl", "revokes-other.crl")));
    }

    @Test
    void aSignerThatPkixRefusesForAnotherReasonIsAnError() {
        assertError(validate(signedByFile("unknown-critical.pem")).only(TrustValidator.SIGNER_INVALID), "Unknown Critical");
    }

    @Test
    void anUnreadableRevocationListIsAnErrorAtTheList() {
        Run run = validate(TRUSTED.replace("allows network-access, component-download",
                "allows network-access, component-download\n\trevocation-list \"pki/no-such.crl\""));
        Issue issue = run.only(TrustValidator.REVOCATION_LIST_UNUSABLE);
        assertError(issue, "no-such.crl", "does not exist");
        assertEquals(run.lineOf("revocation-list"), issue.getLineNumber());
    }

    // ---- Domains and handsets -----------------------------------------------------------------

    @Test
    void aHandsetThatDoesNotTrustTheDomainIsAnErrorAtTheDownload() {
        Run run = validate(TRUSTED.replace("\ttrusts Operator\n", ""));
        Issue issue = run.only(TrustValidator.UNTRUSTED_DOMAIN);
        assertError(issue, "handset Phone", "domain Operator", "trusts Operator");
        assertEquals(run.lineOf("download Wallet"), issue.getLineNumber());
    }

    @Test
    void componentsOrderedOrInstalledAreCheckedForEveryHandset() {
        String text = TRUSTED.replace("handset Phone {", """
                handset Older {
                	classmarks 3
                }

                component Game {
                	classmark 3
                	signed-by Signing
                	domain Operator
                }

                handset Phone {""")
                .replace("handsets Phone", "handsets Phone, Older")
                .replace("\tdownload Wallet over http\n", "\tdownload Wallet over http\n\trun Wallet {\n\t\torder Game\n\t}\n\tinstall Game\n");
        Run run = validate(text);
        List<Issue> issues = run.withCode(TrustValidator.UNTRUSTED_DOMAIN);
        assertEquals(2, issues.size(), issues::toString);
        assertTrue(issues.stream().allMatch(i -> i.getMessage().contains("handset Older")), issues::toString);
        assertEquals(Set.of(run.lineOf("download Wallet"), run.lineOf("order Game")),
                Set.copyOf(issues.stream().map(Issue::getLineNumber).toList()), "ordering and installing Game is one download");
        assertNoTrustIssue(validate(text.replace("handset Older {\n\tclassmarks 3\n", "handset Older {\n\tclassmarks 3\n\ttrusts Operator\n")));
    }

    @Test
    void domainRootsAreWhereTheBriefSaysHandsetsKeepThem() {
        Run operatorRootNowhere = validate(TRUSTED.replace("stored-on sim", "stored-on none"));
        Issue issue = operatorRootNowhere.only(TrustValidator.ROOT_MISPLACED);
        assertEquals(Severity.WARNING, issue.getSeverity());
        assertTrue(issue.getMessage().contains("stored-on sim") && issue.getMessage().contains("OperatorRoot"), issue.getMessage());
        assertEquals(operatorRootNowhere.lineOf("roots OperatorRoot"), issue.getLineNumber());

        Run manufacturerRootOnSim = validate(TRUSTED.replace("domain Operator is operator", "domain Operator is manufacturer"));
        assertTrue(manufacturerRootOnSim.only(TrustValidator.ROOT_MISPLACED).getMessage().contains("stored-on handset"));
        assertNoTrustIssue(validate(TRUSTED.replace("domain Operator is operator", "domain Operator is manufacturer")
                .replace("stored-on sim", "stored-on handset")));
        assertNoTrustIssue(validate(TRUSTED.replace("domain Operator is operator", "domain Operator is third-party")));
    }

    @Test
    void aDomainWithoutRootsIsAWarning() {
        Run run = validate(TRUSTED.replace("\troots OperatorRoot\n", ""));
        assertEquals(Severity.WARNING, run.only(TrustValidator.DOMAIN_WITHOUT_ROOTS).getSeverity());
    }

    @Test
    void aDownloadNeedsARootOnTheHandsetBeforeIt() {
        Run noTrustStage = validate(TRUSTED.replace("\ttrust OperatorRoot\n", ""));
        Issue issue = noTrustStage.only(TrustValidator.MISSING_TRUST_STAGE);
        assertEquals(Severity.WARNING, issue.getSeverity());
        assertTrue(issue.getMessage().contains("trust OperatorRoot"), issue.getMessage());
        assertEquals(noTrustStage.lineOf("download Wallet"), issue.getLineNumber());

        // A second trust stage installs the root only after the download.
        Run rootTooLate = validate(TRUSTED.replace("\tdownload Wallet over http\n", "\tdownload Wallet over http\n\ttrust OperatorRoot\n")
                .replace("\ttrust OperatorRoot\n\tdownload", "\ttrust OtherRoot\n\tdownload")
                + "\ncertificate OtherRoot {\n\tfile \"pki/other-root.pem\"\n\tstored-on sim\n}\n");
        assertTrue(rootTooLate.only(TrustValidator.MISSING_TRUST_STAGE).getMessage().contains("move 'trust OperatorRoot' before"),
                rootTooLate.issues()::toString);

        // The only trust stage comes after the download: the stage order reports it, once, at the trust stage.
        Run trustTooLate = validate(TRUSTED.replace("\ttrust OperatorRoot\n\tdownload Wallet over http\n",
                "\tdownload Wallet over http\n\ttrust OperatorRoot\n"));
        assertEquals(List.of(), trustTooLate.withCode(TrustValidator.MISSING_TRUST_STAGE));
        assertTrue(trustTooLate.issues().stream().anyMatch(i -> i.getSeverity() == Severity.ERROR
                && i.getLineNumber() == trustTooLate.lineOf("trust OperatorRoot")), trustTooLate.issues()::toString);

        // A preloaded manufacturer root needs no trust stage.
        assertNoTrustIssue(validate(TRUSTED.replace("\ttrust OperatorRoot\n", "").replace("domain Operator is operator",
                "domain Operator is manufacturer").replace("stored-on sim", "stored-on handset")));
    }

    // ---- Applications -------------------------------------------------------------------------

    @Test
    void aSignatureNamesBothSignerAndDomain() {
        assertError(validate(TRUSTED.replace("\tdomain Operator\n", "")).only(TrustValidator.INCOMPLETE_SIGNATURE), "Wallet",
                "domain D");
        assertError(validate(TRUSTED.replace("\tsigned-by Signing\n", "")).only(TrustValidator.INCOMPLETE_SIGNATURE), "Wallet",
                "signed-by C");
    }

    @Test
    void anUnsignedDownloadIsAWarning() {
        Run run = validate(TRUSTED.replace("\tsigned-by Signing\n\tdomain Operator\n", ""));
        Issue issue = run.only(TrustValidator.UNSIGNED_DOWNLOAD);
        assertEquals(Severity.WARNING, issue.getSeverity());
        assertTrue(issue.getMessage().contains("signed-by C domain D"), issue.getMessage());
    }

    @Test
    void noMessageEverShowsTheKeystorePassword() {
        for (String text : List.of(TRUSTED, TRUSTED.replace("alias \"signing\"", "alias \"nope\""))) {
            for (Map<String, String> environment : List.of(ENVIRONMENT, Map.of("P12_PASSWORD", PASSWORD + "x"), Map.<String, String>of())) {
                validate(text, environment).issues().forEach(i -> assertFalse(i.getMessage().contains(PASSWORD), i::getMessage));
            }
        }
    }

    // ---- Permissions of a bootstrap's domain -------------------------------------------------

    /** A bootstrap signed into a domain of {@code kind} with {@code allows}, and a run of {@code actions}. */
    private static String bootstrapIn(String kind, String allows, String... actions) {
        return """
                namespace test.permissions

                parameters Home {
                	gprs {
                		apn "internet"
                	}
                }

                certificate Root {
                	file "root.pem"
                	stored-on sim
                }

                domain Signers is %s {
                	roots Root%s
                }

                bootstrap-app Boot {
                	classmark 3
                	signed-by Root
                	domain Signers
                }

                component Wallet {
                	classmark 3
                }

                scenario Setup {
                	run Boot {
                %s
                	}
                }
                """.formatted(kind, allows.isEmpty() ? "" : "\n\tallows " + allows,
                String.join("\n", actions).lines().map(line -> "\t\t" + line).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void aBootstrapMayDoWhatItsDomainAllows() {
        String text = bootstrapIn("third-party", "user-data, phone-settings, component-download",
                "offer \"Plan A\"", "collect \"credit card\"", "update-phone Home", "order Wallet");
        ValidationTest.assertNone(ValidationTest.issues(text), TrustValidator.PERMISSION_NOT_ALLOWED);
        // Without 'allows', an operator domain may do everything, as MExE's operator domain can.
        String operator = bootstrapIn("operator", "", "update-sim Home", "update-phone Home", "collect \"name\"", "order Wallet");
        ValidationTest.assertNone(ValidationTest.issues(operator), TrustValidator.PERMISSION_NOT_ALLOWED);
    }

    @Test
    void anActionItsDomainDoesNotAllowIsAnErrorAtTheAction() {
        String text = bootstrapIn("operator", "user-data", "collect \"credit card\"", "update-sim Home");
        Issue issue = ValidationTest.only(ValidationTest.issues(text), TrustValidator.PERMISSION_NOT_ALLOWED,
                ValidationTest.lineOf(text, "update-sim Home"));
        assertError(issue, "Boot is signed in the domain Signers, which does not allow sim-settings",
                "Add 'sim-settings' to the domain's 'allows'");
        // Third-party code has no phone or SIM settings by default.
        String thirdParty = bootstrapIn("third-party", "", "update-phone Home", "order Wallet");
        ValidationTest.only(ValidationTest.issues(thirdParty), TrustValidator.PERMISSION_NOT_ALLOWED,
                ValidationTest.lineOf(thirdParty, "update-phone Home"));
    }
}

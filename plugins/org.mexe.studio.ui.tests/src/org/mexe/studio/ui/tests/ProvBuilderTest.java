package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ArtefactManifest;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.ui.builder.ProvMarkers;
import org.mexe.studio.ui.builder.ProvNature;
import org.mexe.studio.ui.preferences.ProvPreferences;
import org.mexe.studio.ui.wizards.NewProvProjectWizard;

/** The builder's markers and artefacts, and the ways a project gets the builder. Builds run when a test says so. */
@ExtendWith(IndexErrors.class)
class ProvBuilderTest {

    /** A complete scenario whose only mistake is the APN (a set that nothing delivers would be a warning too). */
    private static final String INVALID_APN = """
            namespace demo.builder

            parameters Home {
            	gprs {
            		apn "bad apn!"
            	}
            }

            scenario NewHandset {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin file "userpin.txt"
            		to "+447700900123"
            	}
            }
            """;

    private static final String VALID = """
            namespace demo.generate

            parameters Home {
            	gprs {
            		apn "internet.example"
            	}
            }

            scenario NewHandset {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin file "userpin.txt"
            		to "+447700900123"
            	}
            }
            """;

    private static boolean autoBuildBefore;

    @BeforeAll
    static void stopAutoBuild() throws CoreException {
        autoBuildBefore = Workbench.autoBuild(false);
    }

    @AfterAll
    static void restoreAutoBuild() throws CoreException {
        Workbench.autoBuild(autoBuildBefore);
    }

    @Test
    void anInvalidApnIsMarkedOnItsLine() throws Exception {
        IProject project = Workbench.newProject("builder-markers");
        ProvNature.add(project, null);
        Workbench.write(project, "userpin.txt", "1234\n");
        IFile file = Workbench.write(project, "home.prov", INVALID_APN);

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        List<IMarker> markers = Arrays.asList(file.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO));
        assertEquals(1, markers.size(), () -> messages(markers.toArray(IMarker[]::new)).toString());
        IMarker marker = markers.get(0);
        assertTrue(marker.isSubtypeOf(IMarker.PROBLEM));
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(5, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        int start = INVALID_APN.indexOf("\"bad apn!\"");
        assertEquals(start, marker.getAttribute(IMarker.CHAR_START, -1));
        assertEquals(start + "\"bad apn!\"".length(), marker.getAttribute(IMarker.CHAR_END, -1));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("bad apn!"), marker.getAttribute(IMarker.MESSAGE, ""));

        Workbench.write(project, "home.prov", INVALID_APN.replace("bad apn!", "internet.example"));
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

        assertEquals(0, file.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO).length);
        project.delete(true, true, null);
    }

    @Test
    void aValidProjectIsGeneratedIntoProvGen() throws Exception {
        IProject project = Workbench.newProject("builder-generate");
        ProvNature.add(project, null);
        Workbench.write(project, "userpin.txt", "1234\n");
        Workbench.write(project, "handset.prov", VALID);

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        assertEquals(List.of(), messages(project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_INFINITE)));
        IFolder generated = project.getFolder("prov-gen");
        assertTrue(generated.isDerived());
        IFolder delivery = generated.getFolder("demo.generate.NewHandset/01-deliver-Home");
        for (String artefact : List.of("provisioning.xml", "provisioning.wbxml", "push.wsp", "sms-submit.hex")) {
            assertTrue(delivery.getFile(artefact).exists(), artefact);
        }
        try (InputStream xml = delivery.getFile("provisioning.xml").getContents()) {
            assertTrue(new String(xml.readAllBytes(), StandardCharsets.UTF_8).contains("internet.example"));
        }
        project.delete(true, true, null);
    }

    @Test
    void theManifestIsSignedWithTheKeystoreOfThePreferences(@TempDir Path pkiFolder) throws Exception {
        // Test material, made for the run: the demo PKI (DEMO-ONLY files).
        DemoPki.Files pki = DemoPki.create(pkiFolder);
        var preferences = ProvPreferences.store();
        IProject project = Workbench.newProject("builder-signed");
        try {
            preferences.setValue(ProvPreferences.SIGNING_KEYSTORE, pki.keystore().toString());
            preferences.setValue(ProvPreferences.SIGNING_ALIAS, DemoPki.OPERATOR_SIGNING);
            preferences.setValue(ProvPreferences.SIGNING_PASSWORD, "file " + pki.passwordFile());
            ProvNature.add(project, null);
            Workbench.write(project, "userpin.txt", "1234\n");
            Workbench.write(project, "handset.prov", VALID);

            project.build(IncrementalProjectBuilder.FULL_BUILD, null);

            assertEquals(List.of(), messages(project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_INFINITE)));
            Path output = project.getFolder("prov-gen").getLocation().toPath();
            X509Certificate operatorRoot;
            try (InputStream pem = Files.newInputStream(pkiFolder.resolve(DemoPki.OPERATOR_ROOT + ".pem"))) {
                operatorRoot = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            var verified = ArtefactManifest.verify(output, Set.of(operatorRoot));
            assertTrue(verified.signer().getSubjectX500Principal().getName().contains("Operator Code Signing"), verified::toString);
            assertTrue(verified.files() >= 4, "the delivery's four artefacts at least are in the signed manifest: " + verified.files());

            // A wrong alias: no unsigned output in place of the signed one, and the project says why.
            preferences.setValue(ProvPreferences.SIGNING_ALIAS, "no-such-alias");
            Workbench.write(project, "handset.prov", VALID.replace("internet.example", "internet2.example"));
            project.build(IncrementalProjectBuilder.FULL_BUILD, null);
            List<String> problems = messages(project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_INFINITE));
            assertTrue(problems.stream().anyMatch(m -> m.contains("cannot be signed") && m.contains("no-such-alias")), problems::toString);
            String password = Files.readString(pki.passwordFile()).strip();
            assertTrue(problems.stream().noneMatch(m -> m.contains(password)),
                    "the password is never in a message");
            ArtefactManifest.verify(output, Set.of(operatorRoot));
        } finally {
            preferences.setToDefault(ProvPreferences.SIGNING_KEYSTORE);
            preferences.setToDefault(ProvPreferences.SIGNING_ALIAS);
            preferences.setToDefault(ProvPreferences.SIGNING_PASSWORD);
            project.delete(true, true, null);
        }
    }

    @Test
    void theNewProjectWizardMakesADemoPkiOnRequestAndTheBuildSignsWithIt() throws Exception {
        var preferences = ProvPreferences.store();
        IProject plain = Workbench.newProject("wizard-plain");
        IProject project = Workbench.newProject("wizard-demo-pki");
        try {
            NewProvProjectWizard.create(plain);
            assertFalse(plain.getFolder(NewProvProjectWizard.DEMO_PKI_FOLDER).exists(), "no PKI unless asked");

            NewProvProjectWizard.create(project, true, true);
            IFolder pki = project.getFolder(NewProvProjectWizard.DEMO_PKI_FOLDER);
            assertTrue(pki.getFile(DemoPki.KEYSTORE).exists(), "the keystore is in the workspace, refreshed");
            project.build(IncrementalProjectBuilder.FULL_BUILD, null);

            IMarker[] markers = project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_INFINITE);
            assertTrue(Arrays.stream(markers).noneMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR),
                    () -> "the starter has no error: " + messages(markers));
            X509Certificate operatorRoot;
            try (InputStream pem = pki.getFile(DemoPki.OPERATOR_ROOT + ".pem").getContents()) {
                operatorRoot = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            var verified = ArtefactManifest.verify(project.getFolder("prov-gen").getLocation().toPath(),
                    Set.of(operatorRoot));
            assertTrue(verified.signer().getSubjectX500Principal().getName().contains("Operator Code Signing"), verified::toString);
        } finally {
            preferences.setToDefault(ProvPreferences.SIGNING_KEYSTORE);
            preferences.setToDefault(ProvPreferences.SIGNING_ALIAS);
            preferences.setToDefault(ProvPreferences.SIGNING_PASSWORD);
            plain.delete(true, true, null);
            project.delete(true, true, null);
        }
    }

    @Test
    void aMissingSecretIsMarkedAtThePinLine() throws Exception {
        IProject project = Workbench.newProject("builder-secret");
        ProvNature.add(project, null);
        IFile file = Workbench.write(project, "handset.prov", VALID);

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        IMarker[] markers = file.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO);
        List<String> messages = messages(markers);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("userpin.txt"), messages::toString);
        assertEquals(VALID.lines().toList().indexOf(VALID.lines().filter(l -> l.contains("pin file")).findFirst().orElseThrow()) + 1,
                markers[0].getAttribute(IMarker.LINE_NUMBER, -1), "the marker is on the pin line");
        assertEquals(0, project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO).length, "nothing is left on the project");
        assertFalse(project.getFolder("prov-gen").exists());
        project.delete(true, true, null);
    }

    @Test
    void aProvGenWithTheUsersFilesIsNeitherReplacedNorCleaned() throws Exception {
        IProject project = Workbench.newProject("builder-foreign-output");
        ProvNature.add(project, null);
        Workbench.write(project, "userpin.txt", "1234\n");
        IFile source = Workbench.write(project, "handset.prov", VALID);
        project.getFolder("prov-gen").create(true, true, null);
        IFile notes = Workbench.write(project, "prov-gen/notes.txt", "my notes, not generated");

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        List<String> onProject = messages(project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO));
        assertEquals(1, onProject.size(), onProject::toString);
        String message = onProject.get(0);
        assertTrue(message.contains(project.getFolder("prov-gen").getLocation().toOSString()) && message.contains("notes.txt")
                && message.contains("delete the folder prov-gen yourself"), message);
        assertEquals(IMarker.SEVERITY_ERROR, project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_ZERO)[0]
                .getAttribute(IMarker.SEVERITY, -1));
        notes.refreshLocal(IResource.DEPTH_ZERO, null);
        assertTrue(notes.exists(), "the user's file survives the build");
        assertFalse(project.getFolder("prov-gen/demo.generate.NewHandset").exists(), "nothing was generated into it");

        project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
        notes.refreshLocal(IResource.DEPTH_ZERO, null);
        assertTrue(notes.exists(), "the user's file survives a clean");
        try (InputStream text = source.getContents()) {
            assertEquals(VALID, new String(text.readAllBytes(), StandardCharsets.UTF_8), "the source survives");
        }

        // once the user moves the file away, the builder takes the folder
        notes.delete(true, null);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(List.of(), messages(project.findMarkers(ProvMarkers.TYPE, true, IResource.DEPTH_INFINITE)));
        assertTrue(project.getFolder("prov-gen/demo.generate.NewHandset/01-deliver-Home").getFile("push.wsp").exists());
        project.delete(true, true, null);
    }

    @Test
    void aCleanRemovesTheBuildersOwnOutput() throws Exception {
        IProject project = Workbench.newProject("builder-clean");
        ProvNature.add(project, null);
        Workbench.write(project, "userpin.txt", "1234\n");
        Workbench.write(project, "handset.prov", VALID);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertTrue(project.getFolder("prov-gen").exists());

        project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);

        assertFalse(project.getFolder("prov-gen").exists());
        assertTrue(project.getFile("handset.prov").exists());
        project.delete(true, true, null);
    }

    private static List<String> messages(IMarker[] markers) {
        return Arrays.stream(markers).map(marker -> marker.getAttribute(IMarker.MESSAGE, "")).toList();
    }

    @Test
    void theProjectCommandEnablesTheBuilder() throws Exception {
        IProject project = Workbench.newProject("builder-command");
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IEvaluationContext context = new EvaluationContext(handlers.createContextSnapshot(false), project);
        context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(project));

        handlers.executeCommandInContext(
                ParameterizedCommand.generateCommand(commands.getCommand("org.mexe.studio.ui.enableBuilder"), null),
                null, context);
        Job.getJobManager().join(ProvNature.JOB_FAMILY, null);

        assertTrue(ProvNature.isOn(project));
        assertTrue(Arrays.stream(project.getDescription().getBuildSpec())
                .anyMatch(command -> command.getBuilderName().equals("org.mexe.studio.ui.provBuilder")));
        project.delete(true, true, null);
    }

    @Test
    void openingAProvFileEnablesTheBuilder() throws Exception {
        IProject project = Workbench.newProject("builder-on-open");
        IFile file = Workbench.write(project, "home.prov", INVALID_APN);
        assertFalse(ProvNature.isOn(project));

        IDE.openEditor(Workbench.page(), file);
        Job.getJobManager().join(ProvNature.JOB_FAMILY, null);

        assertTrue(ProvNature.isOn(project));
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
    }
}

package org.mexe.studio.ui.wizards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.mexe.studio.dsl.ide.workspace.NewFiles;
import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.ui.builder.ProvNature;
import org.mexe.studio.ui.preferences.ProvPreferences;

/**
 * File › New › Provisioning Project: a project with the provisioning nature and a starter scenario
 * that validates; on request, a demo PKI ({@link DemoPki}: DEMO-ONLY keys made on the spot) in
 * {@code demo-pki/}, and the builder's manifest signed with it.
 */
public final class NewProvProjectWizard extends BasicNewProjectResourceWizard {

    /** The folder of the demo PKI in the project. */
    public static final String DEMO_PKI_FOLDER = "demo-pki";

    private DemoPkiPage demoPki;

    @Override
    public void addPages() {
        super.addPages();
        setWindowTitle("New Provisioning Project");
        demoPki = new DemoPkiPage();
        addPage(demoPki);
    }

    @Override
    public boolean performFinish() {
        boolean withPki = demoPki.createPki();
        boolean signWithIt = demoPki.signWithIt();
        if (!super.performFinish()) {
            return false;
        }
        IProject project = getNewProject();
        try {
            IFile starter = create(project, withPki, signWithIt);
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), starter);
        } catch (CoreException e) {
            org.eclipse.core.runtime.ILog.of(getClass()).error("Setting up " + project.getName() + " failed", e);
            return false;
        }
        return true;
    }

    /** Adds the nature and the starter scenario to a new project; returns the scenario's file. */
    public static IFile create(IProject project) throws CoreException {
        return create(project, false, false);
    }

    /**
     * As {@link #create(IProject)}, with a demo PKI in {@code demo-pki/} when asked, and the
     * workspace's builds signing their manifest with its operator signing key when asked too.
     */
    public static IFile create(IProject project, boolean withDemoPki, boolean signWithIt) throws CoreException {
        ProvNature.add(project, null);
        IFile starter = project.getFile("scenario.prov");
        String namespace = NewFiles.namespace(java.util.List.of(project.getName()), "main");
        if (!starter.exists()) {
            starter.create(new ByteArrayInputStream(NewFiles.starter(namespace).getBytes(StandardCharsets.UTF_8)), true, null);
        }
        if (withDemoPki) {
            IFolder folder = project.getFolder(DEMO_PKI_FOLDER);
            try {
                DemoPki.Files pki = DemoPki.create(folder.getLocation().toPath());
                if (signWithIt) {
                    var preferences = ProvPreferences.store();
                    preferences.setValue(ProvPreferences.SIGNING_KEYSTORE, pki.keystore().toString());
                    preferences.setValue(ProvPreferences.SIGNING_ALIAS, DemoPki.OPERATOR_SIGNING);
                    preferences.setValue(ProvPreferences.SIGNING_PASSWORD, "file " + pki.passwordFile());
                }
            } catch (java.io.IOException | KeystoreException e) {
                throw new CoreException(Status.error("The demo PKI cannot be made in " + folder.getFullPath() + ": " + e.getMessage(), e));
            }
            folder.refreshLocal(IResource.DEPTH_INFINITE, null);
        }
        return starter;
    }

    /** The wizard's second page: the demo PKI, off unless asked for. */
    private static final class DemoPkiPage extends WizardPage {

        private Button createPki;
        private Button signWithIt;
        private boolean createPkiChosen;
        private boolean signWithItChosen;

        DemoPkiPage() {
            super("demoPki");
            setTitle("Demo PKI");
            setDescription("Keys to try signing with. They are made now, marked DEMO-ONLY, and are no operator's keys.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite page = new Composite(parent, SWT.NONE);
            page.setLayout(new GridLayout(1, false));
            createPki = new Button(page, SWT.CHECK);
            createPki.setText("Create a &demo PKI in " + DEMO_PKI_FOLDER + "/ (manufacturer, operator and third-party roots, an operator signing key)");
            signWithIt = new Button(page, SWT.CHECK);
            signWithIt.setText("&Sign the builder's manifest with its operator signing key (sets Preferences \u203a "
                    + "MExE Provisioning for this workspace)");
            signWithIt.setEnabled(false);
            createPki.addListener(SWT.Selection, event -> {
                createPkiChosen = createPki.getSelection();
                signWithIt.setEnabled(createPkiChosen);
                if (!createPkiChosen) {
                    signWithIt.setSelection(false);
                    signWithItChosen = false;
                }
            });
            signWithIt.addListener(SWT.Selection, event -> signWithItChosen = signWithIt.getSelection());
            new Label(page, SWT.WRAP).setText("Its keystore's password is in a DEMO-ONLY file beside it. For a real key, set the keystore,"
                    + " its alias and where its password is under Preferences.");
            setControl(page);
        }

        boolean createPki() {
            return createPkiChosen;
        }

        boolean signWithIt() {
            return createPkiChosen && signWithItChosen;
        }
    }
}

package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.commands.RenameHandler;
import org.mexe.studio.ui.editor.EditorDocuments;
import org.mexe.studio.ui.editor.ProvHover;
import org.mexe.studio.ui.outline.ProvOutlinePage;
import org.mexe.studio.ui.outline.QuickOutline;
import org.mexe.studio.ui.wizards.NewProvFileWizard;

/**
 * Makes the pictures of docs/ide.md from the running IDE under Xvfb (tools/screenshots): not a
 * test of its own (its name keeps it out of the suite), so that the pictures show what the code does now.
 */
class ScreenshotMaker {

    private static final Path OUT = Path.of(System.getProperty("prov.screenshots", "target/screenshots"));

    @Test
    void makeScreenshots() throws Exception {
        Files.createDirectories(OUT);
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        window.setBounds(0, 0, 1100, 720);
        IProject project = Workbench.newProject("fjord");
        Workbench.write(project, "other.prov", ProvEditorFeaturesTest.OTHER);
        IFile file = Workbench.write(project, "features.prov", ProvEditorFeaturesTest.SOURCE);
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.page().showView("org.eclipse.ui.views.ContentOutline");
        Workbench.page().showView("org.eclipse.ui.views.ProblemView");
        Workbench.page().activate(editor);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
        ProvIndex.include(project).get(60, TimeUnit.SECONDS);
        EditorDocuments.sync(document).get(60, TimeUnit.SECONDS);
        settle(3000);
        editor.selectAndReveal(ProvEditorFeaturesTest.SOURCE.indexOf("Home {") + 1, 0);
        settle(2000);
        shoot(window, "editor");

        // Hover: the hover provider's text in the editor's information control.
        int proxy = ProvEditorFeaturesTest.SOURCE.indexOf("Roaming {");
        String hover = new ProvHover().getHoverInfo(viewer, new Region(proxy + 1, 0));
        DefaultInformationControl control = new DefaultInformationControl(window, "Hover of a reference");
        control.setInformation(hover);
        Point size = control.computeSizeHint();
        control.setSize(Math.min(size.x, 600), Math.min(size.y, 300));
        Point at = viewer.getTextWidget().toDisplay(viewer.getTextWidget().getLocationAtOffset(proxy));
        control.setLocation(new Point(at.x, at.y + 20));
        control.setVisible(true);
        settle(500);
        shoot(window, "hover");
        control.dispose();

        QuickOutline quick = new QuickOutline(window, editor, ProvOutlinePage.symbols(document));
        quick.setBlockOnOpen(false);
        quick.open();
        quick.filter("S");
        settle(500);
        shoot(window, "quick-outline");
        quick.close();

        editor.selectAndReveal(ProvEditorFeaturesTest.SOURCE.indexOf("Roaming {") + 1, 0);
        editor.getSite().getService(IHandlerService.class).executeCommand("org.eclipse.ui.genericeditor.findReferences", null);
        settle(1000);
        shoot(window, "references");
        Workbench.page().activate(editor);

        var changes = RenameHandler.changes(document, ProvEditorFeaturesTest.SOURCE.indexOf("Roaming {") + 1, "Abroad");
        var preview = new RenameHandler.PreviewDialog(window, "demo.other.Roaming", "Abroad", changes);
        preview.setBlockOnOpen(false);
        preview.open();
        settle(500);
        shoot(preview.getShell(), "rename-preview");
        preview.close();

        document.replace(document.getLength(), 0, "\nsce");
        editor.selectAndReveal(document.getLength(), 0);
        ((ITextOperationTarget) viewer).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
        settle(1500);
        shoot(window, "templates");
        editor.doRevertToSaved();
        settle(500);

        editor.doSave(null);
        settle(2000);
        editor.selectAndReveal(ProvEditorFeaturesTest.SOURCE.indexOf("Spare"), 0);
        ((ITextOperationTarget) viewer).doOperation(ISourceViewer.QUICK_ASSIST);
        settle(1500);
        shoot(window, "quick-fix");
        settle(200);

        PreferenceDialog preferences = PreferencesUtil.createPreferenceDialogOn(window, "org.mexe.studio.ui.preferences", null, null);
        preferences.setBlockOnOpen(false);
        preferences.open();
        settle(500);
        shoot(preferences.getShell(), "preferences");
        preferences.close();

        NewProvFileWizard wizard = new NewProvFileWizard();
        wizard.init(PlatformUI.getWorkbench(), new org.eclipse.jface.viewers.StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(window, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        settle(500);
        shoot(dialog.getShell(), "new-file");
        dialog.close();

        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);

        // Scenario Flow and Scenario Run on a small scenario that runs end to end.
        IProject running = Workbench.newProject("fjord-run");
        IFile welcome = Workbench.write(running, "welcome.prov", RunScenarioTest.SOURCE);
        ITextEditor runEditor = (ITextEditor) IDE.openEditor(Workbench.page(), welcome);
        Workbench.page().showView(org.mexe.studio.ui.flow.ScenarioFlowView.ID);
        Workbench.page().activate(runEditor);
        runEditor.selectAndReveal(RunScenarioTest.SOURCE.indexOf("connect Setup"), 0);
        settle(3000);
        shoot(window, "scenario-flow");
        Workbench.page().showView(org.mexe.studio.ui.payload.PayloadInspectorView.ID);
        Workbench.page().activate(runEditor);
        runEditor.selectAndReveal(RunScenarioTest.SOURCE.indexOf("+447700900150"), 0);
        settle(3000);
        shoot(window, "payload-inspector");
        runEditor.selectAndReveal(RunScenarioTest.SOURCE.indexOf("connect Setup"), 0);
        runEditor.getSite().getService(IHandlerService.class).executeCommand("org.mexe.studio.ui.runScenario", null);
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.mexe.studio.ui.run.RunScenarioHandler.JOB_FAMILY, null);
        settle(1500);
        shoot(window, "run");
        var browser = (org.mexe.studio.ui.browser.ModelBrowserView) Workbench.page().showView(org.mexe.studio.ui.browser.ModelBrowserView.ID);
        settle(2000);
        browser.tree().expandToLevel(2);
        browser.model().stream().flatMap(namespace -> namespace.children().stream()).filter(node -> node.label().startsWith("parameters "))
                .findFirst().ifPresent(set -> browser.tree().setSelection(new org.eclipse.jface.viewers.StructuredSelection(set), true));
        settle(500);
        shoot(window, "model-browser");
        Workbench.page().closeAllEditors(false);
        running.delete(true, true, null);
        assertTrue(Files.size(OUT.resolve("editor.png")) > 0);
    }

    /** Runs the UI for a while: background jobs (validation, outline, occurrences) reach it meanwhile. */
    private static void settle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            Workbench.processEvents();
            Thread.sleep(20);
        }
    }

    private static void shoot(Shell shell, String name) throws Exception {
        settle(100);
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        loader.save(OUT.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        image.dispose();
    }

}

package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.ui.payload.PayloadInspectorView;

/** The Payload Inspector follows the caret into a delivery and shows it layer by layer. */
@ExtendWith(IndexErrors.class)
class PayloadInspectorViewTest {

    @Test
    void theDeliveryUnderTheCaretIsInspected() throws Exception {
        IProject project = Workbench.newProject("payload-inspector");
        IFile file = Workbench.write(project, "welcome.prov", RunScenarioTest.SOURCE);
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.processEvents();
        PayloadInspectorView view = (PayloadInspectorView) Workbench.page().showView(PayloadInspectorView.ID);
        Workbench.page().activate(editor);
        editor.selectAndReveal(RunScenarioTest.SOURCE.indexOf("+447700900150"), 0);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (view.inspection().isEmpty() && System.nanoTime() < end) {
            Workbench.processEvents();
            Thread.sleep(50);
        }
        String text = view.text();
        assertTrue(text.startsWith("== Sizes: 1 SMS, "), text);
        assertTrue(text.contains("== WBXML: ") && text.contains("\n0000  03 ") && text.contains(" version 1.3\n"), text);
        assertTrue(text.contains("<characteristic (attributes follow)\n"), "the bytes are named token by token");
        assertTrue(text.contains("== SMS 1 of 1: "), text);
        Workbench.page().closeAllEditors(false);
        project.delete(true, true, null);
    }
}

package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.internal.genericeditor.GenericEditorPlugin;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.editor.ProvHighlighting;
import org.mexe.studio.ui.editor.ProvReconcilingStrategy;

/** A .prov file in the workbench: which editor opens it, how it is coloured, what content assist offers. */
@ExtendWith(IndexErrors.class)
class ProvEditorTest {

    private static final String SOURCE = """
            namespace demo.editor

            // The operator's home network.
            parameters Home {
            	www {
            		proxy "10.10.0.8"
            		port 8080
            	}
            }

            scenario NewHandset {
            	deliver\s
            }
            """;

    /** Another file of the project: its names must be offered across files. */
    private static final String OTHER = """
            namespace demo.other

            parameters Roaming {
            	www {
            		homepage "http://wap.example/roaming"
            	}
            }
            """;

    private static IProject project;
    private IFile file;
    private ITextEditor editor;

    @BeforeAll
    static void createProject() throws CoreException {
        project = Workbench.newProject("editor-test");
        Workbench.write(project, "other.prov", OTHER);
    }

    @AfterAll
    static void deleteProject() throws CoreException {
        project.delete(true, true, null);
    }

    @BeforeEach
    void openEditor() throws CoreException {
        file = Workbench.write(project, "demo.prov", SOURCE);
        IEditorPart part = IDE.openEditor(Workbench.page(), file);
        Workbench.processEvents();
        editor = (ITextEditor) part;
    }

    @AfterEach
    void closeEditor() {
        Workbench.page().closeAllEditors(false);
    }

    @Test
    void opensInTheGenericEditor() {
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
        assertEquals(ProvLanguage.CONTENT_TYPE, Platform.getContentTypeManager().findContentTypeFor("x.prov").getId());
    }

    @Test
    void coloursKeywordsStringsNumbersAndComments() {
        StyledText text = (StyledText) editor.getAdapter(Control.class);

        assertStyle(ProvHighlighting.KEYWORD, text, SOURCE.indexOf("namespace"));
        assertStyle(ProvHighlighting.KEYWORD, text, SOURCE.indexOf("proxy"));
        assertStyle(ProvHighlighting.STRING, text, SOURCE.indexOf("\"10.10.0.8\"") + 1);
        assertStyle(ProvHighlighting.NUMBER, text, SOURCE.indexOf("8080"));
        assertStyle(ProvHighlighting.COMMENT, text, SOURCE.indexOf("home network"));

        StyleRange name = text.getStyleRangeAtOffset(SOURCE.indexOf("Home {"));
        // A name is no keyword: plain text from the lexer, a declaration once semantic colouring has come.
        assertTrue(name == null || name.foreground == null || name.foreground.getRGB().equals(ProvHighlighting.DECLARATION.rgb()),
                "a name is plain text or a declaration");
    }

    private static void assertStyle(ProvHighlighting expected, StyledText text, int offset) {
        StyleRange range = text.getStyleRangeAtOffset(offset);
        assertNotNull(range, () -> "no style at " + offset);
        assertEquals(expected.rgb(), range.foreground.getRGB(), () -> expected + " colour at " + offset);
        assertEquals(expected.fontStyle() == SWT.BOLD, (range.fontStyle & SWT.BOLD) != 0, () -> expected + " weight at " + offset);
    }

    @Test
    void contentAssistOffersTheKeywordsThatMayFollow() {
        int afterParameterSet = SOURCE.indexOf("\nscenario");

        List<String> proposals = displayStrings(proposalsAt(afterParameterSet));

        assertTrue(proposals.containsAll(List.of("parameters", "scenario")), proposals::toString);
        assertFalse(proposals.contains("namespace"), proposals::toString);
    }

    @Test
    void contentAssistOffersParameterSetsOfOtherFiles() {
        int afterDeliver = SOURCE.indexOf("deliver ") + "deliver ".length();

        List<String> proposals = displayStrings(proposalsAt(afterDeliver));

        assertTrue(proposals.contains("demo.other.Roaming"), proposals::toString);
    }

    @Test
    void applyingAProposalReplacesTheTypedPrefix() throws Exception {
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        int afterParameterSet = SOURCE.indexOf("\nscenario");
        document.replace(afterParameterSet, 0, "\nsce");
        ICompletionProposal scenario = Arrays.stream(proposalsAt(afterParameterSet + "\nsce".length()))
                .filter(proposal -> proposal.getDisplayString().equals("scenario"))
                .findFirst()
                .orElseThrow();

        scenario.apply(document);

        assertTrue(document.get().contains("}\n\nscenario\nscenario NewHandset"), document::get);
    }

    @Test
    void typedProblemsAreAnnotatedUntilTheFileIsSaved() throws Exception {
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ProvReconcilingStrategy strategy = new ProvReconcilingStrategy();
        strategy.install(viewer);
        strategy.setDocument(document);
        // Syntax errors hold back the language's checks: the unfinished stage goes first.
        document.replace(SOURCE.indexOf("\tdeliver"), "\tdeliver \n".length(), "");
        int port = SOURCE.indexOf("8080");
        document.replace(port, "8080".length(), "99999");

        strategy.reconcile(new Region(0, document.getLength()));

        assertTrue(liveErrors(viewer).stream().anyMatch(error -> error.getValue().getOffset() == port
                && error.getValue().getLength() == "99999".length() && error.getKey().getText().contains("99999")),
                () -> liveErrors(viewer).toString());

        editor.doSave(null);

        assertEquals(List.of(), liveErrors(viewer), "after saving, the builder's markers show the problems");
        strategy.uninstall();
    }

    /** The error annotations that do not stand for markers, i.e. those of live validation. */
    private static List<Map.Entry<Annotation, Position>> liveErrors(ISourceViewer viewer) {
        IAnnotationModel model = viewer.getAnnotationModel();
        List<Map.Entry<Annotation, Position>> errors = new ArrayList<>();
        model.getAnnotationIterator().forEachRemaining(annotation -> {
            if (!(annotation instanceof MarkerAnnotation) && annotation.getType().equals("org.eclipse.ui.workbench.texteditor.error")) {
                errors.add(Map.entry(annotation, model.getPosition(annotation)));
            }
        });
        return errors;
    }

    /** Asks the Generic Editor's own registry for the processors of this editor, as its content assistant does. */
    private ICompletionProposal[] proposalsAt(int offset) {
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
        List<IContentAssistProcessor> processors = GenericEditorPlugin.getDefault().getContentAssistProcessorRegistry()
                .getContentAssistProcessors(viewer, editor,
                        Set.of(Platform.getContentTypeManager().getContentType(ProvLanguage.CONTENT_TYPE)));
        assertEquals(1, processors.size(), "one processor for .prov files");
        return processors.get(0).computeCompletionProposals(viewer, offset);
    }

    private static List<String> displayStrings(ICompletionProposal[] proposals) {
        return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
    }
}

package org.mexe.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Edit;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Span;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Symbol;
import org.mexe.studio.ui.ProvIndex;
import org.mexe.studio.ui.builder.ProblemMarkers;
import org.mexe.studio.ui.builder.ProvMarkers;
import org.mexe.studio.ui.commands.RenameHandler;
import org.mexe.studio.ui.editor.EditorDocuments;
import org.mexe.studio.ui.editor.ProvAutoIndent;
import org.mexe.studio.ui.editor.ProvBrackets;
import org.mexe.studio.ui.editor.ProvContentAssistProcessor;
import org.mexe.studio.ui.editor.ProvHighlighting;
import org.mexe.studio.ui.editor.ProvHover;
import org.mexe.studio.ui.editor.ProvHyperlinkDetector;
import org.mexe.studio.ui.editor.ProvOccurrences;
import org.mexe.studio.ui.outline.ProvOutlinePage;
import org.mexe.studio.ui.outline.QuickOutline;

/** The editor features of a .prov file in the Generic Editor, each through the extension or command a user reaches it by. */
@ExtendWith(IndexErrors.class)
class ProvEditorFeaturesTest {

    static final String OTHER = """
            namespace demo.other

            parameters Roaming {
            	www {
            		homepage "http://wap.example/roaming"
            	}
            }
            """;

    static final String SOURCE = """
            namespace demo.features

            import demo.other.*

            // Home is the operator's own network.
            parameters Home {
            	www {
            		proxy "10.10.0.8"
            		port 8080
            	}
            }

            parameters Spare {
            	www {
            		port 80
            	}
            }

            scenario NewHandset {
            	deliver Home {
            		format oma-cp
            		security none
            		to "Home userpin"
            	}
            	deliver Roaming {
            		format oma-cp
            		security none
            		to "+447700900123"
            	}
            }
            """;

    private static IProject project;
    private IFile other;
    private IFile file;
    private ITextEditor editor;
    private IDocument document;
    private ISourceViewer viewer;

    @BeforeAll
    static void createProject() throws CoreException {
        project = Workbench.newProject("features-test");
    }

    @AfterAll
    static void deleteProject() throws CoreException {
        project.delete(true, true, null);
    }

    @BeforeEach
    void openEditor() throws Exception {
        other = Workbench.write(project, "other.prov", OTHER);
        file = Workbench.write(project, "features.prov", SOURCE);
        editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.processEvents();
        document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
        ProvIndex.include(project).get(60, TimeUnit.SECONDS);
        EditorDocuments.sync(document).get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeEditor() {
        Workbench.page().closeAllEditors(false);
    }

    private URI uri(IFile of) {
        return ProvIndex.uri(of).orElseThrow();
    }

    @Test
    void hoverSaysWhatAKeywordMeansAndWhatANameIs() {
        String keyword = new ProvHover().getHoverInfo(viewer, new Region(SOURCE.indexOf("proxy"), 0));
        assertNotNull(keyword, "a keyword has a hover");
        assertFalse(keyword.isBlank());
        String reference = new ProvHover().getHoverInfo(viewer, new Region(SOURCE.indexOf("Roaming {") + 2, 0));
        assertNotNull(reference, "a reference has a hover");
        assertTrue(reference.contains("Roaming"), reference);
    }

    @Test
    void outlineListsTheDeclarationsAndQuickOutlineGoesToOne() throws Exception {
        IContentOutlinePage page = editor.getAdapter(IContentOutlinePage.class);
        assertInstanceOf(ProvOutlinePage.class, page, "the Outline view gets a page from the editor");
        List<Symbol> symbols = ProvOutlinePage.symbols(document);
        List<String> names = flatten(symbols);
        assertTrue(names.containsAll(List.of("demo.features.Home", "demo.features.Spare", "demo.features.NewHandset")), names::toString);

        QuickOutline quick = new QuickOutline(editor.getSite().getShell(), editor, symbols);
        quick.open();
        quick.filter("Spar");
        quick.go();

        TextSelection selection = (TextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(SOURCE.indexOf("Spare"), selection.getOffset());
        assertEquals("Spare".length(), selection.getLength());
    }

    private static List<String> flatten(List<Symbol> symbols) {
        return symbols.stream().flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.name()), flatten(s.children()).stream()))
                .toList();
    }

    @Test
    void goToDefinitionOpensTheDeclarationInTheOtherFile() {
        IHyperlink[] links = new ProvHyperlinkDetector().detectHyperlinks(viewer, new Region(SOURCE.indexOf("Roaming {") + 1, 0), false);
        assertNotNull(links, "a reference is a hyperlink");
        links[0].open();
        Workbench.processEvents();
        ITextEditor opened = (ITextEditor) Workbench.page().getActiveEditor();
        assertEquals("other.prov", opened.getEditorInput().getName());
        TextSelection selection = (TextSelection) opened.getSelectionProvider().getSelection();
        assertEquals(OTHER.indexOf("Roaming"), selection.getOffset());
    }

    @Test
    void findReferencesFindsUsesInOtherFiles() throws Exception {
        List<Span> references = ProvIndex.services().references(uri(other), OTHER.indexOf("Roaming") + 1).get(30, TimeUnit.SECONDS);
        assertTrue(references.stream().anyMatch(span -> span.file().equals(uri(file)) && span.offset() == SOURCE.indexOf("Roaming {")),
                references::toString);
    }

    @Test
    void occurrencesFollowReferencesNotWords() throws Exception {
        ProvOccurrences occurrences = new ProvOccurrences();
        occurrences.install(viewer);
        try {
            editor.selectAndReveal(SOURCE.indexOf("Home {") + 1, 0);
            waitFor(() -> !occurrences.shownPositions().isEmpty());
            List<Integer> offsets = occurrences.shownPositions().stream().map(p -> p.getOffset()).sorted().toList();
            assertEquals(List.of(SOURCE.indexOf("Home {"), SOURCE.indexOf("Home {", SOURCE.indexOf("deliver"))), offsets,
                    "the declaration and the reference, not the comment or the string");
        } finally {
            occurrences.uninstall();
        }
    }

    @Test
    void renameChangesEveryFileAfterAPreview() throws Exception {
        Map<URI, List<Edit>> changes = RenameHandler.changes(document, SOURCE.indexOf("Roaming {") + 1, "Abroad");
        assertEquals(2, changes.size(), changes::toString);
        List<String> preview = RenameHandler.describe(changes);
        assertTrue(preview.stream().anyMatch(line -> line.startsWith("other.prov:3:") && line.endsWith("parameters Abroad {")), preview::toString);

        RenameHandler.apply(changes);

        assertTrue(document.get().contains("deliver Abroad {"), document::get);
        assertTrue(new String(other.getContents().readAllBytes(), StandardCharsets.UTF_8).contains("parameters Abroad {"));
    }

    @Test
    void formatAndToggleCommentAreEditorCommands() throws Exception {
        document.replace(SOURCE.indexOf("parameters Spare"), "parameters Spare".length(), "parameters    Spare");
        editor.selectAndReveal(0, 0);
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        handlers.executeCommand("org.mexe.studio.ui.format", null);
        assertTrue(document.get().contains("\nparameters Spare {"), document::get);

        editor.selectAndReveal(SOURCE.indexOf("parameters Home"), 0);
        handlers.executeCommand("org.mexe.studio.ui.toggleComment", null);
        assertTrue(document.get().contains("// parameters Home {"), document::get);
        handlers.executeCommand("org.mexe.studio.ui.toggleComment", null);
        assertTrue(document.get().contains("\nparameters Home {"), document::get);
    }

    @Test
    void anUnusedSetHasAQuickFix() throws Exception {
        ProvIndex.workspace().settled().get(30, TimeUnit.SECONDS);

        waitFor(() -> unusedSetMarker() != null);
        IMarker marker = unusedSetMarker();
        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertTrue(resolutions.length > 0, "the unused set can be removed");

        resolutions[0].run(marker);

        assertFalse(document.get().contains("parameters Spare"), document::get);
    }

    private IMarker unusedSetMarker() {
        try {
            return Arrays.stream(file.findMarkers(ProvMarkers.TYPE, false, 0))
                    .filter(m -> m.getAttribute(ProvMarkers.CODE, "").endsWith("unusedParameterSet")).findFirst().orElse(null);
        } catch (CoreException e) {
            return null;
        }
    }

    @Test
    void templatesOfferTheSixStageScenario() throws Exception {
        int end = document.getLength();
        document.replace(end, 0, "\nsce");
        List<ICompletionProposal> proposals = ProvContentAssistProcessor.templates(document, document.getLength());
        assertEquals(1, proposals.size(), proposals::toString);
        ((org.eclipse.jface.text.contentassist.ICompletionProposalExtension2) proposals.get(0)).apply(viewer, '\0', 0, document.getLength());
        assertTrue(document.get().contains("\tdownload "), document::get);
        assertTrue(document.get().contains("\tinstall "), document::get);
    }

    @Test
    void semanticColouringTellsDeclarationsReferencesApart() throws Exception {
        StyledText text = (StyledText) editor.getAdapter(Control.class);
        int declaration = SOURCE.indexOf("Spare");
        int reference = SOURCE.indexOf("Roaming {");
        // A change at the end makes the reconciler run (the editor was just opened: it may still be on its first run).
        document.replace(document.getLength(), 0, "\n");
        waitFor(() -> hasColour(text, declaration, ProvHighlighting.DECLARATION) && hasColour(text, reference, ProvHighlighting.REFERENCE));
        assertTrue(hasColour(text, declaration, ProvHighlighting.DECLARATION), "declaration");
        assertTrue(hasColour(text, reference, ProvHighlighting.REFERENCE), "reference");
    }

    private static boolean hasColour(StyledText text, int offset, ProvHighlighting style) {
        StyleRange range = text.getStyleRangeAtOffset(offset);
        return range != null && range.foreground != null && range.foreground.getRGB().equals(style.rgb());
    }

    @Test
    void bracketsMatchAndNewLinesIndent() throws Exception {
        int open = SOURCE.indexOf("Home {") + "Home {".length();
        IRegion match = new ProvBrackets().match(document, open);
        assertNotNull(match, "the block's braces match");
        assertEquals('}', document.getChar(match.getOffset() + match.getLength() - 1));

        DocumentCommand command = new DocumentCommand() {
        };
        command.offset = open;
        command.length = 0;
        command.text = "\n";
        command.doit = true;
        new ProvAutoIndent().customizeDocumentCommand(document, command);
        assertEquals("\n\t", command.text, "one level in after an opening brace");
    }

    /** Runs UI events until the condition holds, for at most 20 seconds (work of background jobs that reach the UI). */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Workbench.processEvents();
            Thread.sleep(50);
        }
    }
}

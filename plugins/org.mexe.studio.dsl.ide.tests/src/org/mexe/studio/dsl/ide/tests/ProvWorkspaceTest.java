package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.dsl.ide.workspace.LineComments;
import org.mexe.studio.dsl.ide.workspace.NewFiles;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices;
import org.mexe.studio.dsl.ide.workspace.ProvEditorServices.Edit;
import org.mexe.studio.dsl.ide.workspace.ProvWorkspace;

import com.google.inject.Injector;

/** The index the editors share: unsaved text in place of the file, revalidation of the files a change concerns. */
class ProvWorkspaceTest {

    private static final String SETS = """
            namespace demo.sets

            parameters Home {
            	www {
            		port 8080
            	}
            }
            """;

    private static final String SCENARIO = """
            namespace demo.scenarios

            import demo.sets.*

            scenario NewHandset {
            	deliver Home {
            		format oma-cp
            		security none
            		to "+447700900123"
            	}
            }
            """;

    @TempDir
    Path folder;
    private ProvWorkspace workspace;
    private ProvEditorServices services;
    private URI sets;
    private URI scenario;

    @BeforeEach
    void index() throws Exception {
        Files.writeString(folder.resolve("sets.prov"), SETS);
        Files.writeString(folder.resolve("scenario.prov"), SCENARIO);
        // A new injector per test: one index each.
        Injector injector = new ProvIdeSetup().createInjectorAndDoEMFRegistration();
        workspace = injector.getInstance(ProvWorkspace.class);
        services = injector.getInstance(ProvEditorServices.class);
        workspace.initialize(List.of(new ProvWorkspace.Root(workspace.uri(folder.toUri()), "demo"))).get(60, TimeUnit.SECONDS);
        sets = workspace.uri(folder.resolve("sets.prov").toUri());
        scenario = workspace.uri(folder.resolve("scenario.prov").toUri());
    }

    private List<Issue> errors(URI file) {
        return workspace.problems(file).orElseThrow().stream()
                .filter(issue -> issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
    }

    @Test
    void unsavedTextTakesThePlaceOfTheFileAndOtherFilesAreRevalidated() throws Exception {
        assertEquals(List.of(), errors(scenario), "the files validate");

        workspace.open(sets, SETS).get(60, TimeUnit.SECONDS);
        workspace.change(sets, SETS.replace("Home", "Away")).get(60, TimeUnit.SECONDS);

        assertFalse(errors(scenario).isEmpty(), "the scenario's reference no longer resolves");
        assertEquals(SETS, Files.readString(folder.resolve("sets.prov")), "the file on disk is untouched");

        workspace.close(sets).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), errors(scenario), "closed unsaved: the index is back to the file on disk");
    }

    @Test
    void aFileGoneBeforeItsChangeIsBuiltLeavesTheIndexWorking() throws Exception {
        // A save and a delete close together (a checkout, a script): the change arrives for a file that is gone.
        URI gone = workspace.uri(folder.resolve("gone.prov").toUri());
        workspace.filesChanged(List.of(gone), List.of()).get(60, TimeUnit.SECONDS);

        Files.writeString(folder.resolve("sets.prov"), SETS.replace("Home", "Away"));
        workspace.filesChanged(List.of(sets), List.of()).get(60, TimeUnit.SECONDS);
        assertFalse(errors(scenario).isEmpty(), "the index still builds: the renamed set no longer resolves the scenario's reference");
    }

    @Test
    void aFileDeletedWhileARootIsFirstBuiltLeavesTheIndexWorking() throws Exception {
        Path other = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-deleting"));
        Path doomed = Files.writeString(other.resolve("doomed.prov"), "namespace demo.doomed\n\nparameters Gone {\n}\n");
        Files.writeString(other.resolve("scenario.prov"), SCENARIO.replace("NewHandset", "OtherHandset"));
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
        // The new root's resource set is made after its files were listed and before they are read: the file goes between.
        workspace.setResourceSetSetup(resourceSet -> {
            if (armed.getAndSet(false)) {
                try {
                    Files.delete(doomed);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        workspace.changeRoots(List.of(new ProvWorkspace.Root(workspace.uri(other.toUri()), "deleting")), List.of()).get(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(doomed), "the file went during the first build");
        URI otherScenario = workspace.uri(other.resolve("scenario.prov").toUri());
        assertFalse(errors(otherScenario).isEmpty(), "the root was built: its scenario misses its set");

        Files.writeString(other.resolve("sets.prov"), SETS);
        workspace.filesChanged(List.of(workspace.uri(other.resolve("sets.prov").toUri())), List.of()).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), errors(otherScenario), "the index still builds");
    }

    @Test
    void anEditorClosedAfterItsFolderLeftTheIndexLeavesTheIndexWorking() throws Exception {
        Path other = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-other"));
        Files.writeString(other.resolve("scenario.prov"), SCENARIO.replace("NewHandset", "OtherHandset"));
        List<ProvWorkspace.Root> first = workspace.roots();
        workspace.changeRoots(List.of(new ProvWorkspace.Root(workspace.uri(other.toUri()), "other")), List.of()).get(60, TimeUnit.SECONDS);
        URI otherScenario = workspace.uri(other.resolve("scenario.prov").toUri());
        assertFalse(errors(otherScenario).isEmpty(), "a root sees only its own files: the set is missing");

        // The user closes the first project while a file of it is open, then closes the editor: the file is in no root any more.
        workspace.open(sets, SETS).get(60, TimeUnit.SECONDS);
        workspace.changeRoots(List.of(), first).get(60, TimeUnit.SECONDS);
        workspace.close(sets).get(60, TimeUnit.SECONDS);

        Files.writeString(other.resolve("sets.prov"), SETS);
        workspace.filesChanged(List.of(workspace.uri(other.resolve("sets.prov").toUri())), List.of()).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), errors(otherScenario), "the index still builds: the new set file resolves the reference");
    }

    @Test
    void aNewNameRevalidatesOnlyTheFilesItConcerns() throws Exception {
        Files.writeString(folder.resolve("same-namespace.prov"), "namespace demo.sets\n\nparameters Extra {\n\twww {\n\t\tport 80\n\t}\n}\n");
        URI sameNamespace = workspace.uri(folder.resolve("same-namespace.prov").toUri());
        workspace.filesChanged(List.of(sameNamespace), List.of()).get(60, TimeUnit.SECONDS);
        java.util.Set<URI> validated = java.util.concurrent.ConcurrentHashMap.newKeySet();
        workspace.addProblemListener((file, issues) -> validated.add(file));

        // An element added after Home: the scenario's reference still points at Home; it is not validated again.
        String added = SETS + "\nparameters Spare {\n\twww {\n\t\tport 81\n\t}\n}\n";
        workspace.open(sets, added).get(60, TimeUnit.SECONDS);
        assertTrue(validated.contains(sets));
        assertFalse(validated.contains(scenario), "the scenario refers to Home, which neither moved nor changed its name");

        // An element added before Home moves it (fragments are positional): the scenario is linked again.
        validated.clear();
        String before = SETS.replace("parameters Home", "parameters First {\n\twww {\n\t\tport 82\n\t}\n}\n\nparameters Home");
        workspace.change(sets, before).get(60, TimeUnit.SECONDS);
        assertTrue(validated.contains(scenario), "Home moved: the scenario's reference is resolved again");
        assertEquals(List.of(), errors(scenario));

        // A name that another file of the namespace declares too: that file learns of the duplicate.
        validated.clear();
        workspace.change(sets, before + "\nparameters Extra {\n\twww {\n\t\tport 83\n\t}\n}\n").get(60, TimeUnit.SECONDS);
        assertTrue(validated.contains(sameNamespace), validated::toString);
        assertFalse(errors(sameNamespace).isEmpty(), "Extra is declared twice in demo.sets");
    }

    @Test
    void definitionReferencesAndRenameCrossFiles() throws Exception {
        int reference = SCENARIO.indexOf("Home");
        var definitions = services.definitions(scenario, reference + 1).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(new ProvEditorServices.Span(sets, SETS.indexOf("Home"), 4)), definitions);

        var references = services.references(sets, SETS.indexOf("Home") + 1).get(60, TimeUnit.SECONDS);
        assertTrue(references.contains(new ProvEditorServices.Span(scenario, reference, 4)), references::toString);

        Map<URI, List<Edit>> rename = services.rename(sets, SETS.indexOf("Home") + 1, "Away").get(60, TimeUnit.SECONDS);
        assertEquals(List.of(new Edit(SETS.indexOf("Home"), 4, "Away")), rename.get(sets));
        assertTrue(rename.get(scenario).stream().anyMatch(edit -> edit.offset() == reference && edit.text().endsWith("Away")),
                rename::toString);
    }

    @Test
    void occurrencesAreReferencesNotWords() throws Exception {
        String text = SETS.replace("port 8080", "port 8080\n\t\thomepage \"Home\"");
        workspace.open(sets, text).get(60, TimeUnit.SECONDS);
        var occurrences = services.occurrences(sets, text.indexOf("Home") + 1).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(text.indexOf("Home")), occurrences.stream().map(ProvEditorServices.Occurrence::offset).toList());
    }

    @Test
    void outlineAndFormat() throws Exception {
        var outline = services.outline(sets).get(60, TimeUnit.SECONDS);
        // The namespace holds the file's declarations.
        assertEquals("demo.sets", outline.get(0).name());
        assertEquals(List.of("demo.sets.Home"), outline.get(0).children().stream().map(ProvEditorServices.Symbol::name).toList());

        String messy = SETS.replace("parameters Home {", "parameters    Home   {");
        workspace.open(sets, messy).get(60, TimeUnit.SECONDS);
        List<Edit> edits = services.format(sets, 0, -1).get(60, TimeUnit.SECONDS);
        StringBuilder formatted = new StringBuilder(messy);
        for (Edit edit : edits) {
            formatted.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
        }
        assertEquals(SETS, formatted.toString());
    }

    @Test
    void theNewProjectsStarterScenarioValidates() throws Exception {
        URI starter = workspace.uri(folder.resolve("starter.prov").toUri());
        Files.writeString(folder.resolve("starter.prov"), NewFiles.starter("starter"));
        workspace.filesChanged(List.of(starter), List.of()).get(60, TimeUnit.SECONDS);
        // Unsigned on purpose (a signed starter would need a PIN): the warning says how to sign it.
        assertEquals(List.of(), errors(starter));
    }

    @Test
    void lineCommentsToggleAndNewFilesTakeTheirFoldersNamespace() {
        var lines = List.of(new LineComments.Line(0, "\tport 80"), new LineComments.Line(9, ""), new LineComments.Line(10, "\tapn \"x\""));
        assertEquals(List.of(new Edit(11, 0, "// "), new Edit(1, 0, "// ")), LineComments.toggle(lines));
        var commented = List.of(new LineComments.Line(0, "\t// port 80"));
        assertEquals(List.of(new Edit(1, 3, "")), LineComments.toggle(commented));

        assertEquals("scenarios.north", NewFiles.namespace(List.of("Scenarios", "north"), "x"));
        assertEquals("fjord", NewFiles.namespace(List.of(), "fjord"));
        assertEquals("_2026.regions", NewFiles.namespace(List.of("2026", "re-gions"), "x"));
    }
}

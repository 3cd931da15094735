package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.cli.ProvRun.prov;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.testing.EveryConstruct;

/** {@code prov export}, {@code prov import} and {@code prov format}, on files in folders that refer to each other. */
class ExchangeAndFormatCommandsTest {

    /** A set in one folder... */
    private static final String SETS = """
            namespace shared.sets

            parameters National {
            	gprs {
            		apn "internet.operator.example"
            		dns "10.0.0.1", "10.0.0.2"
            	}
            	wap {
            		gateway "10.0.0.1"
            		port 9201
            		homepage "http://wap.operator.example/"
            	}
            }
            """;

    /** ...extended and delivered from another. */
    private static final String SCENARIO = """
            namespace demo.operator

            import shared.sets.*

            // The capital has its own APN.
            parameters London extends National {
            	gprs {
            		apn "london.operator.example"
            	}
            }

            scenario Setup {
            	deliver London, shared.sets.National {
            		format oma-cp
            		security userpin
            		pin env "PIN"
            		to "+447700900123"
            	}
            }
            """;

    @TempDir
    Path folder;

    /** The two files, under src/shared and src/ops. */
    private Path sources() throws Exception {
        Path src = folder.resolve("src");
        Files.createDirectories(src.resolve("shared"));
        Files.createDirectories(src.resolve("ops"));
        Files.writeString(src.resolve("shared/sets.prov"), SETS);
        Files.writeString(src.resolve("ops/scenario.prov"), SCENARIO);
        return src;
    }

    private static List<EObject> models(Path folder) throws Exception {
        var loaded = ProvisioningPipeline.standalone().load(List.of(folder));
        return loaded.resources().values().stream().map(r -> r.getContents().get(0)).toList();
    }

    @Test
    void exportWritesOneXmiPerFileThatPlainEmfOpensWithItsCrossFileReferences() throws Exception {
        Path xmi = folder.resolve("xmi");
        ProvRun run = prov("export", sources().toString(), "--xmi", xmi.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Exported 2 file(s)"), run.out());

        // no Xtext here: a plain resource set that knows only the metamodel
        ResourceSet plain = new ResourceSetImpl();
        plain.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        plain.getPackageRegistry().put(ProvisioningPackage.eNS_URI, ProvisioningPackage.eINSTANCE);
        Resource scenario = plain.getResource(URI.createFileURI(xmi.resolve("ops/scenario.xmi").toString()), true);
        EcoreUtil.resolveAll(plain);

        assertTrue(scenario.getErrors().isEmpty(), () -> scenario.getErrors().toString());
        ProvisioningModel model = (ProvisioningModel) scenario.getContents().get(0);
        ParameterSet london = (ParameterSet) model.getElements().get(0);
        assertFalse(london.getBase().eIsProxy(), "the reference to the other file resolves");
        assertEquals("internet.operator.example", london.getBase().getGprs().getApn());
        assertTrue(plain.getResources().stream().anyMatch(r -> xmi.resolve("shared/sets.xmi").toString().equals(r.getURI().toFileString())),
                "the other file was loaded through the href");
        ParameterDelivery delivery = (ParameterDelivery) ((Scenario) model.getElements().get(1)).getStages().get(0);
        assertEquals(List.of("London", "National"), delivery.getParameterSets().stream().map(ParameterSet::getName).toList());

        String text = Files.readString(xmi.resolve("ops/scenario.xmi"));
        assertTrue(text.contains("xmi:id=\"demo.operator.London\""), text);
        assertTrue(text.contains("href=\"../shared/sets.xmi#shared.sets.National\""), "a relative href to the qualified name: " + text);
        assertFalse(text.contains(folder.toString()), "no absolute path in the XMI");
    }

    @Test
    void exportGivesTheSameBytesEveryTime() throws Exception {
        Path src = sources();
        assertEquals(0, prov("export", src.toString(), "--xmi", folder.resolve("a").toString()).exitCode());
        assertEquals(0, prov("export", src.toString(), "--xmi", folder.resolve("b").toString()).exitCode());

        for (String file : List.of("ops/scenario.xmi", "shared/sets.xmi")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("a").resolve(file)), Files.readAllBytes(folder.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void provToXmiToProvGivesTheSameModelAndTheCanonicalText() throws Exception {
        Path src = sources();
        Path xmi = folder.resolve("xmi");
        Path back = folder.resolve("back");
        assertEquals(0, prov("export", src.toString(), "--xmi", xmi.toString()).exitCode());

        ProvRun run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Imported 2 file(s)"), run.out());
        assertTrue(EcoreUtil.equals(models(src), models(back)), "the imported model equals the exported one");
        assertEquals(SETS, Files.readString(back.resolve("shared/sets.prov")));
        // XMI keeps no comments, and a name that an import makes visible is written simply: the canonical text of the model
        assertEquals(SCENARIO.replace("// The capital has its own APN.\n", "").replace("shared.sets.National {", "National {"),
                Files.readString(back.resolve("ops/scenario.prov")));
    }

    @Test
    void everyConstructRoundTripsThroughXmi() throws Exception {
        Path src = folder.resolve("src");
        Files.createDirectories(src.resolve("shared"));
        Files.createDirectories(src.resolve("ops"));
        Files.writeString(src.resolve("ops/all.prov"), EveryConstruct.MAIN);
        Files.writeString(src.resolve("shared/sets.prov"), EveryConstruct.SETS);
        Files.writeString(src.resolve("shared/north.prov"), EveryConstruct.NORTH);
        Path xmi = folder.resolve("xmi");
        Path back = folder.resolve("back");

        ProvRun export = prov("export", src.toString(), "--xmi", xmi.toString());
        ProvRun imported = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("written as they are"), "the findings of the checks are reported: " + export.out());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(EcoreUtil.equals(models(src), models(back)), "the imported model equals the exported one");
        // a value equal to its default is not written back
        assertEquals(EveryConstruct.MAIN.replace("\tstored-on none\n", ""), Files.readString(back.resolve("ops/all.prov")));
        assertEquals(EveryConstruct.SETS, Files.readString(back.resolve("shared/sets.prov")));
        assertEquals(EveryConstruct.NORTH, Files.readString(back.resolve("shared/north.prov")));
    }

    @Test
    void anExportOfInputWithAnUnresolvedReferenceWritesNothing() throws Exception {
        Path src = sources();
        Files.writeString(src.resolve("ops/scenario.prov"), SCENARIO.replace("extends National", "extends Nationl"));
        Path xmi = folder.resolve("xmi");

        ProvRun run = prov("export", src.toString(), "--xmi", xmi.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("scenario.prov:6:27: error:"), run.err());
        assertFalse(Files.exists(xmi));
    }

    @Test
    void anExportOfAModelWithFindingsOfTheChecksWritesItAndReportsThem() throws Exception {
        Path src = sources();
        Files.writeString(src.resolve("shared/sets.prov"), SETS.replace("internet.operator.example", "bad apn!"));
        Path xmi = folder.resolve("xmi");

        ProvRun run = prov("export", src.toString(), "--xmi", xmi.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("sets.prov:5:7: error: The APN \"bad apn!\""), run.err());
        assertTrue(run.out().contains("The model has 1 error(s)"), run.out());
        assertTrue(Files.readString(xmi.resolve("shared/sets.xmi")).contains("apn=\"bad apn!\""));
    }

    @Test
    void anImportStopsAtAnHrefThatDoesNotResolve() throws Exception {
        Path xmi = folder.resolve("xmi");
        assertEquals(0, prov("export", sources().toString(), "--xmi", xmi.toString()).exitCode());
        Path scenario = xmi.resolve("ops/scenario.xmi");
        Files.writeString(scenario, Files.readString(scenario).replace("#shared.sets.National\"", "#shared.sets.Nowhere\""));
        Path back = folder.resolve("back");

        ProvRun run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains(scenario + ":0:0: error: The reference 'base' points to ") && run.err().contains("shared.sets.Nowhere"),
                run.err());
        assertTrue(run.err().contains("nothing was imported"), run.err());
        assertFalse(Files.exists(back));
    }

    @Test
    void anImportOfAModelThatBreaksARuleWritesItAndReportsTheFindingAtItsLine() throws Exception {
        Path xmi = folder.resolve("xmi");
        assertEquals(0, prov("export", sources().toString(), "--xmi", xmi.toString()).exitCode());
        Path sets = xmi.resolve("shared/sets.xmi");
        Files.writeString(sets, Files.readString(sets).replace("internet.operator.example", "bad apn!"));
        Path back = folder.resolve("back");

        ProvRun run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(back.resolve("shared/sets.prov") + ":5:7: error: The APN \"bad apn!\""), run.err());
        assertTrue(run.out().contains("The model has 1 error(s)"), run.out());
        assertEquals(SETS.replace("internet.operator.example", "bad apn!"), Files.readString(back.resolve("shared/sets.prov")));
    }

    @Test
    void anImportOfAFileThatIsNotXmiOfTheMetamodelNamesTheFile() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.xmi"), "<not-xmi/>");

        ProvRun run = prov("import", broken.toString(), "-o", folder.resolve("back").toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().startsWith(broken.toString() + ":"), run.err());
    }

    @Test
    void anOutputFolderWithOtherFilesIsRefusedNotReplaced() throws Exception {
        Path src = sources();
        Path notes = Files.writeString(folder.resolve("notes.txt"), "keep me");

        ProvRun run = prov("export", src.toString(), "--xmi", folder.toString());

        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        // the folder holds the sources: never replaced, which is checked before its other files
        assertTrue(run.err().contains("holds src, an input of this run: it is never replaced"), run.err());
        assertEquals("keep me", Files.readString(notes));
        assertEquals(SETS, Files.readString(src.resolve("shared/sets.prov")));

        Path docs = Files.createDirectories(folder.resolve("docs"));
        Path letter = Files.writeString(docs.resolve("letter.txt"), "keep me too");
        ProvRun foreign = prov("export", src.toString(), "--xmi", docs.toString());
        assertEquals(Prov.EXIT_GENERATION_FAILED, foreign.exitCode());
        assertTrue(foreign.err().contains("holds letter.txt, which this tool did not write"), foreign.err());
        assertEquals("keep me too", Files.readString(letter));
    }

    @Test
    void formatCheckListsTheFilesThatWouldChangeAndFails() throws Exception {
        Path src = sources();
        Path messy = src.resolve("ops/scenario.prov");
        String messyText = SCENARIO.replace("\t\tformat oma-cp\n", "   format    oma-cp\n").replace("}\n\nscenario", "}\nscenario");
        Files.writeString(messy, messyText);

        ProvRun check = prov("format", "--check", src.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, check.exitCode());
        assertTrue(check.out().contains(messy + ": not in the canonical layout"), check.out());
        assertFalse(check.out().contains("sets.prov"), check.out());
        assertTrue(check.out().contains("2 file(s) checked: 1 would change."), check.out());
        assertEquals(messyText, Files.readString(messy), "--check writes nothing");
    }

    @Test
    void formatRewritesOnlyTheFilesOutOfLayoutAndThenTheCheckPasses() throws Exception {
        Path src = sources();
        Path messy = src.resolve("ops/scenario.prov");
        Files.writeString(messy, SCENARIO.replace("\t\tformat oma-cp\n", "   format    oma-cp\n"));
        long setsModified = Files.getLastModifiedTime(src.resolve("shared/sets.prov")).toMillis();

        ProvRun run = prov("format", src.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Formatted " + messy), run.out());
        assertEquals(SCENARIO, Files.readString(messy), "the comment is kept");
        assertEquals(setsModified, Files.getLastModifiedTime(src.resolve("shared/sets.prov")).toMillis(), "an unchanged file is not written");
        assertEquals(0, prov("format", "--check", src.toString()).exitCode());
        try (Stream<Path> files = Files.list(messy.getParent())) {
            assertEquals(List.of(messy), files.toList(), "no staging file is left");
        }
    }

    @Test
    void formatLeavesAFileWithASyntaxErrorAsItIsAndSaysWhere() throws Exception {
        Path src = sources();
        Path broken = src.resolve("ops/scenario.prov");
        String text = SCENARIO.replace("apn \"london", "apm \"london");
        Files.writeString(broken, text);

        ProvRun run = prov("format", broken.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains(broken + ":8:3: error: Unexpected 'apm' in the gprs block"), run.err());
        assertEquals(text, Files.readString(broken));
    }

    @Test
    void theNewCommandsHaveHelpAndNeedTheirOutputFolder() {
        for (String command : new String[] { "format", "export", "import" }) {
            ProvRun run = prov(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: prov " + command), run.out());
        }
        assertEquals(Prov.EXIT_USAGE, prov("export", "x.prov").exitCode(), "--xmi is required");
        assertEquals(Prov.EXIT_USAGE, prov("import", "x.xmi").exitCode(), "-o is required");
    }
}

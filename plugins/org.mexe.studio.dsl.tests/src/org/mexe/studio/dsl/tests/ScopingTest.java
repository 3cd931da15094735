package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;

/**
 * Names across files, folders and namespaces: simple names within a namespace, qualified names
 * everywhere, imports with and without a wildcard, and the precedence among them when two
 * elements share a simple name.
 */
class ScopingTest {

    private final ProvFiles files = new ProvFiles();

    /** A file of the given namespace with one parameter set, whose gateway tells which set a reference found. */
    private XtextResource set(String path, String namespace, String name, String gateway) {
        return files.parse(path, "namespace " + namespace + "\n\nparameters " + name + " {\n\twap {\n\t\tgateway \"" + gateway
                + "\"\n\t}\n}\n");
    }

    /** A file whose scenario delivers {@code reference}, after the given imports. */
    private XtextResource delivering(String path, String namespace, String imports, String reference) {
        return files.parse(path, "namespace " + namespace + "\n\n" + imports + "scenario S {\n\tdeliver " + reference
                + " {\n\t\tformat oma-cp\n\t}\n}\n");
    }

    /** The set that the scenario's delivery resolved to, or null when it did not resolve. */
    private ParameterSet delivered(XtextResource resource) {
        EcoreUtil.resolveAll(resource.getResourceSet());
        ProvisioningModel model = (ProvisioningModel) resource.getContents().get(0);
        Scenario scenario = (Scenario) model.getElements().stream().filter(Scenario.class::isInstance).findFirst().orElseThrow();
        ParameterSet set = ((ParameterDelivery) scenario.getStages().get(0)).getParameterSets().get(0);
        return set.eIsProxy() ? null : set;
    }

    private static String gateway(ParameterSet set) {
        return set == null ? null : set.getWap().getGateway();
    }

    private List<Issue> linkingErrors(XtextResource resource) {
        return files.validate(resource).stream().filter(i -> Diagnostic.LINKING_DIAGNOSTIC.equals(i.getCode())).toList();
    }

    @Test
    void elementsAreNamedByTheirNamespace() {
        XtextResource resource = set("a.prov", "demo.operator", "Home", "10.0.0.1");
        ParameterSet home = (ParameterSet) ((ProvisioningModel) resource.getContents().get(0)).getElements().get(0);

        assertEquals("demo.operator.Home", ProvFiles.INJECTOR.getInstance(IQualifiedNameProvider.class).getFullyQualifiedName(home).toString());
    }

    @Test
    void aSimpleNameFindsAnElementOfTheSameFile() {
        XtextResource resource = files.parse("same.prov", """
                namespace demo.operator

                parameters Home {
                	wap {
                		gateway "10.0.0.1"
                	}
                }

                scenario S {
                	deliver Home {
                		format oma-cp
                	}
                }
                """);

        assertEquals("10.0.0.1", gateway(delivered(resource)));
    }

    @Test
    void aSimpleNameFindsAnElementOfTheSameNamespaceInAnotherFileAndFolder() {
        set("shared/sets/national.prov", "demo.operator", "National", "10.0.0.1");
        XtextResource scenario = delivering("scenarios/brief.prov", "demo.operator", "", "National");

        assertEquals("10.0.0.1", gateway(delivered(scenario)));
        assertEquals(List.of(), linkingErrors(scenario));
    }

    @Test
    void namespacesMayUseWordsOfTheLanguageThatOperatorsNameFoldersAfter() {
        XtextResource sets = set("trust/parameters.prov", "acme.trust.parameters", "National", "10.0.0.1");
        XtextResource scenario = delivering("s.prov", "acme.handsets.scenario", "import acme.trust.parameters.*\n\n", "National");

        assertEquals(List.of(), sets.getErrors());
        assertEquals(List.of(), scenario.getErrors());
        assertEquals("10.0.0.1", gateway(delivered(scenario)));
        XtextResource qualified = delivering("q.prov", "acme.security", "", "acme.trust.parameters.National");
        assertEquals("10.0.0.1", gateway(delivered(qualified)));
    }

    @Test
    void aQualifiedNameFindsAnElementOfAnyNamespaceWithoutImport() {
        set("shared.prov", "shared.sets", "National", "10.0.0.1");
        XtextResource scenario = delivering("s.prov", "demo.operator", "", "shared.sets.National");

        assertEquals("10.0.0.1", gateway(delivered(scenario)));
    }

    @Test
    void aWildcardImportMakesTheSimpleNamesOfANamespaceVisible() {
        set("shared.prov", "shared.sets", "National", "10.0.0.1");
        XtextResource scenario = delivering("s.prov", "demo.operator", "import shared.sets.*\n\n", "National");

        assertEquals("10.0.0.1", gateway(delivered(scenario)));
    }

    @Test
    void aWildcardImportGivesTheDefinitionsDirectlyInTheNamespaceNotThoseOfNamespacesBelow() {
        set("regions.prov", "shared.sets.regions", "Capital", "10.0.0.9");
        XtextResource partly = delivering("s1.prov", "demo.operator", "import shared.sets.*\n\n", "regions.Capital");
        XtextResource imported = delivering("s2.prov", "demo.other", "import shared.sets.regions.*\n\n", "Capital");

        assertEquals(null, delivered(partly), "a partly qualified name");
        assertEquals("10.0.0.9", gateway(delivered(imported)));
    }

    @Test
    void aSingleImportMakesOneSimpleNameVisible() {
        set("shared.prov", "shared.sets", "National", "10.0.0.1");
        set("shared2.prov", "shared.sets", "Regional", "10.0.0.2");
        XtextResource imported = delivering("s.prov", "demo.operator", "import shared.sets.National\n\n", "National");
        XtextResource notImported = delivering("t.prov", "demo.other", "import shared.sets.National\n\n", "Regional");

        assertEquals("10.0.0.1", gateway(delivered(imported)));
        assertEquals(null, delivered(notImported));
    }

    @Test
    void anUnimportedSimpleNameOfAnotherNamespaceIsALinkingErrorAtTheReference() {
        set("shared.prov", "shared.sets", "National", "10.0.0.1");
        XtextResource scenario = delivering("s.prov", "demo.operator", "", "National");

        List<Issue> errors = linkingErrors(scenario);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(4, errors.get(0).getLineNumber());
        assertEquals(10, errors.get(0).getColumn());
        assertTrue(errors.get(0).getMessage().contains("'National'"), errors.get(0).getMessage());
    }

    @Test
    void aNameOfTheWrongKindDoesNotResolve() {
        XtextResource resource = files.parse("kind.prov", """
                namespace demo.operator

                handset Phone {
                	classmarks 1
                }

                scenario S {
                	deliver Phone {
                		format oma-cp
                	}
                }
                """);

        assertEquals(1, linkingErrors(resource).size());
    }

    @Test
    void theSameFileWinsOverEveryImport() {
        set("shared.prov", "shared.sets", "Home", "imported");
        set("other.prov", "demo.operator", "Elsewhere", "same namespace");
        XtextResource resource = files.parse("own.prov", """
                namespace demo.operator

                import shared.sets.Home

                parameters Home {
                	wap {
                		gateway "own file"
                	}
                }

                scenario S {
                	deliver Home {
                		format oma-cp
                	}
                }
                """);

        assertEquals("own file", gateway(delivered(resource)));
    }

    @Test
    void aSingleImportWinsOverTheNamespaceAndTheNamespaceOverAWildcardImport() {
        set("single.prov", "shared.single", "Home", "single import");
        set("wild.prov", "shared.wild", "Home", "wildcard import");
        set("same.prov", "demo.operator", "Home", "same namespace");

        XtextResource withSingle = delivering("s1.prov", "demo.operator", "import shared.single.Home\nimport shared.wild.*\n\n", "Home");
        XtextResource withWildcard = delivering("s2.prov", "demo.operator", "import shared.wild.*\n\n", "Home");

        assertEquals("single import", gateway(delivered(withSingle)));
        assertEquals("same namespace", gateway(delivered(withWildcard)));
    }

    @Test
    void twoWildcardImportsOfOneSimpleNameMakeItAmbiguousButTheQualifiedNameWorks() {
        set("a.prov", "region.north", "Home", "north");
        set("b.prov", "region.south", "Home", "south");
        String imports = "import region.north.*\nimport region.south.*\n\n";

        XtextResource ambiguous = delivering("s1.prov", "demo.operator", imports, "Home");
        XtextResource qualified = delivering("s2.prov", "demo.other", imports, "region.south.Home");

        assertEquals(null, delivered(ambiguous));
        assertFalse(linkingErrors(ambiguous).isEmpty());
        assertEquals("south", gateway(delivered(qualified)));
    }
}

package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.dsl.ide.contentassist.ProvContentAssist;

import com.google.inject.Injector;

class ContentAssistTest {

    private static final Injector INJECTOR = new ProvIdeSetup().createInjectorAndDoEMFRegistration();

    private final XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);

    private XtextResource parse(String name, String text) throws IOException {
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + name));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        return resource;
    }

    private List<String> proposalsAtEnd(String text) throws IOException {
        return INJECTOR.getInstance(ProvContentAssist.class).proposals(parse("edited.prov", text), text, text.length())
                .stream().map(ContentAssistEntry::getProposal).toList();
    }

    @Test
    void offersTheTopLevelKeywordsAfterTheNamespace() throws IOException {
        List<String> proposals = proposalsAtEnd("namespace demo.operator\n\n");
        assertTrue(proposals.containsAll(List.of("parameters", "scenario", "import")), proposals::toString);
        assertFalse(proposals.contains("namespace"), proposals::toString);
    }

    @Test
    void offersTheStatementsOfADeliveryInOrder() throws IOException {
        List<String> proposals = proposalsAtEnd("""
                namespace a
                parameters P { www { homepage "http://x.example/" } }
                scenario S { deliver P { format oma-cp security\s""");
        assertEquals(List.of("netwpin", "none", "usernetwpin", "userpin", "userpinmac"), proposals.stream().sorted().toList());
    }

    @Test
    void offersParameterSetsOfOtherFilesByQualifiedName() throws IOException {
        parse("other.prov", "namespace demo.other\n\nparameters Roaming {\n\twww {\n\t\thomepage \"http://r.example/\"\n\t}\n}\n");
        String text = "namespace demo.operator\n\nparameters Home {\n}\n\nscenario S {\n\tdeliver ";
        List<String> proposals = proposalsAtEnd(text);
        assertTrue(proposals.contains("Home"), proposals::toString);
        assertTrue(proposals.contains("demo.other.Roaming"), proposals::toString);
    }

    @Test
    void offersTheStatementsOfAParameterBlock() throws IOException {
        List<String> proposals = proposalsAtEnd("namespace a\n\nparameters P {\n\tgprs {\n\t\t");
        assertTrue(proposals.containsAll(List.of("apn", "auth", "user", "password", "dns", "linger", "}")), proposals::toString);
        assertFalse(proposals.contains("gateway"), "a statement of the wap block: " + proposals);
    }

    @Test
    void offersSetsOfTheSameNamespaceInOtherFilesBySimpleName() throws IOException {
        parse("national.prov", "namespace demo.operator\n\nparameters National {\n\twww {\n\t\tproxy \"p.example\"\n\t}\n}\n");
        List<String> proposals = proposalsAtEnd("namespace demo.operator\n\nscenario S {\n\tdeliver ");
        assertTrue(proposals.contains("National"), proposals::toString);
    }

    @Test
    void theTypedPrefixIsWhatAProposalReplaces() throws IOException {
        String text = "namespace a\n\nsce";
        List<ContentAssistEntry> entries = INJECTOR.getInstance(ProvContentAssist.class).proposals(parse("p.prov", text), text, text.length());
        ContentAssistEntry scenario = entries.stream().filter(e -> e.getProposal().equals("scenario")).findFirst().orElseThrow();
        assertEquals("sce", scenario.getPrefix());
    }

    @Test
    void anOffsetOutsideTheTextIsRejected() throws IOException {
        String text = "namespace a\n";
        var assist = INJECTOR.getInstance(ProvContentAssist.class);
        XtextResource resource = parse("q.prov", text);
        assertThrows(IllegalArgumentException.class, () -> assist.proposals(resource, text, text.length() + 1));
    }
}
